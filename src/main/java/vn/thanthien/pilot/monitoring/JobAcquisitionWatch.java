package vn.thanthien.pilot.monitoring;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.AcquireJobsCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;

/**
 * Remembers when this node's job executor last acquired jobs successfully (a round trip to the
 * database, whether or not a job was due) and the last acquisition that failed. It wraps the job
 * executor's {@link AcquireJobsCommandFactory}, Camunda's own extension point for acquisition,
 * so nothing of the acquisition itself changes.
 */
public class JobAcquisitionWatch {

  private final Instant createdAt = Instant.now();
  private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
  private final AtomicReference<Instant> lastFailure = new AtomicReference<>();
  private final AtomicReference<String> lastFailureMessage = new AtomicReference<>();

  /** The given factory, whose commands report here when they succeed or fail. */
  public AcquireJobsCommandFactory watch(AcquireJobsCommandFactory factory) {
    return numJobsToAcquire -> {
      Command<AcquiredJobs> command = factory.getCommand(numJobsToAcquire);
      return commandContext -> {
        try {
          AcquiredJobs acquired = command.execute(commandContext);
          lastSuccess.set(Instant.now());
          return acquired;
        } catch (RuntimeException e) {
          lastFailure.set(Instant.now());
          lastFailureMessage.set(e.getClass().getSimpleName() + ": " + e.getMessage());
          throw e;
        }
      };
    };
  }

  /** When the watch was installed: the reference point until the first acquisition. */
  public Instant createdAt() {
    return createdAt;
  }

  /** The last successful acquisition, or null if there was none yet. */
  public Instant lastSuccess() {
    return lastSuccess.get();
  }

  public Instant lastFailure() {
    return lastFailure.get();
  }

  public String lastFailureMessage() {
    return lastFailureMessage.get();
  }
}
