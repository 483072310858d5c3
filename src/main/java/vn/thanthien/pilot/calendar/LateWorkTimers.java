package vn.thanthien.pilot.calendar;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import vn.thanthien.pilot.engine.TaskJobs;

/**
 * Stores and removes the calendar's timers of a task, in the transaction that changes the task.
 * A timer belongs to the task's execution and step, so Cockpit shows it (and any incident) on that
 * step of the instance, and it goes when the instance ends.
 */
final class LateWorkTimers {

  private LateWorkTimers() {}

  static void schedule(TaskEntity task, LateWorkTimer timer) {
    // it reads the task and may start a follow-up; it need not wait for the instance's other jobs
    TimerEntity job = TaskJobs.forTask(new TimerEntity(), task);
    job.setJobHandlerType(LateWorkJobHandler.TYPE);
    job.setJobHandlerConfiguration(timer);
    job.setDuedate(timer.at());
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
