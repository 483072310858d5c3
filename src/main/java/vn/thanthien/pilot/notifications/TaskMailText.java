package vn.thanthien.pilot.notifications;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/**
 * The Vietnamese subject and body of a mail about a task: what the task is, for which unit, its
 * due date (dd/MM/yyyy in the programme's time zone, or "không có hạn") and its link in Tasklist.
 */
public record TaskMailText(String subject, String body) {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /**
   * @param kind why the unit is told
   * @param taskName the task's name as the model gives it
   * @param unitName the unit's name, e.g. "UBND xã Chí Hòa"
   * @param concerning what the task is part of, e.g. "Thí điểm mô hình tại xã — Xã Chí Hòa (mã 12679)"
   * @param due the task's due date, or null
   * @param link the task in Tasklist
   * @param zone the programme's time zone
   */
  public static TaskMailText of(TaskMail.Kind kind, String taskName, String unitName, String concerning,
      Date due, String link, ZoneId zone) {
    String dueDay = due == null ? "không có hạn" : DAY.format(due.toInstant().atZone(zone));
    String details = "Việc: " + taskName + "\n"
        + "Đơn vị: " + unitName + "\n"
        + "Thuộc: " + concerning + "\n"
        + "Hạn hoàn thành: " + dueDay + "\n";
    String closing = "\nThư này do hệ thống quản lý mô hình \"Chính quyền thân thiện vì nhân dân phục vụ\" "
        + "gửi tự động đến cán bộ của đơn vị; xin không trả lời thư này.\n";
    return switch (kind) {
      case OFFERED -> new TaskMailText("Việc mới cho " + unitName + ": " + taskName,
          "Kính gửi cán bộ " + unitName + ",\n\n"
              + "Đơn vị có một việc mới cần thực hiện:\n\n" + details + "\n"
              + "Mở việc trong «Xử lý công việc» (nhận việc rồi hoàn thành): " + link + "\n" + closing);
      case REMINDER -> new TaskMailText("Sắp đến hạn: " + taskName + " (" + unitName + ")",
          "Kính gửi cán bộ " + unitName + ",\n\n"
              + "Việc sau đây của đơn vị sắp đến hạn mà chưa hoàn thành:\n\n" + details + "\n"
              + "Đề nghị đơn vị hoàn thành đúng hạn trong «Xử lý công việc»: " + link + "\n" + closing);
      case LATE -> new TaskMailText("Quá hạn: " + taskName + " (" + unitName + ")",
          "Kính gửi cán bộ " + unitName + ",\n\n"
              + "Việc sau đây của đơn vị đã quá hạn mà chưa hoàn thành:\n\n" + details + "\n"
              + "Đề nghị đơn vị khẩn trương hoàn thành trong «Xử lý công việc»: " + link + "\n" + closing);
    };
  }
}
