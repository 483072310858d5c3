package vn.thanthien.pilot.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The programme's figures and the engine's own counters, read from the database by a few count
 * queries and kept for {@code maxAge}: however often they are read (Prometheus scrapes, several
 * gauges per scrape), the queries run at most once per {@code maxAge}, in the thread that reads
 * them (a scrape by an administrator), never in an official's request. They are the whole
 * cluster's figures (every node reads the same database). If a refresh fails, the last figures
 * are kept and the failure is logged.
 */
public class ProgrammeFigures {

  private static final Logger LOG = LoggerFactory.getLogger(ProgrammeFigures.class);

  /** Levels of government, by the prefix of the candidate group a task is offered to. */
  public static final List<String> LEVELS = List.of("province", "district", "commune");

  /** Phases of a running {@code commune-pilot}, by the activities an instance can wait in. */
  public static final Map<String, List<String>> PHASES = phases();

  /** The engine's counters (written to the database by each node every 15 minutes). */
  public static final List<String> ENGINE_METRICS = List.of(
      Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_START,
      Metrics.EXECUTED_DECISION_INSTANCES, Metrics.EXECUTED_DECISION_ELEMENTS,
      Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE,
      Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
      Metrics.JOB_LOCKED_EXCLUSIVE);

  static final String COMMUNE_PILOT = "commune-pilot";

  private static Map<String, List<String>> phases() {
    Map<String, List<String>> phases = new LinkedHashMap<>();
    phases.put("planning", List.of("DraftPlan", "ReviewPlan"));
    phases.put("launched", List.of("LaunchModel"));
    phases.put("reporting", List.of("ScheduleReport", "ReportDue", "PeriodicReport"));
    phases.put("self-assessment", List.of("SelfAssessment"));
    phases.put("appraisal", List.of("DetermineAppraiser", "Appraisal", "RatePilot"));
    phases.put("recognition", List.of("IssueRecognition"));
    phases.put("remediation", List.of("Remediate"));
    phases.put("lessons", List.of("CommuneLessons"));
    return Map.copyOf(phases);
  }

  /** One reading of every figure. */
  public record Snapshot(Instant takenAt, Map<String, Long> openTasks, Map<String, Long> overdueTasks,
      long openIncidents, long dueJobs, Map<String, Long> runningPilots, Map<String, Long> engineMetrics) {

    static final Snapshot EMPTY = new Snapshot(Instant.EPOCH, Map.of(), Map.of(), 0, 0, Map.of(), Map.of());
  }

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final Duration maxAge;
  private final Clock clock;
  private Snapshot snapshot = Snapshot.EMPTY;

  public ProgrammeFigures(TaskService tasks, RuntimeService runtime, ManagementService management,
      Duration maxAge, Clock clock) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** The figures, read again first if the last reading is older than {@code maxAge}. */
  public synchronized Snapshot current() {
    Instant now = clock.instant();
    if (Duration.between(snapshot.takenAt(), now).compareTo(maxAge) >= 0) {
      try {
        snapshot = read(now);
      } catch (RuntimeException e) {
        LOG.warn("Programme figures could not be read; the last ones are kept", e);
      }
    }
    return snapshot;
  }

  private Snapshot read(Instant now) {
    Map<String, Long> open = new LinkedHashMap<>();
    Map<String, Long> overdue = new LinkedHashMap<>();
    for (String level : LEVELS) {
      open.put(level, tasks.createTaskQuery().taskCandidateGroupLike(level + "-%").includeAssignedTasks().count());
      overdue.put(level, tasks.createTaskQuery().taskCandidateGroupLike(level + "-%").includeAssignedTasks()
          .dueBefore(Date.from(now)).count());
    }
    long incidents = runtime.createIncidentQuery().count();
    long dueJobs = management.createJobQuery().executable().count();
    Map<String, Long> pilots = new LinkedHashMap<>();
    PHASES.forEach((phase, activities) -> pilots.put(phase, activities.stream()
        .mapToLong(activity -> runtime.createExecutionQuery().processDefinitionKey(COMMUNE_PILOT)
            .activityId(activity).count())
        .sum()));
    Map<String, Long> engine = new LinkedHashMap<>();
    for (String name : ENGINE_METRICS) {
      engine.put(name, management.createMetricsQuery().name(name).sum());
    }
    return new Snapshot(now, open, overdue, incidents, dueJobs, pilots, engine);
  }
}
