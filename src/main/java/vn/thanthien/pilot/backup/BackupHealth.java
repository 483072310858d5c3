package vn.thanthien.pilot.backup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The health detail {@code backup}: the last backup's time, file and size, the next one, and the
 * last failure. A failing backup is {@code BACKUP_FAILED}, a status that does not pull the node's
 * health down (a load balancer must not stop sending officials to it because a backup disk is
 * full); an administrator sees it in {@code /actuator/health} and in the ERROR log. On PostgreSQL
 * (or with backups off) it is {@code NOT_APPLICABLE}: pg_dump does that work (README).
 */
@Component("backupHealthIndicator")
public class BackupHealth implements HealthIndicator {

  public static final Status FAILED = new Status("BACKUP_FAILED", "The last backup failed, see the log");
  public static final Status NOT_APPLICABLE = new Status("NOT_APPLICABLE",
      "No H2 file backup on this node (PostgreSQL: pg_dump, README)");

  private final H2Backup backup;

  public BackupHealth(H2Backup backup) {
    this.backup = backup;
  }

  @Override
  public Health health() {
    if (!backup.active()) {
      return Health.status(NOT_APPLICABLE).withDetail("enabled", backup.settings().enabled()).build();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("directory", backup.settings().directory().toAbsolutePath().toString());
    details.put("keep", backup.settings().keep());
    H2Backup.Outcome success = backup.lastSuccess();
    details.put("lastBackup", success == null ? "none yet" : success.startedAt().toString());
    if (success != null) {
      details.put("lastBackupFile", success.file().getFileName().toString());
      details.put("lastBackupBytes", success.bytes());
      details.put("lastBackupMillis", success.millis());
    }
    if (backup.next() != null) {
      details.put("nextBackup", backup.next().toString());
    }
    H2Backup.Outcome attempt = backup.lastAttempt();
    if (attempt != null && attempt.failed()) {
      details.put("lastFailure", attempt.startedAt().toString());
      details.put("lastFailureMessage", attempt.failure());
      return Health.status(FAILED).withDetails(details).build();
    }
    return Health.up().withDetails(details).build();
  }
}
