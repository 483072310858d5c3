package vn.thanthien.pilot.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thanthien.pilot.access.ApiClient;

/**
 * The queries officials and managers run all day, timed as the webapps send them (logged-in
 * session, CSRF token, the webapps' engine API): a commune official opening Tasklist (every filter
 * with its count) and the first page of the first filter; a manager searching Cockpit's history
 * for a commune by its code (the business key), list and count.
 */
final class QueryLatencies {

  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final Map<String, Object> TASKLIST_PAGE = Map.of(
      "processVariables", List.of(), "taskVariables", List.of(), "caseInstanceVariables", List.of(),
      "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")), "active", true);

  final Latencies filterCounts = new Latencies();
  final Latencies filterFirstPage = new Latencies();
  final Latencies searchByBusinessKey = new Latencies();
  private final ApiClient api;

  QueryLatencies(ApiClient api) {
    this.api = api;
  }

  /** Each official opens Tasklist {@code rounds} times; returns the tasks they saw in all. */
  long officialsOpenTasklist(List<String> officials, int rounds) {
    long seen = 0;
    for (String official : officials) {
      ApiClient.WebSession tasklist = api.login(official, "tasklist");
      ok(tasklist.login, "login of " + official);
      for (int round = 0; round < rounds; round++) {
        JsonNode filters = ok(filterCounts.time(() -> tasklist.get(ENGINE + "/filter?resourceType=Task&itemCount=true")),
            "filters of " + official).json();
        String first = firstFilter(filters);
        JsonNode page = ok(filterFirstPage.time(() -> tasklist.post(ENGINE + "/filter/" + first
            + "/list?firstResult=0&maxResults=15", TASKLIST_PAGE)), "first page of " + official).json();
        seen += page.size();
      }
    }
    return seen;
  }

  /** The manager looks each code up in Cockpit's history; returns the instances found in all. */
  long managerSearches(String manager, List<String> businessKeys) {
    ApiClient.WebSession cockpit = api.login(manager, "cockpit");
    ok(cockpit.login, "login of " + manager);
    long found = 0;
    for (String key : businessKeys) {
      Map<String, Object> query = Map.of("processInstanceBusinessKey", key,
          "sorting", List.of(Map.of("sortBy", "startTime", "sortOrder", "desc")));
      found += ok(searchByBusinessKey.time(() -> cockpit.post(ENGINE
          + "/history/process-instance?firstResult=0&maxResults=50", query)), "search " + key).json().size();
      searchByBusinessKey.time(() -> ok(cockpit.post(ENGINE + "/history/process-instance/count", query), "count " + key));
    }
    return found;
  }

  Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("tasklistFiltersWithCounts", filterCounts.summary());
    summary.put("tasklistFirstPage", filterFirstPage.summary());
    summary.put("cockpitSearchByBusinessKey", searchByBusinessKey.summary());
    return summary;
  }

  /** The filter Tasklist opens first: the lowest priority. */
  private static String firstFilter(JsonNode filters) {
    JsonNode first = null;
    for (JsonNode filter : filters) {
      if (first == null || filter.path("properties").path("priority").asInt(0)
          < first.path("properties").path("priority").asInt(0)) {
        first = filter;
      }
    }
    if (first == null) {
      throw new IllegalStateException("no Tasklist filter");
    }
    return first.path("id").asText();
  }

  private static ApiClient.Reply ok(ApiClient.Reply reply, String what) {
    if (reply.status() != 200) {
      throw new IllegalStateException(what + ": " + reply.status() + " " + reply.body());
    }
    return reply;
  }
}
