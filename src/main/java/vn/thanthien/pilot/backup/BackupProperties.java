package vn.thanthien.pilot.backup;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the H2 backups ({@code pilot.backup} in {@code application.yaml}): the directory the
 * zip files go to, when they are taken (a cron expression in the programme's time zone, or an
 * interval, which wins when set), and how many of the latest are kept.
 */
@ConfigurationProperties(prefix = "pilot.backup")
public record BackupProperties(boolean enabled, Path directory, String cron, Duration interval, int keep) {

  public BackupProperties {
    if (directory == null) {
      directory = Path.of("backups");
    }
    if (keep < 1) {
      throw new IllegalArgumentException("pilot.backup.keep must be at least 1");
    }
    if (interval != null && (interval.isNegative() || interval.isZero())) {
      interval = null;
    }
    if (interval == null && (cron == null || cron.isBlank())) {
      throw new IllegalArgumentException("pilot.backup.cron or pilot.backup.interval must be set");
    }
  }
}
