package vn.thanthien.pilot.access;

import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** A task made late, as the calendar finds it at its due date (the job executor is off in tests). */
final class LateWork {

  private LateWork() {}

  /**
   * Runs the calendar's timers of {@code taskId} after its due date, then dates the task due yesterday;
   * returns the task id of its follow-up.
   */
  static String followUpOf(String taskId, RuntimeService runtime, TaskService tasks, ManagementService management) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    try {
      ClockUtil.setCurrentTime(new Date(task.getDueDate().getTime() + 60_000));
      // the task's reminder and escalation: the calendar's jobs have no definition in the model
      for (Job job : management.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().list()) {
        if (job.getJobDefinitionId() == null) {
          management.executeJob(job.getId());
        }
      }
    } finally {
      ClockUtil.reset();
    }
    // as everyone sees it today: the task's due date has passed
    task.setDueDate(new Date(System.currentTimeMillis() - 24L * 3600 * 1000));
    tasks.saveTask(task);
    ProcessInstance followUp = runtime.createProcessInstanceQuery().processDefinitionKey("late-work-follow-up")
        .variableValueEquals("lateTaskId", taskId).singleResult();
    return tasks.createTaskQuery().processInstanceId(followUp.getId()).singleResult().getId();
  }
}
