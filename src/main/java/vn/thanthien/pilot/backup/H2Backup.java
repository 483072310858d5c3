package vn.thanthien.pilot.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.database.H2Housekeeping;

/**
 * Online backups of the H2 database file while officials work (README "Sao lưu và khôi phục"):
 * H2's {@code BACKUP TO} writes the file, as of the moment the backup starts, into a zip
 * ({@code pilot-yyyyMMdd-HHmmss.zip} in {@code pilot.backup.directory}); the evidence files are in
 * the database, so in the zip too. H2 copies the file without holding its store lock (it only
 * stops reusing free space meanwhile), so commits go on during the copy. The zip is written under a
 * temporary name and renamed when complete: a zip with the final name is always whole. Then all
 * but the latest {@code pilot.backup.keep} are removed.
 *
 * <p>A backup that fails (directory not writable, disk full) is logged as an ERROR and shown in the
 * health detail {@code backup}; the application goes on and tries again at the next time. On
 * PostgreSQL nothing is done here: its backups are {@code pg_dump} (README).
 */
@Component
public class H2Backup implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(H2Backup.class);
  static final Pattern NAME = Pattern.compile("pilot-\\d{8}-\\d{6}\\.zip");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** What the last backup did; {@code null} fields where nothing happened yet. */
  public record Outcome(Instant startedAt, Path file, long bytes, long millis, String failure) {
    boolean failed() {
      return failure != null;
    }
  }

  private final DataSource dataSource;
  private final BackupProperties settings;
  private final ZoneId zone;
  private ScheduledExecutorService timer;
  private volatile boolean h2;
  private volatile Outcome lastSuccess;
  private volatile Outcome lastAttempt;
  private volatile Instant next;

  public H2Backup(DataSource dataSource, BackupProperties settings, @Value("${pilot.time-zone}") ZoneId zone) {
    this.dataSource = dataSource;
    this.settings = settings;
    this.zone = zone;
  }

  @Override
  public synchronized void onApplicationEvent(ApplicationReadyEvent event) {
    if (timer != null || !settings.enabled()) {
      return;
    }
    h2 = isH2File();
    if (!h2) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "h2-backup");
      thread.setDaemon(true);
      return thread;
    });
    scheduleNext();
    LOG.info("H2: backups to {} {}, the last {} kept", settings.directory().toAbsolutePath(),
        settings.interval() != null ? "every " + settings.interval() : "at '" + settings.cron() + "' (" + zone + ")",
        settings.keep());
  }

  private void scheduleNext() {
    Duration wait;
    if (settings.interval() != null) {
      wait = settings.interval();
    } else {
      ZonedDateTime now = ZonedDateTime.now(zone);
      wait = Duration.between(now, CronExpression.parse(settings.cron()).next(now));
    }
    next = Instant.now().plus(wait);
    timer.schedule(() -> {
      backup();
      synchronized (this) {
        if (timer != null) {
          scheduleNext();
        }
      }
    }, wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Takes one backup now; never throws (a failure is logged and kept for the health detail). */
  public Outcome backup() {
    Instant start = Instant.now();
    Path directory = settings.directory().toAbsolutePath();
    Path file = directory.resolve("pilot-" + STAMP.format(start.atZone(zone)) + ".zip");
    Path part = directory.resolve("." + file.getFileName() + ".part");
    Outcome outcome;
    try {
      Files.createDirectories(directory);
      Files.deleteIfExists(part);
      try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("BACKUP TO '" + part.toString().replace("'", "''") + "'");
      }
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      outcome = new Outcome(start, file, Files.size(file), Duration.between(start, Instant.now()).toMillis(), null);
      lastSuccess = outcome;
      LOG.info("H2: backup {} written ({} bytes in {} ms)", file, outcome.bytes(), outcome.millis());
      removeOld(directory);
    } catch (IOException | SQLException | RuntimeException e) {
      outcome = new Outcome(start, file, 0, Duration.between(start, Instant.now()).toMillis(),
          e.getClass().getSimpleName() + ": " + e.getMessage());
      LOG.error("H2: backup to {} FAILED, nothing was written; the application goes on and tries again at the next "
          + "backup time. Check that the directory (pilot.backup.directory) exists, is writable and has space", file, e);
      try {
        Files.deleteIfExists(part);
      } catch (IOException | RuntimeException ignored) {
        // the directory itself is the problem
      }
    }
    lastAttempt = outcome;
    return outcome;
  }

  private void removeOld(Path directory) throws IOException {
    List<Path> backups;
    try (Stream<Path> files = Files.list(directory)) {
      backups = files.filter(f -> NAME.matcher(f.getFileName().toString()).matches()).sorted().toList();
    }
    for (Path old : backups.subList(0, Math.max(0, backups.size() - settings.keep()))) {
      Files.deleteIfExists(old);
      LOG.info("H2: old backup {} removed (pilot.backup.keep {})", old, settings.keep());
    }
  }

  private boolean isH2File() {
    try (Connection connection = dataSource.getConnection()) {
      return H2Housekeeping.isH2File(connection);
    } catch (SQLException e) {
      return false;
    }
  }

  boolean active() {
    return h2 && timer != null;
  }

  Outcome lastSuccess() {
    return lastSuccess;
  }

  Outcome lastAttempt() {
    return lastAttempt;
  }

  Instant next() {
    return next;
  }

  BackupProperties settings() {
    return settings;
  }

  @Override
  public synchronized void destroy() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }
}
