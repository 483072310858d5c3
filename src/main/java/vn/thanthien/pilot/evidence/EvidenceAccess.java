package vn.thanthien.pilot.evidence;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What the authenticated caller may see, decided by Camunda's own authorizations (and tenant
 * checks): every query runs as the caller ({@code access.ApiAuthenticationFilter} authenticated
 * them for the request), so a commune, its district, the province, managers and administrators see
 * what Tasklist and Cockpit show them, and nobody else anything. A file is readable iff its process
 * instance is: running (the runtime query) or completed (the historic query, Camunda's history
 * permissions).
 */
@Component
public class EvidenceAccess {

  /** A task the caller may read: its instance and whether it is still open. */
  record ReadableTask(String id, String processInstanceId, boolean open) {}

  private final ProcessEngine engine;

  EvidenceAccess(ProcessEngine engine) {
    this.engine = engine;
  }

  /** The authenticated caller's user id, or null (never trusted without the filter's authentication). */
  public String caller() {
    Authentication authentication = engine.getIdentityService().getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** Whether the caller may read the instance, running or completed: the rule for its files and documents. */
  public boolean mayReadInstance(String processInstanceId) {
    if (processInstanceId == null || caller() == null) {
      return false;
    }
    return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0
        || engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
            .count() > 0;
  }

  /** The task, if the caller may read it and its instance; else empty. */
  Optional<ReadableTask> readableTask(String taskId) {
    if (caller() == null) {
      return Optional.empty();
    }
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    ReadableTask found = null;
    if (task != null) {
      found = new ReadableTask(task.getId(), task.getProcessInstanceId(), true);
    } else {
      HistoricTaskInstance historic = engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId)
          .singleResult();
      if (historic != null) {
        found = new ReadableTask(historic.getId(), historic.getProcessInstanceId(), historic.getEndTime() == null);
      }
    }
    return found != null && mayReadInstance(found.processInstanceId()) ? Optional.of(found) : Optional.empty();
  }

  /** The ids of the open tasks of the instance the caller sees. */
  Set<String> openTasks(String processInstanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list().stream()
        .map(Task::getId).collect(Collectors.toSet());
  }

  /** Whether the task is open and the caller sees it. */
  boolean isOpen(String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).count() > 0;
  }
}
