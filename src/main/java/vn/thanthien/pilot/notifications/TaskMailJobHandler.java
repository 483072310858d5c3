package vn.thanthien.pilot.notifications;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.incidents.JobFailureDescription;
import vn.thanthien.pilot.incidents.VietnameseIncidentHandler;
import vn.thanthien.pilot.organisation.TimeZoneProperties;

/**
 * Runs a mail job ({@link TaskMail}) after the transaction that created it has committed: reads
 * the task as it is now and mails the members of the unit that have an e-mail address. A task
 * that is already completed or deleted, or no longer offered to that unit, is not mailed about. A
 * failure to send fails the job, so the engine retries it ({@code pilot.mail.retry-time-cycle}) and
 * finally raises an incident whose message says in Vietnamese which mail was not sent and why.
 */
@Component
public class TaskMailJobHandler implements JobHandler<TaskMail>, JobFailureDescription {

  public static final String TYPE = "pilot-task-mail";
  private static final Logger LOG = LoggerFactory.getLogger(TaskMailJobHandler.class);

  private final MailDelivery delivery;
  private final NotificationProperties properties;
  private final ZoneId zone;

  public TaskMailJobHandler(MailDelivery delivery, NotificationProperties properties, TimeZoneProperties zone) {
    this.delivery = delivery;
    this.properties = properties;
    this.zone = zone.timeZone();
  }

  @Override
  public String getType() {
    return TYPE;
  }

  @Override
  public void execute(TaskMail mail, ExecutionEntity execution, CommandContext commandContext, String tenantId) {
    TaskEntity task = commandContext.getTaskManager().findTaskById(mail.taskId());
    if (task == null || !offeredTo(task, mail.groupId())) {
      LOG.debug("No {} mail for task {} to {}: the task is done or no longer offered to the unit",
          mail.kind(), mail.taskId(), mail.groupId());
      return;
    }
    if (!delivery.isOn()) {
      // a job stored while a mail server was configured, run after a restart without one
      LOG.info("No mail server configured any more: {} mail for task {} to {} dropped", mail.kind(), mail.taskId(),
          mail.groupId());
      return;
    }
    Map<String, String> recipients = commandContext.runWithoutAuthorization(
        () -> recipients(commandContext, mail.groupId()));
    if (recipients.isEmpty()) {
      LOG.info("No member of {} has an e-mail address: no {} mail for task {}", mail.groupId(), mail.kind(),
          mail.taskId());
      return;
    }
    TaskMailText text = TaskMailText.of(mail.kind(), taskName(task), unitName(commandContext, mail.groupId()),
        concerning(task), task.getDueDate(), properties.tasklistLink(task.getId()), zone);
    MailDelivery.Outcome outcome = delivery.send(recipients.keySet(), text.subject(), text.body());
    // one bad address never fails the job: the others have their mail, and a retry would mail them
    // again; the address to correct is named here (Camunda Admin, the member's profile)
    outcome.undelivered().forEach((address, why) -> LOG.warn(
        "The {} mail about task {} was not delivered to member '{}' of {} at '{}' ({}); the unit's other members "
            + "got it. Correct the member's e-mail address in Camunda Admin.",
        mail.kind(), task.getId(), recipients.get(address), mail.groupId(), printable(address), printable(why)));
    LOG.info("Mailed {} member(s) of {} about task {} ({})", outcome.sent().size(), mail.groupId(), task.getId(),
        mail.kind());
  }

  @Override
  public TaskMail newConfiguration(String canonicalString) {
    return TaskMail.parse(canonicalString);
  }

  @Override
  public void onDelete(TaskMail configuration, JobEntity jobEntity) {
    // nothing kept besides the job
  }

  @Override
  public String incidentMessage(JobEntity job, String failure) {
    TaskMail mail = TaskMail.parse(job.getJobHandlerConfigurationRaw());
    CommandContext commandContext = Context.getCommandContext();
    TaskEntity task = commandContext.getTaskManager().findTaskById(mail.taskId());
    String taskName = task == null ? "mã hệ thống " + mail.taskId() : taskName(task);
    String notice = switch (mail.kind()) {
      case LATE -> "thư báo quá hạn của việc";
      case REMINDER -> "thư nhắc hạn của việc";
      case OFFERED -> "thư báo việc";
    };
    return "Không gửi được " + notice + " «" + taskName + "» cho " + unitName(commandContext, mail.groupId())
        + " sau nhiều lần tự động thử lại: " + (failure == null || failure.isBlank() ? "lỗi không rõ" : failure)
        + ". Công việc vẫn nằm trong «Xử lý công việc» của đơn vị, không bị mất; chỉ thư báo chưa được gửi. "
        + "Cách xử lý: quản trị hệ thống kiểm tra máy chủ thư (SPRING_MAIL_HOST, SPRING_MAIL_PORT, tài khoản "
        + "gửi thư), rồi bấm «Thử lại» (Retry) trong «Theo dõi quy trình» để gửi lại thư.";
  }

  private static boolean offeredTo(TaskEntity task, String groupId) {
    return task.getIdentityLinks().stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && groupId.equals(link.getGroupId()));
  }

  /** The distinct e-mail addresses of the unit's members, in a stable order, each with its member's id. */
  private static Map<String, String> recipients(CommandContext commandContext, String groupId) {
    Map<String, String> recipients = new LinkedHashMap<>();
    for (User member : commandContext.getReadOnlyIdentityProvider().createUserQuery(commandContext)
        .memberOfGroup(groupId).orderByUserId().asc().list()) {
      String email = member.getEmail() == null ? "" : member.getEmail().strip();
      if (!email.isEmpty()) {
        recipients.putIfAbsent(email, member.getId());
      }
    }
    return recipients;
  }

  /** A stored value as one log line: no line breaks or other control characters of its own. */
  private static String printable(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }

  /** "UBND xã Chí Hòa"; the group's id when it has no name. */
  private static String unitName(CommandContext commandContext, String groupId) {
    Group group = commandContext.runWithoutAuthorization(
        () -> commandContext.getReadOnlyIdentityProvider().findGroupById(groupId));
    return group == null || group.getName() == null || group.getName().isBlank() ? groupId : group.getName();
  }

  private static String taskName(TaskEntity task) {
    return task.getName() == null || task.getName().isBlank() ? task.getTaskDefinitionKey() : task.getName();
  }

  /** "Thí điểm mô hình tại xã — Xã Chí Hòa (mã 12679)": the process and unit a task belongs to. */
  public static String concerning(TaskEntity task) {
    ExecutionEntity instance = task.getProcessInstance();
    if (instance == null) {
      return "việc riêng, không thuộc quy trình nào";
    }
    String process = instance.getProcessDefinition().getName() == null ? instance.getProcessDefinition().getKey()
        : instance.getProcessDefinition().getName();
    return process + " — " + VietnameseIncidentHandler.unitOf(instance);
  }
}
