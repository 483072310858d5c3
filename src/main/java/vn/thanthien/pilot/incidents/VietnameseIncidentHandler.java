package vn.thanthien.pilot.incidents;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incidents of failed steps that a manager can act on: the incident's message in Cockpit says in
 * Vietnamese which step failed, for which unit, what the cause looks like and what to do; the
 * technical cause stays in the log and in the job's error details. Retrying after the cause is
 * removed continues the work where it stopped. A job that is not a step of a model and whose handler
 * describes its own failures ({@link JobFailureDescription}, e.g. a mail to officials) gets that
 * handler's message instead.
 */
public class VietnameseIncidentHandler extends DefaultIncidentHandler {

  private static final Logger LOG = LoggerFactory.getLogger(VietnameseIncidentHandler.class);
  /** Camunda keeps an incident's message in 4,000 characters. */
  static final int MAX_MESSAGE = 4000;

  public VietnameseIncidentHandler(String type) {
    super(type);
  }

  @Override
  public Incident handleIncident(IncidentContext context, String technicalMessage) {
    String described = describedByItsJob(context, technicalMessage);
    if (described != null) {
      LOG.warn("Job {} failed for good; incident raised. Technical cause: {}", context.getConfiguration(),
          technicalMessage);
      return super.handleIncident(context, limited(described));
    }
    String activityId = context.getFailedActivityId() != null ? context.getFailedActivityId() : context.getActivityId();
    ExecutionEntity execution = context.getExecutionId() == null ? null
        : Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId());
    String step = stepName(context.getProcessDefinitionId(), activityId);
    String unit = unitOf(execution);
    LOG.warn("Step {} ({}) of {} failed for good; incident raised. Technical cause: {}",
        activityId, step, unit, technicalMessage);
    return super.handleIncident(context, message(step, unit, technicalMessage));
  }

  static String message(String step, String unit, String technicalMessage) {
    String text = "Bước «" + step + "» của " + unit + " không thực hiện được sau nhiều lần tự động thử lại; "
        + "quy trình đang dừng ở bước này, dữ liệu đã nhập không bị mất. " + likelyCause(technicalMessage)
        + "Cách xử lý: quản trị hệ thống xem nguyên nhân kỹ thuật trong nhật ký máy chủ hoặc trong chi tiết lỗi "
        + "của sự cố này, khắc phục nguyên nhân, rồi bấm «Thử lại» (Retry) trong «Theo dõi quy trình» để quy trình "
        + "chạy tiếp.";
    return limited(text);
  }

  private static String limited(String text) {
    return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text;
  }

  /** The message of a failed job's own handler, when it describes its failures; null otherwise. */
  private static String describedByItsJob(IncidentContext context, String technicalMessage) {
    // the incident of a failed job is configured with the job's id
    JobEntity job = context.getConfiguration() == null ? null
        : Context.getCommandContext().getJobManager().findJobById(context.getConfiguration());
    if (job == null) {
      return null;
    }
    JobHandler<?> handler = Context.getProcessEngineConfiguration().getJobHandlers().get(job.getJobHandlerType());
    return handler instanceof JobFailureDescription description
        ? description.incidentMessage(job, technicalMessage) : null;
  }

  /** A plain-words hint for the causes seen so far; none when the cause is unknown. */
  static String likelyCause(String technicalMessage) {
    String cause = technicalMessage == null ? "" : technicalMessage.toLowerCase(java.util.Locale.ROOT);
    if (cause.contains("value too long") || cause.contains("persistence layer")) {
      return "Nguyên nhân có thể: một giá trị quá lớn để lưu vào cơ sở dữ liệu. ";
    }
    if (cause.contains("connection") || cause.contains("timeout") || cause.contains("timed out")) {
      return "Nguyên nhân có thể: mất kết nối tới cơ sở dữ liệu hoặc máy chủ khác. ";
    }
    if (cause.contains("optimisticlocking") || cause.contains("was updated by another transaction")) {
      return "Nguyên nhân có thể: nhiều bước cùng cập nhật một lúc; thử lại thường sẽ thành công. ";
    }
    return "";
  }

  private static String stepName(String processDefinitionId, String activityId) {
    if (processDefinitionId == null || activityId == null) {
      return String.valueOf(activityId);
    }
    ProcessDefinitionEntity definition = Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedProcessDefinitionById(processDefinitionId);
    ActivityImpl activity = definition.findActivity(activityId);
    Object name = activity == null ? null : activity.getName();
    return name == null ? activityId : name.toString();
  }

  /** "Huyện Hưng Hà (mã 339)", from the instance's own variables and business key. */
  public static String unitOf(ExecutionEntity execution) {
    if (execution == null) {
      return "quy trình";
    }
    ExecutionEntity instance = execution.getProcessInstance();
    for (String name : new String[] {"communeName", "districtName", "provinceName"}) {
      Object unit = instance.getVariable(name);
      if (unit != null) {
        String code = instance.getBusinessKey();
        return unit + (code == null ? "" : " (mã " + code + ")");
      }
    }
    return "quy trình " + instance.getProcessDefinition().getKey()
        + (instance.getBusinessKey() == null ? "" : " (mã " + instance.getBusinessKey() + ")");
  }
}
