package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The 7.24.0 flaw: an expression inside {@code orQueries} of a task query is evaluated on the
 * server. The probe bean counts every evaluation of {@code ${sideEffectProbe.touch()}}; the guard
 * must refuse such queries on the REST API and on the webapps' engine API before anything is
 * evaluated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(OrQueryExpressionGuardTest.Probe.class)
class OrQueryExpressionGuardTest {

  static final String EXPRESSION = "${sideEffectProbe.touch()}";

  @TestConfiguration
  static class Probe {
    @Bean
    SideEffectProbe sideEffectProbe() {
      return new SideEffectProbe();
    }
  }

  /** Something an attacker's expression would do: observable from the test. */
  public static class SideEffectProbe {
    public final AtomicInteger calls = new AtomicInteger();

    public String touch() {
      calls.incrementAndGet();
      return "xa12679";
    }
  }

  @LocalServerPort int port;
  @Autowired SideEffectProbe probe;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    probe.calls.set(0);
  }

  private static Map<String, Object> orQueryWithExpression() {
    return Map.of("orQueries", List.of(Map.of("assigneeExpression", EXPRESSION, "candidateUser", "xa12679")));
  }

  @Test
  void restTaskQueriesWithAnExpressionInOrQueriesAreRefusedAndNothingIsEvaluated() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/task/count")) {
      ApiClient.Reply reply = api.post("xa12679", path, orQueryWithExpression());
      assertThat(reply.status()).as(path).isEqualTo(400);
      assertThat(reply.json().path("message").asText()).contains("orQueries");
    }
    ApiClient.Reply nested = api.post("xa12679", "/engine-rest/task",
        Map.of("orQueries", List.of(Map.of("candidateGroupsExpression", "#{sideEffectProbe.touch()}"))));
    assertThat(nested.status()).isEqualTo(400);
    assertThat(probe.calls).hasValue(0);
    // the same query without the expression is served
    assertThat(api.post("xa12679", "/engine-rest/task",
        Map.of("orQueries", List.of(Map.of("assignee", "xa12679", "candidateUser", "xa12679")))).status())
        .isEqualTo(200);
    // an ad-hoc expression outside orQueries is refused by Camunda itself
    assertThat(api.post("xa12679", "/engine-rest/task", Map.of("assigneeExpression", EXPRESSION)).status())
        .isEqualTo(400);
    assertThat(probe.calls).hasValue(0);
  }

  @Test
  void filtersCannotCarryOrQueryExpressionsEither() {
    ApiClient.Reply create = api.post("admin", "/engine-rest/filter/create", Map.of(
        "resourceType", "Task", "name", "probe", "query", orQueryWithExpression()));
    assertThat(create.status()).isEqualTo(400);
    String anyFilter = api.get("admin", "/engine-rest/filter?firstResult=0&maxResults=1").json().get(0).path("id").asText();
    assertThat(api.post("xa12679", "/engine-rest/filter/" + anyFilter + "/list", orQueryWithExpression()).status())
        .isEqualTo(400);
    assertThat(probe.calls).hasValue(0);
  }

  @Test
  void theWebappsOwnEngineApiIsGuardedToo() {
    ApiClient.WebSession tasklist = api.login("xa12679", "tasklist");
    assertThat(tasklist.login.status()).isEqualTo(200);
    String base = "/camunda/api/engine/engine/default";
    assertThat(tasklist.post(base + "/task", orQueryWithExpression()).status()).isEqualTo(400);
    assertThat(tasklist.post(base + "/task/count", orQueryWithExpression()).status()).isEqualTo(400);
    assertThat(probe.calls).hasValue(0);
    assertThat(tasklist.post(base + "/task", Map.of("assignee", "xa12679")).status()).isEqualTo(200);
  }

  @Test
  void theProbeIsReachableByAStoredExpressionSoACountOfZeroMeansSomething() {
    // An administrator's stored filter may use expressions (that is how "my tasks" works):
    // listing it evaluates the expression, which the probe counts.
    ApiClient.Reply create = api.post("admin", "/engine-rest/filter/create", Map.of(
        "resourceType", "Task", "name", "probe-stored", "query", Map.of("assigneeExpression", EXPRESSION)));
    assertThat(create.status()).isEqualTo(200);
    String id = create.json().path("id").asText();
    assertThat(api.get("admin", "/engine-rest/filter/" + id + "/list").status()).isEqualTo(200);
    assertThat(probe.calls.get()).isPositive();
    assertThat(api.get("admin", "/engine-rest/filter/" + id).status()).isEqualTo(200);
    api.send("admin", java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://localhost:" + port + "/engine-rest/filter/" + id)).DELETE(), null);
  }
}
