package vn.thanthien.pilot.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Nodes of a cluster start one after the other. On a shared PostgreSQL database, each node takes
 * a PostgreSQL advisory lock (scoped to the database) before its engine is built, and keeps it
 * until the application is ready, its start-up runners included; a node starting meanwhile waits.
 *
 * <p>Why: a start writes shared data that is created only if missing — the engine's schema on an
 * empty database, the deployment of the models, and the organisation's groups, users,
 * authorizations and Tasklist filters (seeded idempotently, check then insert). Two nodes starting
 * at the same moment both found a group's authorization missing and both inserted it; the second
 * failed on Camunda's unique constraint ({@code ACT_UNIQ_AUTH_GROUP}) and the node did not start.
 * The engine's own deployment lock ({@code deployment.lock} row) with duplicate filtering already
 * keeps a model from being deployed twice, but covers neither the schema nor the seeding.
 *
 * <p>The lock is a session lock on a connection of its own: released when the application is
 * ready, when its context closes, and by PostgreSQL itself when the process dies (the connection
 * ends), so a killed node never blocks the others. Other databases (H2: one node) are left alone.
 */
@Component
public class ClusterStartLock extends AbstractProcessEnginePlugin
    implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterStartLock.class);
  /** Any fixed number, the same on every node: "pilotSt" in ASCII. */
  static final long LOCK_KEY = 0x70696c6f745374L;

  private final DataSource dataSource;
  private final Duration timeout;
  private Connection holder;

  public ClusterStartLock(DataSource dataSource,
      @Value("${pilot.database.cluster-start-timeout:10m}") Duration timeout) {
    this.dataSource = dataSource;
    this.timeout = timeout;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    acquire();
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    release();
  }

  @Override
  public void destroy() {
    release();
  }

  synchronized void acquire() {
    if (holder != null) {
      return;
    }
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      Instant start = Instant.now();
      Instant nextMessage = start;
      while (!tryLock(connection)) {
        Instant now = Instant.now();
        if (now.isAfter(start.plus(timeout))) {
          throw new IllegalStateException("Another node has been starting on this database for more than " + timeout
              + " (PostgreSQL advisory lock " + LOCK_KEY + "); not starting. Check the other nodes' logs, or raise "
              + "pilot.database.cluster-start-timeout.");
        }
        if (!now.isBefore(nextMessage)) {
          LOG.info("Another node is starting on this database; waiting for it to finish (at most {})", timeout);
          nextMessage = now.plusSeconds(10);
        }
        Thread.sleep(250);
      }
      LOG.info("Cluster start lock taken: this node starts alone on the database (took {} ms to get)",
          Duration.between(start, Instant.now()).toMillis());
      holder = connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new IllegalStateException("Cannot take the cluster start lock", e);
    } catch (InterruptedException e) {
      closeQuietly(connection);
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for another node to start", e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  synchronized void release() {
    if (holder == null) {
      return;
    }
    try (PreparedStatement unlock = holder.prepareStatement("select pg_advisory_unlock(?)")) {
      unlock.setLong(1, LOCK_KEY);
      unlock.execute();
      LOG.info("Cluster start lock released");
    } catch (SQLException e) {
      // The session must end, or the pooled connection would keep the lock for good.
      LOG.warn("Could not release the cluster start lock; ending its database session instead", e);
      try {
        holder.abort(Runnable::run);
      } catch (SQLException ignored) {
        // already broken: the session is over
      }
    } finally {
      closeQuietly(holder);
      holder = null;
    }
  }

  private static boolean tryLock(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      lock.setLong(1, LOCK_KEY);
      try (ResultSet result = lock.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing more to do
      }
    }
  }
}
