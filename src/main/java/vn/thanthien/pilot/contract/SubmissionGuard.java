package vn.thanthien.pilot.contract;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.thanthien.pilot.forms.ValidationProblems;

/**
 * Engine command interceptor (inside the command's transaction, before the command runs) that
 * holds every submission to the process's {@link VariableContract}: a task completion may carry
 * only the fields of that task's form, a start only the fields of the start form. Anything else
 * is refused with a Vietnamese message (HTTP 400 through the REST API) before anything is
 * written. Starting a process in the middle (start instructions) is for administrators only.
 * Processes without a contract, and tasks outside a process, are not checked.
 */
public class SubmissionGuard extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(SubmissionGuard.class);
  static final String ADMIN_GROUP = "camunda-admin";
  private static final int NAMES_SHOWN = 5;
  private static final int NAME_LENGTH_SHOWN = 60;

  private final VariableContracts contracts;

  public SubmissionGuard(VariableContracts contracts) {
    this.contracts = contracts;
  }

  @Override
  public <T> T execute(Command<T> command) {
    Submission.of(command).ifPresent(submission -> check(submission, Context.getCommandContext()));
    return next.execute(command);
  }

  private void check(Submission submission, CommandContext context) {
    ProcessDefinitionEntity definition;
    String elementId;
    if (submission.isTaskCompletion()) {
      TaskEntity task = context.getTaskManager().findTaskById(submission.taskId());
      if (task == null || task.getProcessDefinitionId() == null) {
        return; // the command itself answers that the task does not exist
      }
      definition = cache(context).findDeployedProcessDefinitionById(task.getProcessDefinitionId());
      elementId = task.getTaskDefinitionKey();
    } else {
      if (submission.atActivities()) {
        refuseUnlessAdministrator(context);
        return; // an administrator's deliberate start: every listener still runs
      }
      definition = submission.processDefinitionId() != null
          ? cache(context).findDeployedProcessDefinitionById(submission.processDefinitionId())
          : cache(context).findDeployedLatestProcessDefinitionByKey(submission.processDefinitionKey());
      elementId = definition.getInitial() == null ? null : definition.getInitial().getId();
    }
    VariableContract contract = contracts.of(definition.getKey()).orElse(null);
    if (contract == null) {
      return;
    }
    Set<String> writable = contract.writableAt(elementId).orElse(Set.of());
    Set<String> refused = new TreeSet<>(submission.variableNames());
    refused.removeAll(writable);
    if (!refused.isEmpty()) {
      LOG.warn("Refused a submission to {} / {} by {} with variables outside its form: {}",
          definition.getKey(), elementId, context.getAuthenticatedUserId(), shown(refused));
      throw ValidationProblems.reject("trường " + shown(refused) + " không thuộc biểu mẫu của bước này; "
          + "chỉ được gửi các trường của biểu mẫu, chưa có gì được lưu.");
    }
  }

  private static void refuseUnlessAdministrator(CommandContext context) {
    if (context.getAuthentication() != null
        && !context.getAuthorizationManager().isCamundaAdmin(context.getAuthentication())) {
      throw ValidationProblems.reject(
          "Chỉ quản trị hệ thống được bắt đầu quy trình từ một bước ở giữa; hãy bắt đầu từ biểu mẫu khởi tạo.");
    }
  }

  private static String shown(Set<String> names) {
    String listed = names.stream().limit(NAMES_SHOWN)
        .map(n -> "«" + (n.length() > NAME_LENGTH_SHOWN ? n.substring(0, NAME_LENGTH_SHOWN) + "…" : n) + "»")
        .collect(Collectors.joining(", "));
    return names.size() > NAMES_SHOWN ? listed + " và " + (names.size() - NAMES_SHOWN) + " trường khác" : listed;
  }

  private static DeploymentCache cache(CommandContext context) {
    return context.getProcessEngineConfiguration().getDeploymentCache();
  }
}
