package vn.thanthien.pilot.calendar;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/**
 * Stores and removes the calendar's timers of a task, in the transaction that changes the task.
 * A timer belongs to the task's execution and step, so Cockpit shows it (and any incident) on that
 * step of the instance, and it goes when the instance ends.
 */
final class LateWorkTimers {

  private LateWorkTimers() {}

  static void schedule(TaskEntity task, LateWorkTimer timer) {
    TimerEntity job = new TimerEntity();
    job.setJobHandlerType(LateWorkJobHandler.TYPE);
    job.setJobHandlerConfiguration(timer);
    job.setDuedate(timer.at());
    job.setRetries(Context.getProcessEngineConfiguration().getDefaultNumberOfRetries());
    // it reads the task and may start a follow-up; it need not wait for the instance's other jobs
    job.setExclusive(false);
    ExecutionEntity execution = task.getExecution();
    if (execution != null) {
      job.setExecution(execution);
      job.setProcessDefinitionId(execution.getProcessDefinitionId());
      job.setProcessDefinitionKey(execution.getProcessDefinition().getKey());
      job.setActivityId(task.getTaskDefinitionKey());
      job.setTenantId(execution.getTenantId());
    }
    Context.getCommandContext().getJobManager().schedule(job);
  }

  /** Removes the task's pending timers (the task is done or deleted). */
  static void cancel(TaskEntity task) {
    if (task.getExecutionId() == null) {
      return;
    }
    String prefix = " " + task.getId() + " ";
    for (JobEntity job : Context.getCommandContext().getJobManager().findJobsByExecutionId(task.getExecutionId())) {
      if (LateWorkJobHandler.TYPE.equals(job.getJobHandlerType())
          && job.getJobHandlerConfigurationRaw() != null && job.getJobHandlerConfigurationRaw().contains(prefix)) {
        job.delete();
      }
    }
  }
}
