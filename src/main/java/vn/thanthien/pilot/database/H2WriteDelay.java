package vn.thanthien.pilot.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An answer acknowledged to an official must be in the database file: H2 2.x (MVStore) keeps
 * committed changes in memory and writes them to the file up to {@code WRITE_DELAY} (500 ms by
 * default) later, so a process killed right after a 204 lost the completion. With
 * {@code pilot.database.h2-write-delay} 0 (the default here) every commit is written to the file
 * (handed to the operating system) before the answer is sent; this survives the death of the
 * process, not a power failure (H2 does not sync each commit: production runs on PostgreSQL).
 * The setting is H2's {@code SET WRITE_DELAY}, applied at every start whatever the database URL
 * (it is a database setting, kept in the file); other databases are left alone.
 */
@Component
public class H2WriteDelay implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(H2WriteDelay.class);

  private final DataSource dataSource;
  private final int writeDelayMillis;

  public H2WriteDelay(DataSource dataSource, @Value("${pilot.database.h2-write-delay:0}") int writeDelayMillis) {
    this.dataSource = dataSource;
    this.writeDelayMillis = writeDelayMillis;
  }

  @Override
  public void afterPropertiesSet() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET WRITE_DELAY " + Math.max(0, writeDelayMillis));
      }
      LOG.info("H2: commits are written to the database file {}", writeDelayMillis <= 0
          ? "before the answer is sent (WRITE_DELAY 0)" : "up to " + writeDelayMillis + " ms later (WRITE_DELAY)");
    }
  }
}
