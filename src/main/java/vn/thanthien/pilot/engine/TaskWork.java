package vn.thanthien.pilot.engine;

import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Whether the authenticated caller may work on an open task (claim it, complete it), as Camunda
 * decides it for a completion: the engine's own {@code TASK_WORK} check with every command checker
 * (authorizations and tenants), which throws {@code AuthorizationException} when the caller may
 * not. Managers and a district following a commune's task may read it, not work on it.
 */
public final class TaskWork {

  /** An open task the caller may work on, and the instance it belongs to (null for a task of none). */
  public record OpenTask(String id, String name, String taskDefinitionKey, String processInstanceId,
      String businessKey, String callerName) {}

  private TaskWork() {}

  /**
   * The open task {@code taskId} if the authenticated caller may work on it, with the caller's
   * name; null if there is no such open task. Throws {@code AuthorizationException} otherwise.
   */
  public static OpenTask check(ProcessEngine engine, String taskId) {
    return ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired()
        .execute(check(taskId));
  }

  static Command<OpenTask> check(String taskId) {
    return commandContext -> {
      TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return null;
      }
      for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
      ExecutionEntity instance = task.getProcessInstance();
      String caller = commandContext.getAuthenticatedUserId();
      User user = caller == null ? null
          : commandContext.runWithoutAuthorization(() -> commandContext.getReadOnlyIdentityProvider().findUserById(caller));
      String name = user == null ? caller
          : String.join(" ", Stream.of(user.getFirstName(), user.getLastName())
              .filter(part -> part != null && !part.isBlank()).toList());
      return new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(),
          instance == null ? null : instance.getId(), instance == null ? null : instance.getBusinessKey(),
          name == null || name.isBlank() ? caller : name);
    };
  }
}
