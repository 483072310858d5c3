package vn.thanthien.pilot.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Gives the H2 file back its garbage at a clean stop. H2's MVStore writes every commit as a new
 * chunk and never changes a chunk in place; with {@code WRITE_DELAY 0} ({@link H2WriteDelay}: every
 * acknowledged commit is in the file) H2 has no background writer, and the background writer is
 * what compacts an open file: the file grows to many times its live data while the application
 * runs (5–6 GB for 33 MB after a province's benchmark). H2 compacts only when the database closes,
 * for 200 ms by default.
 *
 * <p>When the application stops cleanly (SIGTERM, a service manager's stop), after everything that
 * uses the database has stopped (the engine and its job executor) and just before the connection
 * pool closes, this runs H2's {@code SHUTDOWN COMPACT}: H2 writes the live data into a new file and
 * replaces the old one (its own crash-safe procedure: a process killed meanwhile leaves the old file
 * in place). Nothing is lost: every acknowledged commit is in the file before it starts. Set
 * {@code pilot.database.h2-compact-on-stop: false} to stop faster. Only for an H2 database in a
 * file; other databases are left alone.
 */
@Component
public class H2Housekeeping implements DestructionAwareBeanPostProcessor, EnvironmentAware {

  private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);

  /** The size of an H2 file and of the data live in it, in bytes. */
  public record Sizes(long fileBytes, long liveBytes) {}

  private Environment environment;
  private final AtomicBoolean compacted = new AtomicBoolean();

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public boolean requiresDestruction(Object bean) {
    return bean instanceof DataSource && (environment == null
        || environment.getProperty("pilot.database.h2-compact-on-stop", Boolean.class, true));
  }

  /** Called for the data source when the context closes, after every bean that depends on it. */
  @Override
  public void postProcessBeforeDestruction(Object bean, String beanName) throws BeansException {
    // once: the pool and a proxy of it (the engine's) are both data sources of the same database
    if (bean instanceof DataSource dataSource && !compacted.getAndSet(true)) {
      compact(dataSource);
    }
  }

  /** {@code SHUTDOWN COMPACT} on an H2 file database; returns whether it ran. Never throws. */
  static boolean compact(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      if (!isH2File(connection)) {
        return false;
      }
      Optional<Sizes> before = sizes(connection);
      long start = System.nanoTime();
      try (Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN COMPACT");
      }
      LOG.info("H2: database file compacted at stop in {} ms (it was {} MB, {} MB of it live data)",
          (System.nanoTime() - start) / 1_000_000, before.map(s -> s.fileBytes() / 1048576).orElse(-1L),
          before.map(s -> s.liveBytes() / 1048576).orElse(-1L));
      return true;
    } catch (SQLException | RuntimeException e) {
      LOG.warn("H2: compacting the database file at stop failed; the file is unchanged", e);
      return false;
    }
  }

  /**
   * Whether the connection is to an H2 database in a file this process opened ({@code jdbc:h2:file:},
   * or a path without a prefix); not in memory, not a server's ({@code tcp:}, {@code ssl:}), not a
   * read-only {@code zip:}.
   */
  public static boolean isH2File(Connection connection) throws SQLException {
    if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
      return false;
    }
    String url = connection.getMetaData().getURL().substring("jdbc:h2:".length());
    return url.startsWith("file:") || !url.matches("(?s)(mem|memFS|memLZF|tcp|ssl|zip):.*");
  }

  /** The file size and live data of the H2 database behind this data source; empty for others. */
  public static Optional<Sizes> sizes(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return sizes(connection);
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  private static Optional<Sizes> sizes(Connection connection) {
    try {
      if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
        return Optional.empty();
      }
      long size = 0;
      long fill = 0;
      long chunksFill = 0;
      // H2's own figures: the file's size, the share of it in chunks, the share of live pages in them
      try (Statement statement = connection.createStatement();
          ResultSet settings = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM "
              + "INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', "
              + "'info.CHUNKS_FILL_RATE')")) {
        while (settings.next()) {
          long value = Long.parseLong(settings.getString(2));
          switch (settings.getString(1)) {
            case "info.FILE_SIZE" -> size = value;
            case "info.FILL_RATE" -> fill = value;
            default -> chunksFill = value;
          }
        }
      }
      return size == 0 ? Optional.empty() : Optional.of(new Sizes(size, size * fill / 100 * chunksFill / 100));
    } catch (SQLException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
