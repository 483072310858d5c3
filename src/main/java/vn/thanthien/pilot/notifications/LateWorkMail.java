package vn.thanthien.pilot.notifications;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Tells a unit that one of its tasks is late: its members with an e-mail address get a mail
 * "Quá hạn: …" with the task, the unit, the due date and the link to the task. The mail is a job
 * scheduled in the caller's transaction and sent after it commits, retried like the mail of new
 * work. With e-mail off nothing is scheduled. Called by whatever notices the lateness (a timer of
 * the escalation, an administrator's tool).
 */
@Component
public class LateWorkMail {

  private final ProcessEngine engine;
  private final MailDelivery delivery;

  public LateWorkMail(ProcessEngine engine, MailDelivery delivery) {
    this.engine = engine;
    this.delivery = delivery;
  }

  /** From a task listener or delegate: in the engine's current transaction. Returns the jobs scheduled. */
  public int schedule(DelegateTask task) {
    return delivery.isOn() ? TaskMailJobs.schedule((TaskEntity) task, TaskMail.Kind.LATE) : 0;
  }

  /**
   * By task id, in the current engine transaction if there is one, else in a new one. A task that
   * no longer exists is not mailed about (0 jobs).
   */
  public int schedule(String taskId) {
    if (!delivery.isOn() || taskId == null || taskId.isBlank()) {
      return 0;
    }
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(commandContext -> {
          TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
          return task == null ? 0 : TaskMailJobs.schedule(task, TaskMail.Kind.LATE);
        });
  }
}
