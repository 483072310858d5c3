package vn.thanthien.pilot.notifications;

import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;

/**
 * What one mail job sends: which kind of notice, about which task, to which unit (candidate
 * group). It is the job's configuration string, so the feature writes no process variable.
 *
 * @param kind why the unit is told
 * @param taskId the task the mail is about
 * @param groupId the unit whose members with an e-mail address receive it
 */
public record TaskMail(Kind kind, String taskId, String groupId) implements JobHandlerConfiguration {

  /** Why a unit is mailed about a task. */
  public enum Kind {
    /** The task was created and offered to the unit. */
    OFFERED,
    /** The task's due date is near (the calendar's reminder). */
    REMINDER,
    /** The task is past its due date. */
    LATE
  }

  public TaskMail {
    if (kind == null || taskId == null || taskId.isBlank() || groupId == null || groupId.isBlank()
        || taskId.contains(" ") || groupId.contains(" ")) {
      throw new IllegalArgumentException("A task mail needs a kind, a task id and a group id without spaces");
    }
  }

  /** "OFFERED 1234 commune-12679". */
  @Override
  public String toCanonicalString() {
    return kind + " " + taskId + " " + groupId;
  }

  /** The configuration of a stored job, as {@link #toCanonicalString()} wrote it. */
  public static TaskMail parse(String canonical) {
    String[] parts = canonical == null ? new String[0] : canonical.split(" ");
    if (parts.length != 3) {
      throw new IllegalArgumentException("Not a task mail configuration: " + canonical);
    }
    return new TaskMail(Kind.valueOf(parts[0]), parts[1], parts[2]);
  }
}
