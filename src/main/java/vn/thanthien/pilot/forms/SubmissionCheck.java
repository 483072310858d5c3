package vn.thanthien.pilot.forms;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * A check of what an official submitted, run as an execution listener: {@code end} of a user task
 * (after the task's variables are set, before the process moves on) or {@code start} of a start
 * event. Execution listeners, unlike task listeners, let the Vietnamese validation error through
 * unwrapped, so the REST API and Tasklist answer 400 with it. Nothing is checked when the activity
 * is cancelled (an instance deleted in Cockpit), so a missing answer never blocks a cancellation.
 */
public abstract class SubmissionCheck implements ExecutionListener {

  @Override
  public final void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      check(execution);
    }
  }

  /** Throws a validation error (see {@link ValidationProblems}) when the submission is wrong. */
  protected abstract void check(DelegateExecution execution);
}
