package vn.thanthien.pilot.calendar;

import java.util.Date;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.incidents.JobFailureDescription;
import vn.thanthien.pilot.notifications.LateWorkMail;
import vn.thanthien.pilot.notifications.NotificationProperties;
import vn.thanthien.pilot.organisation.TimeZoneProperties;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * Runs the calendar's timers ({@link LateWorkTimer}) of a task that is still open:
 * <ul>
 *   <li>{@code REMIND}: the unit's members are mailed "Sắp đến hạn: …";</li>
 *   <li>{@code ESCALATE}: the unit's members are mailed "Quá hạn: …" and the unit above gets the
 *   follow-up task "Đôn đốc …" ({@link FollowUps}), which ends by itself when the task is done.</li>
 * </ul>
 * A timer run before its time (an administrator's "run now", a test running every job) is stored
 * again for its time; a task whose due date was moved later is watched again at the new date.
 */
@Component
public class LateWorkJobHandler implements JobHandler<LateWorkTimer>, JobFailureDescription {

  public static final String TYPE = "pilot-late-work";
  private static final Logger LOG = LoggerFactory.getLogger(LateWorkJobHandler.class);

  private final LateWorkMail mail;
  private final FollowUps followUps;

  public LateWorkJobHandler(LateWorkMail mail, UnitDirectory units, NotificationProperties links, TimeZoneProperties time) {
    this.mail = mail;
    this.followUps = new FollowUps(units, links, time.timeZone());
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(LateWorkTimer timer, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    TaskEntity task = commandContext.getTaskManager().findTaskById(timer.taskId());
    if (task == null || task.getDueDate() == null) {
      return;
    }
    Date now = ClockUtil.getCurrentTime();
    Date at = timer.kind() == LateWorkTimer.Kind.ESCALATE && task.getDueDate().after(timer.at()) ? task.getDueDate()
        : timer.at();
    if (now.before(at)) {
      LateWorkTimers.schedule(task, new LateWorkTimer(timer.kind(), task.getId(), at));
      return;
    }
    if (timer.kind() == LateWorkTimer.Kind.REMIND) {
      mail.reminder(task);
      return;
    }
    mail.late(task);
    followUps.start(task, commandContext).ifPresentOrElse(
        followUp -> LOG.info("Task {} ({}) is late: follow-up {} started", task.getId(), task.getName(), followUp),
        () -> LOG.info("Task {} ({}) is late; no level above its unit to follow it up", task.getId(), task.getName()));
  }

  @Override
  public LateWorkTimer newConfiguration(String canonicalString) {
    return LateWorkTimer.parse(canonicalString);
  }

  @Override
  public void onDelete(LateWorkTimer configuration, JobEntity jobEntity) {
    // nothing kept besides the job
  }

  @Override
  public String incidentMessage(JobEntity job, String failure) {
    LateWorkTimer timer = LateWorkTimer.parse(job.getJobHandlerConfigurationRaw());
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(timer.taskId());
    String taskName = task == null ? "mã hệ thống " + timer.taskId() : task.getName();
    String what = timer.kind() == LateWorkTimer.Kind.REMIND ? "Không nhắc hạn được việc «" + taskName + "»"
        : "Không tạo được việc đôn đốc cho việc quá hạn «" + taskName + "»";
    return what + " sau nhiều lần tự động thử lại: " + (failure == null || failure.isBlank() ? "lỗi không rõ" : failure)
        + ". Việc vẫn nằm trong «Xử lý công việc» của đơn vị, không bị mất. Cách xử lý: quản trị hệ thống xem "
        + "nguyên nhân trong nhật ký máy chủ, khắc phục, rồi bấm «Thử lại» (Retry) trong «Theo dõi quy trình».";
  }
}
