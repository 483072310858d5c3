package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The 7.24.0 flaw: an expression inside {@code orQueries} of a task query (or of a filter's
 * extending query) is evaluated on the server. The probe bean counts every evaluation of
 * {@code ${sideEffectProbe.touch()}}; the engine must refuse such queries, whatever the path,
 * Content-Type, encoding or HTTP method, on the REST API and on the webapps' engine API, before
 * anything is evaluated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(OrQueryExpressionGuardTest.Probe.class)
class OrQueryExpressionGuardTest {

  static final String EXPRESSION = "${sideEffectProbe.touch()}";
  /** A yes/no question about a configuration value: the answer would show in the result. */
  static final String ORACLE = "${environment.getProperty('pilot.demo.password').startsWith('T')"
      + " ? sideEffectProbe.touch() : 'nobody'}";
  static final String REST = "/engine-rest";
  static final String WEBAPP = "/camunda/api/engine/engine/default";

  static final List<String> CONTENT_TYPES = Arrays.asList(null, "text/plain", "application/*", "*/*",
      "application/json", "application/json; charset=UTF-8", "application/json;charset=ISO-8859-1",
      "application/x-www-form-urlencoded", "application/hal+json", "text/plain; charset=UTF-8");

  /** Bodies in UTF-8: plain, with JSON unicode escapes ("\u0024{"), "#{...}", the oracle. */
  static final List<String> BODIES = List.of(
      "{\"orQueries\":[{\"assigneeExpression\":\"" + EXPRESSION + "\",\"candidateUser\":\"xa12679\"}]}",
      "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{sideEffectProbe.touch()}\"}]}",
      "{\"orQueries\":[{\"candidateGroupsExpression\":\"#{sideEffectProbe.touch()}\"}]}",
      "{\"orQueries\":[{\"assigneeExpression\":\"" + ORACLE + "\"}]}",
      "{\"assigneeExpression\":\"" + EXPRESSION + "\"}");

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

  private String myTasksFilter(String user) {
    for (JsonNode filter : api.get(user, REST + "/filter?resourceType=Task").json()) {
      if ("Việc của tôi".equals(filter.path("name").asText())) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError("no filter 'Việc của tôi' for " + user);
  }

  private static List<String> queryPaths(String base, String filterId) {
    return List.of(base + "/task", base + "/task/count", base + "/filter/" + filterId + "/list",
        base + "/filter/" + filterId + "/count", base + "/filter/" + filterId + "/singleResult");
  }

  private interface Sender {
    ApiClient.Reply send(String method, String path, String contentType, byte[] body);
  }

  /** Sends every body with every Content-Type to every path; returns what was not refused. */
  private List<String> tryEverything(List<String> paths, Sender sender) {
    List<String> accepted = new ArrayList<>();
    for (String path : paths) {
      for (String body : BODIES) {
        for (String contentType : CONTENT_TYPES) {
          check(accepted, sender, path, contentType, body.getBytes(StandardCharsets.UTF_8), true);
        }
        byte[] utf16 = body.getBytes(StandardCharsets.UTF_16); // big-endian with a byte-order mark
        check(accepted, sender, path, "application/json; charset=UTF-16", utf16, true);
        check(accepted, sender, path, "text/plain; charset=UTF-16", utf16, false);
        check(accepted, sender, path, null, utf16, false);
        check(accepted, sender, path, "application/json", body.getBytes(StandardCharsets.UTF_16LE), false);
      }
    }
    return accepted;
  }

  /**
   * Records what was not refused with a 4xx, or ran the probe; with {@code readable} (a JSON
   * Content-Type whose charset matches the bytes) the answer must be the engine's Vietnamese 400.
   */
  private void check(List<String> accepted, Sender sender, String path, String contentType, byte[] body,
      boolean readable) {
    ApiClient.Reply reply = sender.send("POST", path, contentType, body);
    String what = "POST " + path + " [" + contentType + "] " + new String(body, StandardCharsets.ISO_8859_1)
        .replace("\0", "") + " -> " + reply.status() + " " + reply.body();
    if (reply.status() < 400 || reply.status() >= 500 || probe.calls.get() != 0) {
      accepted.add(what);
      probe.calls.set(0);
    }
    if (readable && contentType != null && contentType.startsWith("application/json")) {
      // Where the API reads the query, the refusal is a clear 400 in Vietnamese; Camunda's
      // singleResult wraps every engine error into its own English 400.
      boolean vietnamese = reply.body().contains("không được dùng biểu thức") || path.endsWith("/singleResult");
      if (reply.status() != 400 || !vietnamese) {
        accepted.add("not a Vietnamese 400: " + what);
      }
    }
  }

  @Test
  void restQueriesWithExpressionsAreRefusedWhateverTheContentTypeOrEncoding() {
    List<String> accepted = tryEverything(queryPaths(REST, myTasksFilter("xa12679")),
        (method, path, contentType, body) -> api.raw("xa12679", method, path, contentType, body));
    assertThat(accepted).isEmpty();
    assertThat(probe.calls).hasValue(0);
  }

  @Test
  void theWebappsEngineApiRefusesThemTooWithASessionAndCsrfToken() {
    ApiClient.WebSession tasklist = api.login("xa12679", "tasklist");
    assertThat(tasklist.login.status()).isEqualTo(200);
    List<String> accepted = tryEverything(queryPaths(WEBAPP, myTasksFilter("xa12679")), tasklist::raw);
    assertThat(accepted).isEmpty();
    assertThat(probe.calls).hasValue(0);
    // the same session is served as usual
    assertThat(tasklist.post(WEBAPP + "/task", Map.of("assignee", "xa12679")).status()).isEqualTo(200);
    assertThat(tasklist.post(WEBAPP + "/filter/" + myTasksFilter("xa12679") + "/list", Map.of()).status())
        .isEqualTo(200);
  }

  @Test
  void queryStringsCannotCarryExpressionsEither() {
    String orQueries = URLEncoder.encode("[{\"assigneeExpression\":\"" + EXPRESSION + "\"}]", StandardCharsets.UTF_8);
    String expression = URLEncoder.encode(EXPRESSION, StandardCharsets.UTF_8);
    String oracle = URLEncoder.encode(ORACLE, StandardCharsets.UTF_8);
    ApiClient.WebSession tasklist = api.login("xa12679", "tasklist");
    for (String base : List.of(REST, WEBAPP)) {
      for (String query : List.of("/task?assigneeExpression=" + expression, "/task/count?assigneeExpression=" + expression,
          "/task?candidateGroupsExpression=" + oracle, "/task?orQueries=" + orQueries,
          "/task/count?orQueries=" + orQueries, "/task?%6FrQueries=" + orQueries)) {
        ApiClient.Reply reply = REST.equals(base) ? api.get("xa12679", base + query) : tasklist.get(base + query);
        assertThat(reply.status()).as(base + query).isBetween(400, 499);
        assertThat(probe.calls).as(base + query).hasValue(0);
      }
    }
  }

  @Test
  void restTaskQueriesWithoutExpressionsAreServedAsBefore() {
    assertThat(api.post("xa12679", REST + "/task",
        Map.of("orQueries", List.of(Map.of("assignee", "xa12679", "candidateUser", "xa12679")))).status())
        .isEqualTo(200);
    assertThat(api.post("xa12679", REST + "/task/count", Map.of("candidateUser", "xa12679")).status())
        .isEqualTo(200);
    assertThat(api.post("xa12679", REST + "/task", orQueryWithExpression()).json().path("message").asText())
        .contains("orQueries");
    assertThat(probe.calls).hasValue(0);
  }

  @Test
  void filtersCannotCarryOrQueryExpressionsEither() {
    ApiClient.Reply create = api.post("admin", REST + "/filter/create", Map.of(
        "resourceType", "Task", "name", "probe", "query", orQueryWithExpression()));
    assertThat(create.status()).isEqualTo(400);
    assertThat(create.body()).contains("không được dùng biểu thức");
    // officials cannot create filters at all
    assertThat(api.post("xa12679", REST + "/filter/create", Map.of(
        "resourceType", "Task", "name", "probe", "query", Map.of("assignee", "xa12679"))).status()).isEqualTo(403);
    String anyFilter = api.get("admin", REST + "/filter?firstResult=0&maxResults=1").json().get(0).path("id").asText();
    assertThat(api.post("admin", REST + "/filter/" + anyFilter + "/list", orQueryWithExpression()).status())
        .isEqualTo(400);
    assertThat(probe.calls).hasValue(0);
  }

  @Test
  void theApplicationsOwnFiltersWithExpressionsStillWork() {
    // "Việc của tôi" is ${currentUser()}: stored by the application, evaluated when listed.
    String mine = myTasksFilter("huyen339");
    assertThat(api.get("huyen339", REST + "/filter/" + mine + "/list").status()).isEqualTo(200);
    assertThat(api.post("huyen339", REST + "/filter/" + mine + "/count", Map.of()).json().path("count").isNumber())
        .isTrue();
    assertThat(api.post("huyen339", REST + "/filter/" + mine + "/list",
        Map.of("processDefinitionKey", "commune-pilot")).status()).isEqualTo(200);
    ApiClient.WebSession tasklist = api.login("huyen339", "tasklist");
    assertThat(tasklist.post(WEBAPP + "/filter/" + mine + "/count", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void theProbeIsReachableByAStoredExpressionSoACountOfZeroMeansSomething() {
    // An administrator's stored filter may use expressions (that is how "my tasks" works):
    // listing it evaluates the expression, which the probe counts; the oracle works the same way.
    for (String expression : List.of(EXPRESSION, ORACLE)) {
      probe.calls.set(0);
      ApiClient.Reply create = api.post("admin", REST + "/filter/create", Map.of(
          "resourceType", "Task", "name", "probe-stored", "query", Map.of("assigneeExpression", expression)));
      assertThat(create.status()).isEqualTo(200);
      String id = create.json().path("id").asText();
      assertThat(api.get("admin", REST + "/filter/" + id + "/list").status()).isEqualTo(200);
      assertThat(probe.calls.get()).as(expression).isPositive();
      api.send("admin", java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(api.base() + REST + "/filter/" + id)).DELETE(), null);
    }
  }

}
