package vn.thanthien.pilot.notifications;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Tells a unit about the calendar of one of its tasks: "Sắp đến hạn: …" before the due date and
 * "Quá hạn: …" once it has passed, to its members with an e-mail address, with the task, the unit,
 * the due date and the link to the task. Each mail is a job scheduled in the caller's transaction
 * and sent after it commits, retried like the mail of new work. With e-mail off nothing is
 * scheduled. Called by the calendar's timers ({@code calendar.LateWorkJobHandler}).
 */
@Component
public class LateWorkMail {

  private final MailDelivery delivery;

  public LateWorkMail(MailDelivery delivery) {
    this.delivery = delivery;
  }

  /** The task is late; in the engine's current transaction. Returns the jobs scheduled. */
  public int late(DelegateTask task) {
    return delivery.isOn() ? TaskMailJobs.schedule((TaskEntity) task, TaskMail.Kind.LATE) : 0;
  }

  /** The task's due date is near; in the engine's current transaction. Returns the jobs scheduled. */
  public int reminder(DelegateTask task) {
    return delivery.isOn() ? TaskMailJobs.schedule((TaskEntity) task, TaskMail.Kind.REMINDER) : 0;
  }
}
