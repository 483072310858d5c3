package vn.thanthien.pilot.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** What an official reads in a mail, and what an administrator reads when one is not sent. */
class TaskMailTextTest {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Test
  void theDueDayIsTheDayInVietnam() {
    // 17:30 UTC on 31 December is half past midnight on 1 January in Vietnam
    TaskMailText text = TaskMailText.of(TaskMail.Kind.OFFERED, "Thẩm định kế hoạch của xã", "UBND huyện Hưng Hà",
        "Thực hiện mô hình tại xã — Xã Chí Hòa (mã 12679)", Date.from(Instant.parse("2025-12-31T17:30:00Z")),
        "http://localhost:8080/camunda/app/tasklist/default/#/?task=t1", VIETNAM);

    assertThat(text.subject()).isEqualTo("Việc mới cho UBND huyện Hưng Hà: Thẩm định kế hoạch của xã");
    assertThat(text.body()).contains("Hạn hoàn thành: 01/01/2026\n")
        .contains("Mở việc trong «Xử lý công việc» (nhận việc rồi hoàn thành): "
            + "http://localhost:8080/camunda/app/tasklist/default/#/?task=t1");
  }

  @Test
  void aTaskWithoutDueDateSaysSo() {
    TaskMailText text = TaskMailText.of(TaskMail.Kind.OFFERED, "Rút kinh nghiệm tại xã", "UBND xã Chí Hòa",
        "Thực hiện mô hình tại xã — Xã Chí Hòa (mã 12679)", null, "http://x/#/?task=t2", VIETNAM);

    assertThat(text.body()).contains("Hạn hoàn thành: không có hạn\n");
  }

  @Test
  void aBaseUrlWithATrailingSlashGivesOneLink() {
    NotificationProperties properties = new NotificationProperties("https://thanthien.example.vn/", "a@b.vn", null);

    assertThat(properties.tasklistLink("t3"))
        .isEqualTo("https://thanthien.example.vn/camunda/app/tasklist/default/#/?task=t3");
    assertThat(properties.retryTimeCycle()).isEqualTo("R3/PT5M");
    assertThatThrownBy(() -> new NotificationProperties("thanthien.example.vn", "a@b.vn", null))
        .hasMessageContaining("pilot.mail.base-url");
  }

  @Test
  void theReasonAMailWasNotSentIsSaidInVietnamese() {
    MailSendException refused = new MailSendException("Mail server connection failed",
        new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")));
    assertThat(MailDelivery.reason(refused, "smtp.thaibinh.gov.vn:587"))
        .isEqualTo("không kết nối được máy chủ thư smtp.thaibinh.gov.vn:587");
    assertThat(MailDelivery.reason(new MailAuthenticationException("535 bad credentials"), "smtp:587"))
        .isEqualTo("máy chủ thư smtp:587 không chấp nhận tên đăng nhập hoặc mật khẩu gửi thư");
  }

  @Test
  void aJobConfigurationReadsBackAsWritten() {
    TaskMail mail = new TaskMail(TaskMail.Kind.LATE, "5f1c-77", "commune-12679");

    assertThat(TaskMail.parse(mail.toCanonicalString())).isEqualTo(mail);
    assertThatThrownBy(() -> TaskMail.parse("LATE only-two")).isInstanceOf(IllegalArgumentException.class);
  }
}
