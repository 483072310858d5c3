package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.database.TestPostgres;

/**
 * Two nodes of a cluster started at the same moment against one EMPTY PostgreSQL database (two
 * real application processes, as two servers would run them): both start, the schema is created
 * once, every model is deployed once (exactly one version of each process and decision), and the
 * organisation is seeded once. Then a node is restarted on the existing database: it starts, and
 * nothing is deployed again.
 */
@Tag("postgres")
class ClusterStartOnPostgresTest {

  static final String LOGS = "cluster-start";

  @Test
  void twoNodesStartingTogetherOnAnEmptyDatabaseBothStartAndDeployEachModelOnce() throws Exception {
    String url = TestPostgres.newDatabase("cluster_start");
    Map<String, String> environment = Map.of(
        "PILOT_DB_URL", url, "PILOT_DB_USER", TestPostgres.USER, "PILOT_DB_PASSWORD", "",
        "PILOT_DEMO_ENABLED", "true", "PILOT_DEMO_PASSWORD", ApiClient.PASSWORD);

    long started = System.nanoTime();
    try (AppProcess a = new AppProcess(LOGS, "node-a", environment);
        AppProcess b = new AppProcess(LOGS, "node-b", environment)) {
      a.awaitStarted();
      b.awaitStarted();
      System.out.printf("Two nodes on an empty PostgreSQL database: both started in %d s%n",
          (System.nanoTime() - started) / 1_000_000_000);
      assertThat(a.process.isAlive()).isTrue();
      assertThat(b.process.isAlive()).isTrue();
      assertDeployedOnce(url);
      // Each node serves the shared database: the administrator sees one version through both.
      for (AppProcess node : new AppProcess[] {a, b}) {
        ApiClient.Reply definitions = node.api.get("admin", "/engine-rest/process-definition?key=commune-pilot");
        assertThat(definitions.status()).as(node.name).isEqualTo(200);
        assertThat(definitions.json()).as(node.name).hasSize(1);
      }

      // A restart on the existing database keeps the schema and deploys nothing again.
      a.stop();
      try (AppProcess again = new AppProcess(LOGS, "node-a-restarted", environment)) {
        again.awaitStarted();
        assertThat(b.process.isAlive()).isTrue();
        assertDeployedOnce(url);
      }
    }
  }

  private static void assertDeployedOnce(String url) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, TestPostgres.USER, "");
        Statement sql = db.createStatement()) {
      Map<String, Integer> processes = versionsByKey(sql, "act_re_procdef");
      assertThat(processes).containsKeys("pilot-programme", "district-pilot", "commune-pilot");
      assertThat(processes).as("versions of each process definition").allSatisfy((key, versions) ->
          assertThat(versions).as(key).isEqualTo(1));
      Map<String, Integer> decisions = versionsByKey(sql, "act_re_decision_def");
      assertThat(decisions).containsKeys("pilot-rating", "appraisal-level");
      assertThat(decisions).as("versions of each decision").allSatisfy((key, versions) ->
          assertThat(versions).as(key).isEqualTo(1));
      try (ResultSet deployments = sql.executeQuery("select count(*) from act_re_deployment")) {
        deployments.next();
        assertThat(deployments.getInt(1)).as("deployments").isEqualTo(1);
      }
      try (ResultSet groups = sql.executeQuery("select count(*), count(distinct id_) from act_id_group")) {
        groups.next();
        assertThat(groups.getInt(1)).as("groups seeded").isGreaterThan(260).isEqualTo(groups.getInt(2));
      }
    }
  }

  private static Map<String, Integer> versionsByKey(Statement sql, String table) throws SQLException {
    Map<String, Integer> versions = new TreeMap<>();
    try (ResultSet rows = sql.executeQuery("select key_, count(*) from " + table + " group by key_")) {
      while (rows.next()) {
        versions.put(rows.getString(1), rows.getInt(2));
      }
    }
    return versions;
  }
}
