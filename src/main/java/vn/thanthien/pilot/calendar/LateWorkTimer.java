package vn.thanthien.pilot.calendar;

import java.util.Date;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;

/**
 * One timer of the calendar about one task: remind its unit, or escalate when it is late. It is
 * the timer job's configuration string ("ESCALATE 1234 1767225600000"); the instant is kept so that
 * a timer run before its time (by an administrator, or a test running every job) waits again.
 *
 * @param kind what happens when it fires
 * @param taskId the task it watches
 * @param at when it is due
 */
public record LateWorkTimer(Kind kind, String taskId, Date at) implements JobHandlerConfiguration {

  /** What a calendar timer does. */
  public enum Kind {
    /** Before the due date: the unit is reminded. */
    REMIND,
    /** At the due date: the unit is told it is late, the level above gets a follow-up task. */
    ESCALATE
  }

  public LateWorkTimer {
    if (kind == null || taskId == null || taskId.isBlank() || taskId.contains(" ") || at == null) {
      throw new IllegalArgumentException("A calendar timer needs a kind, a task id without spaces and an instant");
    }
  }

  @Override
  public String toCanonicalString() {
    return kind + " " + taskId + " " + at.getTime();
  }

  /** The configuration of a stored job, as {@link #toCanonicalString()} wrote it. */
  public static LateWorkTimer parse(String canonical) {
    String[] parts = canonical == null ? new String[0] : canonical.split(" ");
    if (parts.length != 3) {
      throw new IllegalArgumentException("Not a calendar timer configuration: " + canonical);
    }
    return new LateWorkTimer(Kind.valueOf(parts[0]), parts[1], new Date(Long.parseLong(parts[2])));
  }
}
