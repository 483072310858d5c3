package vn.thanthien.pilot.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Health of this node's job executor (timers, asynchronous steps), in place of the starter's,
 * which only asks whether it was started:
 *
 * <ul>
 *   <li>{@code DISABLED} when job execution is switched off for this node
 *       ({@code camunda.bpm.job-execution.enabled: false}, as in the integration tests): not a
 *       fault, and it does not pull the node's health down;</li>
 *   <li>{@code DOWN} when it is not active, or when it has not acquired jobs successfully for
 *       {@code staleFactor} times its longest idle wait ({@link JobExecutor#getMaxWait()}) while
 *       its threads were not all busy — a node that stopped acquiring runs no timer;</li>
 *   <li>{@code UP} otherwise.</li>
 * </ul>
 */
public class JobExecutorHealth implements HealthIndicator {

  public static final Status DISABLED = new Status("DISABLED", "Job execution is switched off on this node");

  private final ProcessEngineConfigurationImpl configuration;
  private final JobAcquisitionWatch watch;
  private final boolean enabled;
  private final int staleFactor;
  private final Clock clock;

  public JobExecutorHealth(ProcessEngineConfigurationImpl configuration, JobAcquisitionWatch watch,
      boolean enabled, int staleFactor, Clock clock) {
    this.configuration = configuration;
    this.watch = watch;
    this.enabled = enabled;
    this.staleFactor = staleFactor;
    this.clock = clock;
  }

  @Override
  public Health health() {
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (!enabled || jobExecutor == null) {
      return Health.status(DISABLED).withDetail("enabled", false).build();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("enabled", true);
    details.put("active", jobExecutor.isActive());
    details.put("lockOwner", jobExecutor.getLockOwner());
    details.put("maxWaitMillis", jobExecutor.getMaxWait());
    Instant now = clock.instant();
    Instant last = watch.lastSuccess();
    Duration since = Duration.between(last != null ? last : watch.createdAt(), now);
    Duration stale = Duration.ofMillis(jobExecutor.getMaxWait()).multipliedBy(staleFactor);
    details.put("lastAcquisition", last == null ? "none yet" : last.toString());
    details.put("secondsSinceLastAcquisition", since.toSeconds());
    details.put("staleAfterSeconds", stale.toSeconds());
    if (watch.lastFailure() != null) {
      details.put("lastFailedAcquisition", watch.lastFailure().toString());
      details.put("lastFailure", watch.lastFailureMessage());
    }
    boolean busy = allThreadsBusy(jobExecutor);
    details.put("allThreadsBusy", busy);
    if (!jobExecutor.isActive()) {
      return Health.down().withDetails(details).build();
    }
    if (since.compareTo(stale) > 0 && !busy) {
      details.put("reason", "no successful job acquisition for " + since.toSeconds() + " s");
      return Health.down().withDetails(details).build();
    }
    return Health.up().withDetails(details).build();
  }

  /** While every thread runs a job and the queue is full, acquisition rightly pauses. */
  private static boolean allThreadsBusy(JobExecutor jobExecutor) {
    if (jobExecutor instanceof SpringJobExecutor spring
        && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) {
      return pool.getActiveCount() >= pool.getMaxPoolSize()
          && pool.getThreadPoolExecutor().getQueue().remainingCapacity() == 0;
    }
    return false;
  }
}
