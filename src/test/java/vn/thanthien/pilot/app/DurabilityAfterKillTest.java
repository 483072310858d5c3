package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.Reply;

/**
 * An acknowledged completion survives the death of the process: the real application runs as a
 * separate JVM on an H2 file; a province official starts the programme and completes its first
 * task over REST, and the moment the 204 arrives the process is killed with SIGKILL. Started again
 * on the same file, the task is completed and its data are in history. Several tries, one after
 * the other on the same file; before each kill the district's official also selects its pilots, and
 * after each restart the running instances, open tasks, variables and history are exactly as before
 * the kill. On the last try a test-only timer is pending across the kill and fires after the
 * restart. Also prints what writing every commit costs (not asserted).
 */
class DurabilityAfterKillTest {

  static final int TRIES = 3;
  static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  static final int SIGKILL_EXIT = 128 + 9;
  /** The pending timer's delay from its start: a restart takes 10-20 s here. */
  static final String TIMER_DURATION = "PT40S";

  @TempDir Path data;

  /** The application in its own JVM, with the runtime classpath Maven wrote for it. */
  final class App implements AutoCloseable {
    final Process process;
    final int port;
    final ApiClient api;

    App(int run) throws IOException {
      port = freePort();
      String classpath = "target/classes" + File.pathSeparator
          + Files.readString(Path.of("target/runtime-classpath.txt")).trim();
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath,
          "vn.thanthien.pilot.PilotApplication"));
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(Files.createDirectories(Path.of("target", "durability")).resolve("run-" + run + ".log").toFile());
      Map<String, String> env = builder.environment();
      env.put("PILOT_DB_URL", "jdbc:h2:file:" + data.resolve("pilot").toAbsolutePath() + ";AUTO_SERVER=FALSE");
      env.put("PORT", Integer.toString(port));
      env.put("PILOT_DEMO_ENABLED", "true");
      env.put("PILOT_DEMO_PASSWORD", ApiClient.PASSWORD);
      // an idle job executor looks for due jobs every second at least (default: up to 60 s)
      env.put("CAMUNDA_BPM_JOBEXECUTION_MAXWAIT", "1000");
      String writeDelay = System.getProperty("pilot.durability.writeDelay");
      if (writeDelay != null) {
        // Only to show the failure without the fix: -Dpilot.durability.writeDelay=500
        env.put("PILOT_DATABASE_H2_WRITE_DELAY", writeDelay);
      }
      process = builder.start();
      api = new ApiClient(port);
      awaitReady(run);
    }

    private void awaitReady(int run) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      Instant deadline = Instant.now().plus(START_TIMEOUT);
      while (Instant.now().isBefore(deadline)) {
        assertThat(process.isAlive()).as("application died while starting, see target/durability/run-" + run + ".log").isTrue();
        try {
          HttpResponse<String> health = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200) {
            return;
          }
        } catch (IOException | InterruptedException notYet) {
          // not listening yet
        }
        sleep(500);
      }
      throw new AssertionError("application not ready after " + START_TIMEOUT + ", see target/durability/run-" + run + ".log");
    }

    /** SIGKILL: no shutdown hook, no chance to write anything more. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
    }

    @Override
    public void close() throws InterruptedException {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  record Completion(String processInstanceId, String taskId) {}

  private static Completion startAndCompleteFirstTask(ApiClient api, int attempt) {
    // an administrator may deliberately start another programme while one runs (one per try)
    String instance = DurableState.startProgramme(api, "durability-" + attempt);
    JsonNode task = api.get("tinh34", "/engine-rest/task?processInstanceId=" + instance).json().get(0);
    assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("SelectDistricts");
    String taskId = task.path("id").asText();
    Reply completed = api.post("tinh34", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
        "participatingDistricts", Map.of("value", "[\"339\"]", "type", "Json"))));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    return new Completion(instance, taskId);
  }

  private static void assertKept(ApiClient api, Completion completion) {
    assertThat(api.get("tinh34", "/engine-rest/history/process-instance?processInstanceId="
        + completion.processInstanceId()).json()).as("the started programme is kept").hasSize(1);
    assertThat(api.get("tinh34", "/engine-rest/task?processInstanceId=" + completion.processInstanceId()
        + "&taskDefinitionKey=SelectDistricts").json()).as("the task is not open again").isEmpty();
    JsonNode historic = api.get("tinh34", "/engine-rest/history/task?taskId=" + completion.taskId()).json();
    assertThat(historic).hasSize(1);
    assertThat(historic.get(0).path("endTime").isNull()).as("the task ended").isFalse();
    assertThat(historic.get(0).path("deleteReason").asText()).isEqualTo("completed");
    JsonNode variable = api.get("tinh34", "/engine-rest/history/variable-instance?processInstanceId="
        + completion.processInstanceId() + "&variableName=participatingDistricts&deserializeValues=false").json();
    assertThat(variable).hasSize(1);
    assertThat(variable.get(0).path("value").asText()).isEqualTo("[\"339\"]");
  }

  @Test
  void aCompletionAcknowledgedWith204SurvivesAKillRightAfterIt() throws Exception {
    int run = 0;
    App app = new App(run);
    try {
      DurableState.deployTimerModel(app.api, TIMER_DURATION);
      for (int attempt = 1; attempt <= TRIES; attempt++) {
        Completion completion = startAndCompleteFirstTask(app.api, attempt);
        DurableState.selectPilots(app.api, completion.processInstanceId());
        // on the last try a timer is pending across the kill, due after the restart
        Map.Entry<String, Instant> timer = attempt == TRIES ? DurableState.startTimer(app.api) : null;
        List<String> before = DurableState.snapshot(app.api);
        app.kill();
        long killed = System.nanoTime();
        app = new App(++run);
        System.out.printf("Durability: restarted in %.1f s%n", (System.nanoTime() - killed) / 1e9);
        if (timer != null) {
          assertThat(Instant.now()).as("restarted before the timer is due, else raise " + TIMER_DURATION)
              .isBefore(timer.getValue());
        }
        assertThat(DurableState.snapshot(app.api)).as("instances, tasks, variables and history after the kill")
            .containsExactlyElementsOf(before);
        assertKept(app.api, completion);
        if (timer != null) {
          DurableState.awaitTimerFired(app.api, timer.getKey(), Duration.ofSeconds(60));
        }
      }
    } finally {
      app.close();
    }
  }

  /** Start and complete a one-task process many times on an H2 file, with and without the delay. */
  @Test
  void printWhatWritingEveryCommitCosts() {
    StringBuilder report = new StringBuilder("H2 file, history full, start + complete one user task:");
    for (int writeDelay : new int[] {500, 0, 500, 0, 500, 0}) {
      report.append(String.format("%n  WRITE_DELAY=%-3d %6.0f instances/s", writeDelay, instancesPerSecond(writeDelay)));
    }
    System.out.println(report);
  }

  private double instancesPerSecond(int writeDelay) {
    String name = "durability-benchmark-" + writeDelay + "-" + System.nanoTime();
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:file:" + data.resolve(name).toAbsolutePath() + ";WRITE_DELAY=" + writeDelay);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setMetricsEnabled(false);
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("bench.bpmn",
          Bpmn.createExecutableProcess("bench").camundaHistoryTimeToLive(1)
              .startEvent().userTask("work").endEvent().done()).deploy();
      TaskService tasks = engine.getTaskService();
      Runnable one = () -> {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("bench").getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
      };
      for (int i = 0; i < 200; i++) {
        one.run();
      }
      int count = 400;
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        one.run();
      }
      return count / ((System.nanoTime() - start) / 1e9);
    } finally {
      engine.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
