package vn.thanthien.pilot.notifications;

import java.util.Objects;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import vn.thanthien.pilot.engine.TaskJobs;

/**
 * Schedules mail about a task, in the transaction that is changing it: one message job
 * ({@link TaskMailJobHandler}) per unit the task is offered to. The job is stored with the task and
 * run by the job executor after the commit, so a slow or failing mail server neither delays nor
 * undoes the officials' work. Each job belongs to the task's execution and activity, so its
 * incident shows on that step of the instance in Cockpit.
 */
final class TaskMailJobs {

  private TaskMailJobs() {}

  /** Schedules one job per candidate group of {@code task}; returns how many. Needs a command context. */
  static int schedule(TaskEntity task, TaskMail.Kind kind) {
    int scheduled = 0;
    for (String groupId : task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
        .distinct().sorted().toList()) {
      // a mail does not touch the instance: it need not wait for the instance's other jobs
      MessageEntity job = TaskJobs.forTask(new MessageEntity(), task);
      job.setJobHandlerType(TaskMailJobHandler.TYPE);
      job.setJobHandlerConfiguration(new TaskMail(kind, task.getId(), groupId));
      Context.getCommandContext().getJobManager().send(job);
      scheduled++;
    }
    return scheduled;
  }
}
