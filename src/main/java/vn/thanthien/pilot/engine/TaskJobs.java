package vn.thanthien.pilot.engine;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A job the application adds for a task (a mail about it, a reminder of its due date): it belongs
 * to the task's execution and step, so Cockpit shows it and any incident on that step of the
 * instance, and it goes when the instance ends; it gets the engine's default retries and does not
 * wait for the instance's other jobs.
 */
public final class TaskJobs {

  private TaskJobs() {}

  /** Sets up {@code job} for {@code task}; returns it. Needs a command context. */
  public static <J extends JobEntity> J forTask(J job, TaskEntity task) {
    job.setRetries(Context.getProcessEngineConfiguration().getDefaultNumberOfRetries());
    job.setExclusive(false);
    ExecutionEntity execution = task.getExecution();
    if (execution != null) {
      job.setExecution(execution);
      job.setProcessDefinitionId(execution.getProcessDefinitionId());
      job.setProcessDefinitionKey(execution.getProcessDefinition().getKey());
      job.setActivityId(task.getTaskDefinitionKey());
      job.setTenantId(execution.getTenantId());
    }
    return job;
  }
}
