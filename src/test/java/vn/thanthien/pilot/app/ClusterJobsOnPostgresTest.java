package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.Reply;
import vn.thanthien.pilot.database.TestPostgres;

/**
 * Two nodes of a cluster (two real application processes, each with its job executor on, as
 * installed) on one PostgreSQL database:
 *
 * <ol>
 *   <li>hundreds of due timer jobs are executed exactly once each, by both nodes together;</li>
 *   <li>a task of an instance started through node A is completed through node B;</li>
 *   <li>node A is killed with SIGKILL while it holds locked jobs that it is executing: node B
 *       executes them once their lock has expired, each exactly once;</li>
 *   <li>a completion acknowledged with 204 survives a SIGKILL of the node that answered it, after a
 *       walk to the province's approval of the district's pilots: the running instances, open
 *       tasks, variables and history are as before the kill, and a pending timer fires after it.</li>
 * </ol>
 *
 * <p>Timers and slow jobs come from two small test-only models deployed by the administrator over
 * REST. The slow step waits for a PostgreSQL advisory lock that the test holds, so node A's jobs are
 * caught mid-execution deterministically, not by timing.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterJobsOnPostgresTest {

  static final String LOGS = "cluster-jobs";
  static final int TIMER_INSTANCES = 240;
  static final int MAX_GATED_INSTANCES = 18;
  static final long GATE_KEY = 42_4242L;
  static final int LOCK_TIME_MILLIS = 15_000;
  static final int SIGKILL_EXIT = 128 + 9;

  /** Waits for the advisory lock the test holds; a transaction-level lock, released at commit. */
  static final String GATE_EXPRESSION = "${execution.getProcessEngineServices().getHistoryService()"
      + ".createNativeHistoricProcessInstanceQuery()"
      + ".sql(\"SELECT count(*) FROM (SELECT pg_advisory_xact_lock_shared(" + GATE_KEY + ")) AS gate\")"
      + ".count()}";

  String url;
  Map<String, String> baseEnvironment;
  final List<AppProcess> processes = new ArrayList<>();
  AppProcess a;
  AppProcess b;
  int gatedInstances;

  @BeforeAll
  void startTwoNodes() throws Exception {
    url = TestPostgres.newDatabase("cluster_jobs");
    baseEnvironment = Map.of(
        "PILOT_DB_URL", url, "PILOT_DB_USER", TestPostgres.USER, "PILOT_DB_PASSWORD", "",
        "PILOT_DEMO_ENABLED", "true", "PILOT_DEMO_PASSWORD", ApiClient.PASSWORD,
        // a short lock, so that a dead node's jobs are free again soon
        "CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS", Integer.toString(LOCK_TIME_MILLIS),
        // an idle node looks for jobs every second at least (default: up to 60 s)
        "CAMUNDA_BPM_JOBEXECUTION_MAXWAIT", "1000");
    long started = System.nanoTime();
    a = node("node-a");
    b = node("node-b");
    a.awaitStarted();
    b.awaitStarted();
    System.out.printf("Cluster jobs: two nodes started in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    assertThat(lockOwner(a)).isNotEqualTo(lockOwner(b));

    Reply deployed = DurableState.deploy(a.api, Map.of(
        "cluster-timer.bpmn", Bpmn.createExecutableProcess("cluster-timer")
            .name("Cluster test: a timer due at once").camundaHistoryTimeToLive(1)
            .startEvent().intermediateCatchEvent("due").timerWithDuration("PT0S")
            .serviceTask("afterTimer").camundaExpression("${true}")
            .endEvent().done(),
        "cluster-gated.bpmn", Bpmn.createExecutableProcess("cluster-gated")
            .name("Cluster test: an asynchronous step that waits for the test").camundaHistoryTimeToLive(1)
            .startEvent().serviceTask("gated").camundaAsyncBefore().camundaExpression(GATE_EXPRESSION)
            .endEvent().done()));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
  }

  /** A node: identical settings but its host name, which the engine writes into the job log. */
  private AppProcess node(String name) throws Exception {
    Map<String, String> environment = new HashMap<>(baseEnvironment);
    environment.put("CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME", name);
    // its database sessions carry its name, so the test sees what each node's threads wait for
    environment.put("PILOT_DB_URL", url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + name);
    AppProcess process = new AppProcess(LOGS, name, environment);
    processes.add(process);
    return process;
  }

  @AfterAll
  void stopNodes() throws InterruptedException {
    for (AppProcess process : processes) {
      process.close();
    }
  }

  @Test
  @Order(1)
  void dueTimersAreExecutedExactlyOnceAcrossBothNodes() throws Exception {
    // The timers are created suspended (their job definition is), so that all of them become due
    // at one moment and both nodes' job executors compete for one backlog.
    assertThat(a.api.raw("admin", "PUT", "/engine-rest/job-definition/suspended", "application/json",
        "{\"processDefinitionKey\": \"cluster-timer\", \"suspended\": true, \"includeJobs\": true}"
            .getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(204);
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<Reply>> starts = new ArrayList<>();
      for (int i = 0; i < TIMER_INSTANCES; i++) {
        ApiClient api = (i % 2 == 0 ? a : b).api;
        String businessKey = "timer-" + i;
        starts.add(clients.submit(() -> api.post("admin",
            "/engine-rest/process-definition/key/cluster-timer/start", Map.of("businessKey", businessKey))));
      }
      for (Future<Reply> start : starts) {
        Reply reply = start.get(60, TimeUnit.SECONDS);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(count("select count(*) from act_ru_job where process_def_key_ = 'cluster-timer'"
        + " and suspension_state_ = 2 and duedate_ <= now()")).as("suspended due timers").isEqualTo(TIMER_INSTANCES);

    long activated = System.nanoTime();
    assertThat(b.api.raw("admin", "PUT", "/engine-rest/job-definition/suspended", "application/json",
        "{\"processDefinitionKey\": \"cluster-timer\", \"suspended\": false, \"includeJobs\": true}"
            .getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(204);
    awaitTrue("every timer fired and its instance ended", Duration.ofSeconds(90), () ->
        count("select count(*) from act_hi_procinst where proc_def_key_ = 'cluster-timer' and end_time_ is not null")
            == TIMER_INSTANCES
        && count("select count(*) from act_ru_job where process_def_key_ = 'cluster-timer'") == 0);
    long done = System.nanoTime();

    assertThat(count("select count(*) from act_hi_procinst where proc_def_key_ = 'cluster-timer'"))
        .isEqualTo(TIMER_INSTANCES);
    // the step after the timer: once per instance, never twice
    assertThat(perKey("select proc_inst_id_, count(*) from act_hi_actinst"
        + " where proc_def_key_ = 'cluster-timer' and act_id_ = 'afterTimer' group by proc_inst_id_"))
        .hasSize(TIMER_INSTANCES).allSatisfy((instance, times) -> assertThat(times).as(instance).isEqualTo(1));
    // each timer job succeeded once and never failed
    assertThat(perKey("select job_id_, count(*) from act_hi_job_log where process_def_key_ = 'cluster-timer'"
        + " and job_state_ = 2 group by job_id_"))
        .hasSize(TIMER_INSTANCES).allSatisfy((job, times) -> assertThat(times).as(job).isEqualTo(1));
    assertThat(count("select count(*) from act_hi_job_log where process_def_key_ = 'cluster-timer' and job_state_ = 1"))
        .as("failed timer executions").isZero();
    Map<String, Integer> perNode = perKey("select hostname_, count(*) from act_hi_job_log"
        + " where process_def_key_ = 'cluster-timer' and job_state_ = 2 group by hostname_");
    System.out.printf("Cluster jobs: %d timers due at once, all executed %.1f s after their activation, per node %s%n",
        TIMER_INSTANCES, (done - activated) / 1e9, perNode);
    assertThat(perNode).as("timers executed per node").containsOnlyKeys("node-a", "node-b")
        .allSatisfy((node, jobs) -> assertThat(jobs).as(node).isPositive());
  }

  @Test
  @Order(2)
  void aTaskStartedThroughOneNodeIsCompletedThroughTheOther() {
    String instance = DurableState.startProgramme(a.api, "cluster-across-nodes");
    JsonNode task = firstTask(b.api, instance);
    assertThat(b.api.post("tinh34", "/engine-rest/task/" + task.path("id").asText() + "/complete",
        Map.of("variables", Map.of("participatingDistricts", Map.of("value", "[\"339\"]", "type", "Json")))).status())
        .isEqualTo(204);
    assertCompleted(a.api, instance, task.path("id").asText());
  }

  @Test
  @Order(3)
  void jobsLockedByAKilledNodeAreExecutedByTheOtherOnceTheLockExpires() throws Exception {
    String ownerA = lockOwner(a);
    Map<String, Timestamp> heldByA;
    long executingOnA;
    Instant killed;
    try (Connection gate = DriverManager.getConnection(url, TestPostgres.USER, "")) {
      execute(gate, "select pg_advisory_lock(" + GATE_KEY + ")");
      // Started through A, whose job executor each new job wakes at once; a few more if node B
      // (which looks every 3 s at most) happened to take the first ones.
      gatedInstances = 0;
      Instant deadline = Instant.now().plusSeconds(30);
      while (lockedBy(ownerA).isEmpty() || threadsWaitingAtTheGate("node-a") == 0) {
        assertThat(Instant.now()).as("node A executes gated jobs within 30 s").isBefore(deadline);
        if (gatedInstances < MAX_GATED_INSTANCES) {
          for (int i = 0; i < 6; i++) {
            Reply started = a.api.post("admin", "/engine-rest/process-definition/key/cluster-gated/start",
                Map.of("businessKey", "gated-" + gatedInstances++));
            assertThat(started.status()).as(started.body()).isEqualTo(200);
          }
        }
        Thread.sleep(500);
      }
      Thread.sleep(1000); // let A's acquisition fill its queue as well
      heldByA = lockedBy(ownerA);
      assertThat(heldByA).isNotEmpty();
      executingOnA = threadsWaitingAtTheGate("node-a");
      assertThat(executingOnA).as("node A's threads inside gated jobs").isPositive();
      assertThat(heldByA.values()).as("locks still valid when A dies")
          .allSatisfy(expiry -> assertThat(expiry.toInstant()).isAfter(Instant.now()));

      a.process.destroyForcibly();
      assertThat(a.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(a.process.exitValue()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
      killed = Instant.now();
      execute(gate, "select pg_advisory_unlock(" + GATE_KEY + ")");
    }

    awaitTrue("every gated instance ended", Duration.ofMillis(LOCK_TIME_MILLIS).plusSeconds(60), () ->
        count("select count(*) from act_hi_procinst where proc_def_key_ = 'cluster-gated' and end_time_ is not null")
            == gatedInstances);
    Duration recovered = Duration.between(killed, Instant.now());

    assertThat(perKey("select proc_inst_id_, count(*) from act_hi_actinst where proc_def_key_ = 'cluster-gated'"
        + " and act_id_ = 'gated' and end_time_ is not null group by proc_inst_id_"))
        .hasSize(gatedInstances).allSatisfy((instance, times) -> assertThat(times).as(instance).isEqualTo(1));
    assertThat(perKey("select job_id_, count(*) from act_hi_job_log where process_def_key_ = 'cluster-gated'"
        + " and job_state_ = 2 group by job_id_"))
        .hasSize(gatedInstances).allSatisfy((job, times) -> assertThat(times).as(job).isEqualTo(1));
    assertThat(count("select count(*) from act_ru_job where process_def_key_ = 'cluster-gated'")).isZero();
    // A's jobs: run by B, and only after A's lock had expired
    try (Connection db = DriverManager.getConnection(url, TestPostgres.USER, "");
        PreparedStatement query = db.prepareStatement("select hostname_, timestamp_ from act_hi_job_log"
            + " where job_id_ = ? and job_state_ = 2")) {
      for (Map.Entry<String, Timestamp> job : heldByA.entrySet()) {
        query.setString(1, job.getKey());
        try (ResultSet row = query.executeQuery()) {
          assertThat(row.next()).as(job.getKey()).isTrue();
          assertThat(row.getString(1)).as("executed by").isEqualTo("node-b");
          assertThat(row.getTimestamp(2)).as("executed after the lock expired").isAfterOrEqualTo(job.getValue());
        }
      }
    }
    System.out.printf("Cluster jobs: node A killed holding %d of %d locked jobs, %d of them executing (lock %d ms);"
        + " node B executed them all, every gated instance ended %.1f s after the kill%n",
        heldByA.size(), gatedInstances, executingOnA, LOCK_TIME_MILLIS, recovered.toMillis() / 1e3);
  }

  @Test
  @Order(4)
  void aCompletionAcknowledgedWith204SurvivesAKillOfTheNodeThatAnsweredIt() throws Exception {
    String instance = DurableState.startProgramme(b.api, "cluster-durability");
    String taskId = firstTask(b.api, instance).path("id").asText();
    Reply completed = b.api.post("tinh34", "/engine-rest/task/" + taskId + "/complete", Map.of("variables",
        Map.of("participatingDistricts", Map.of("value", "[\"339\"]", "type", "Json"))));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    DurableState.selectPilots(b.api, instance);
    DurableState.deployTimerModel(b.api, "PT40S");
    Map.Entry<String, Instant> timer = DurableState.startTimer(b.api);
    List<String> before = DurableState.snapshot(b.api);
    b.process.destroyForcibly();
    assertThat(b.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(b.process.exitValue()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);

    long killed = System.nanoTime();
    AppProcess again = node("node-b-restarted");
    again.awaitStarted();
    System.out.printf("Cluster jobs: node B restarted in %.1f s%n", (System.nanoTime() - killed) / 1e9);
    assertThat(Instant.now()).as("restarted before the timer is due").isBefore(timer.getValue());
    assertThat(DurableState.snapshot(again.api)).as("instances, tasks, variables and history after the kill")
        .containsExactlyElementsOf(before);
    assertCompleted(again.api, instance, taskId);
    DurableState.awaitTimerFired(again.api, timer.getKey(), Duration.ofSeconds(60));
    assertThat(count("select count(*) from act_hi_job_log where process_def_key_ = '" + DurableState.TIMER_KEY
        + "' and job_state_ = 2 and hostname_ = 'node-b-restarted'")).as("fired on the restarted node").isEqualTo(1);
  }

  // --- the programme, as the province starts it ------------------------------------------------

  private static JsonNode firstTask(ApiClient api, String instance) {
    JsonNode tasks = api.get("tinh34", "/engine-rest/task?processInstanceId=" + instance).json();
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo("SelectDistricts");
    return tasks.get(0);
  }

  private static void assertCompleted(ApiClient api, String instance, String taskId) {
    assertThat(api.get("tinh34", "/engine-rest/task?processInstanceId=" + instance
        + "&taskDefinitionKey=SelectDistricts").json()).as("the task is not open again").isEmpty();
    JsonNode historic = api.get("tinh34", "/engine-rest/history/task?taskId=" + taskId).json();
    assertThat(historic).hasSize(1);
    assertThat(historic.get(0).path("deleteReason").asText()).isEqualTo("completed");
    JsonNode variable = api.get("tinh34", "/engine-rest/history/variable-instance?processInstanceId="
        + instance + "&variableName=participatingDistricts&deserializeValues=false").json();
    assertThat(variable).hasSize(1);
    assertThat(variable.get(0).path("value").asText()).isEqualTo("[\"339\"]");
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** The node's job executor lock owner, as its health shows an administrator. */
  private static String lockOwner(AppProcess node) {
    Reply health = node.api.get("admin", "/actuator/health");
    String owner = health.json().path("components").path("jobExecutor").path("details").path("lockOwner").asText();
    assertThat(owner).as(health.body()).isNotBlank();
    return owner;
  }

  /** Jobs of the gated model locked by this owner, with the moment their lock expires. */
  private Map<String, Timestamp> lockedBy(String owner) {
    Map<String, Timestamp> jobs = new TreeMap<>();
    try (Connection db = DriverManager.getConnection(url, TestPostgres.USER, "");
        PreparedStatement query = db.prepareStatement("select id_, lock_exp_time_ from act_ru_job"
            + " where process_def_key_ = 'cluster-gated' and lock_owner_ = ?")) {
      query.setString(1, owner);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          jobs.put(rows.getString(1), rows.getTimestamp(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return jobs;
  }

  /** The node's database sessions (its job threads) waiting for the test's advisory lock. */
  private long threadsWaitingAtTheGate(String node) {
    return count("select count(*) from pg_stat_activity activity join pg_locks lock on lock.pid = activity.pid"
        + " where activity.application_name = '" + node + "' and activity.datname = current_database()"
        + " and lock.locktype = 'advisory' and not lock.granted and lock.objid = " + GATE_KEY);
  }

  private long count(String sql) {
    try (Connection db = DriverManager.getConnection(url, TestPostgres.USER, "");
        Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Integer> perKey(String sql) throws SQLException {
    Map<String, Integer> counts = new TreeMap<>();
    try (Connection db = DriverManager.getConnection(url, TestPostgres.USER, "");
        Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        counts.put(String.valueOf(rows.getString(1)), rows.getInt(2));
      }
    }
    return counts;
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.sleep(250);
    }
  }
}
