package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.Reply;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * Over real HTTP: {@code /actuator/health} is public and UP, with details only for an
 * administrator; {@code /actuator/prometheus} and the other endpoints answer 401 without
 * credentials, 403 to officials and managers, and serve the programme's figures to an
 * administrator, matching what the test does (a started commune pilot adds one open commune task
 * and one pilot in planning; its task made overdue adds one overdue commune task).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class HealthAndMetricsOverHttpTest {

  /** Xã Đông Xá (Đông Hưng), used by no other test. */
  static final String COMMUNE = "12724";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  ApiClient api;
  ProcessInstance started;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @AfterEach
  void removeOwnPilot() {
    if (started != null && runtime.createProcessInstanceQuery().processInstanceId(started.getId()).count() > 0) {
      runtime.deleteProcessInstance(started.getId(), "test: health and metrics");
    }
  }

  @Test
  void healthIsPublicAndUpWithDetailsOnlyForAnAdministrator() {
    Reply anonymous = api.get(null, "/actuator/health");
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.json().path("status").asText()).isEqualTo("UP");
    assertThat(anonymous.json().has("components")).as(anonymous.body()).isFalse();

    Reply official = api.get("xa12679", "/actuator/health");
    assertThat(official.status()).isEqualTo(200);
    assertThat(official.json().path("status").asText()).isEqualTo("UP");
    assertThat(official.json().has("components")).as(official.body()).isFalse();

    Reply admin = api.get("admin", "/actuator/health");
    assertThat(admin.status()).as(admin.body()).isEqualTo(200);
    JsonNode components = admin.json().path("components");
    assertThat(admin.json().path("status").asText()).isEqualTo("UP");
    assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("db").path("details").path("database").asText()).isEqualTo("H2");
    assertThat(components.path("processEngine").path("status").asText()).isEqualTo("UP");
    assertThat(components.path("processEngine").path("details").path("name").asText()).isEqualTo("default");
    // The integration tests run jobs themselves: the job executor is off, and says so.
    assertThat(components.path("jobExecutor").path("status").asText()).isEqualTo("DISABLED");
    assertThat(components.path("jobExecutor").path("details").path("enabled").asBoolean(true)).isFalse();

    // Components are details too: an administrator may ask for one, nobody else sees them.
    assertThat(api.get("admin", "/actuator/health/jobExecutor").json().path("status").asText()).isEqualTo("DISABLED");
    assertThat(api.get(null, "/actuator/health/db").status()).isEqualTo(404);
  }

  @Test
  void everyOtherEndpointNeedsAnAdministrator() {
    for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator",
        "/actuator/env", "/actuator/prometheus/", "/actuator/health/../prometheus"}) {
      Reply anonymous = api.get(null, path);
      assertThat(anonymous.status()).as(path).isEqualTo(401);
      assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate")).as(path).isPresent();
      assertThat(anonymous.json().path("message").asText()).as(path).contains("quản trị hệ thống");
      for (String user : new String[] {"xa12679", "huyen339", "tinh34", "quanly"}) {
        Reply refused = api.get(user, path);
        assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
        assertThat(refused.json().path("message").asText()).contains("Chỉ quản trị hệ thống");
      }
    }
    assertThat(api.get("admin", "/actuator/metrics").status()).isEqualTo(200);
    assertThat(api.get("admin", "/actuator/info").status()).isEqualTo(200);
    // Not exposed at all: even an administrator gets 404.
    assertThat(api.get("admin", "/actuator/env").status()).isEqualTo(404);
  }

  @Test
  void prometheusServesTheProgrammesFiguresToAnAdministrator() {
    Reply scrape = api.get("admin", "/actuator/prometheus");
    assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
    assertThat(scrape.body()).contains(
        "pilot_tasks_open{", "level=\"province\"", "level=\"district\"", "level=\"commune\"",
        "pilot_tasks_overdue{", "pilot_incidents_open", "pilot_jobs_due",
        "pilot_pilots_running{", "phase=\"planning\"", "phase=\"launched\"", "phase=\"reporting\"",
        "phase=\"self-assessment\"", "phase=\"appraisal\"", "phase=\"recognition\"",
        "phase=\"remediation\"", "phase=\"lessons\"",
        "camunda_engine_metric_total{", "name=\"job-successful\"", "name=\"root-process-instance-start\"",
        "pilot_job_executor_active", "pilot_job_acquisition_age_seconds",
        "jvm_memory_used_bytes", "hikaricp_connections_active");
    assertThat(value(scrape.body(), "pilot_job_executor_active", null)).isEqualTo(0.0);
    assertThat(value(scrape.body(), "pilot_incidents_open", null))
        .isEqualTo((double) runtime.createIncidentQuery().count());

    double commune = metric("pilot_tasks_open", "level=\"commune\"");
    double district = metric("pilot_tasks_open", "level=\"district\"");
    double planning = metric("pilot_pilots_running", "phase=\"planning\"");
    double overdue = metric("pilot_tasks_overdue", "level=\"commune\"");

    started = runtime.startProcessInstanceByKey("commune-pilot", COMMUNE,
        CommuneInputs.startInput(COMMUNE, "district", "2025-12-31"));
    assertThat(eventually(() -> metric("pilot_tasks_open", "level=\"commune\""), commune + 1)).isEqualTo(commune + 1);
    assertThat(metric("pilot_pilots_running", "phase=\"planning\"")).isEqualTo(planning + 1);
    assertThat(metric("pilot_tasks_open", "level=\"district\"")).isEqualTo(district);

    Task draftPlan = tasks.createTaskQuery().processInstanceId(started.getId()).singleResult();
    draftPlan.setDueDate(Date.from(Instant.now().minus(Duration.ofDays(1))));
    tasks.saveTask(draftPlan);
    assertThat(eventually(() -> metric("pilot_tasks_overdue", "level=\"commune\""), overdue + 1)).isEqualTo(overdue + 1);

    runtime.deleteProcessInstance(started.getId(), "test: health and metrics");
    assertThat(eventually(() -> metric("pilot_tasks_open", "level=\"commune\""), commune)).isEqualTo(commune);
    assertThat(metric("pilot_pilots_running", "phase=\"planning\"")).isEqualTo(planning);
  }

  /** One value of the administrator's scrape. */
  private double metric(String name, String label) {
    Reply scrape = api.get("admin", "/actuator/prometheus");
    assertThat(scrape.status()).isEqualTo(200);
    return value(scrape.body(), name, label);
  }

  private static double value(String scrape, String name, String label) {
    Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE);
    Matcher matcher = line.matcher(scrape);
    while (matcher.find()) {
      if (label == null || (matcher.group(1) != null && matcher.group(1).contains(label))) {
        return Double.parseDouble(matcher.group(2));
      }
    }
    throw new AssertionError("no " + name + " " + label + " in\n" + scrape);
  }

  /** The figures are read again at most every second (application-it.yaml): wait for them. */
  private static double eventually(Supplier<Double> read, double expected) {
    long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    double value = read.get();
    while (value != expected && System.nanoTime() < until) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      value = read.get();
    }
    return value;
  }
}
