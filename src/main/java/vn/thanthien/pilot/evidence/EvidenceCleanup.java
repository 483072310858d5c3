package vn.thanthien.pilot.evidence;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Files follow their instance's history: Camunda's history cleanup removes a finished hierarchy at
 * its removal time (README "History"); every {@code pilot.evidence.cleanup-interval} (1 hour by
 * default) each node removes the files whose process instance is neither running nor in history
 * any more ({@link EvidenceFiles#removeOrphans}), whatever removed it (the cleanup job, an
 * administrator deleting a historic instance). A sweep rather than a hook into Camunda's cleanup
 * job: that job is an engine internal, and the sweep also catches every other way history goes.
 * Idempotent, so every node of a cluster may run it; the first run is one interval after start.
 */
@Component
public class EvidenceCleanup implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceCleanup.class);
  static final int BATCH = 100;

  private final EvidenceFiles files;
  private final EvidenceProperties settings;
  private ScheduledExecutorService timer;

  public EvidenceCleanup(EvidenceFiles files, EvidenceProperties settings) {
    this.files = files;
    this.settings = settings;
  }

  @Override
  public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "evidence-cleanup");
      thread.setDaemon(true);
      return thread;
    });
    long every = settings.cleanupInterval().toMillis();
    timer.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
  }

  /** Removes every file whose instance's history is gone; returns how many. */
  public int sweep() {
    int removed = 0;
    try {
      for (int batch = files.removeOrphans(BATCH); batch > 0; batch = files.removeOrphans(BATCH)) {
        removed += batch;
      }
      if (removed > 0) {
        LOG.info("Removed {} evidence file(s) whose process instance's history is gone", removed);
      }
    } catch (RuntimeException e) {
      LOG.warn("Removing evidence files of removed history failed; tried again in {}", settings.cleanupInterval(), e);
    }
    return removed;
  }

  @Override
  public synchronized void destroy() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
