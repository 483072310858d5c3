package vn.thanthien.pilot.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.thanthien.pilot.access.ApiClient;

/**
 * The programme at a glance for a whole province, timed as its readers ask for it: the province's
 * official (HTTP Basic) reading {@code /api/programme/summary} and downloading the Excel file, and
 * the manager opening the Cockpit page (the plugin's resource, with the webapps' session). The
 * first call of each kind warms up and is not counted.
 */
final class SummaryLatencies {

  static final String JSON = "/api/programme/summary";
  static final String EXCEL = "/api/programme/summary.xlsx";
  static final String COCKPIT = "/camunda/api/cockpit/plugin/programme-summary/default/summary";

  final Latencies json = new Latencies();
  final Latencies excel = new Latencies();
  final Latencies cockpit = new Latencies();
  private final ApiClient api;
  private long jsonBytes;
  private long excelBytes;
  private int communes;

  SummaryLatencies(ApiClient api) {
    this.api = api;
  }

  void measure(String provinceOfficial, String manager, int rounds) {
    ok(api.get(provinceOfficial, JSON), "summary");
    ok(api.get(provinceOfficial, EXCEL), "summary.xlsx");
    for (int round = 0; round < rounds; round++) {
      ApiClient.Reply reply = ok(json.time(() -> api.get(provinceOfficial, JSON)), "summary");
      jsonBytes = reply.body().length();
      communes = reply.json().path("totals").path("communes").asInt();
      excelBytes = ok(excel.time(() -> api.get(provinceOfficial, EXCEL)), "summary.xlsx").raw().headers()
          .firstValueAsLong("Content-Length").orElse(-1);
    }
    ApiClient.WebSession session = api.login(manager, "cockpit");
    ok(session.login, "login of " + manager);
    ok(session.get(COCKPIT), "Cockpit page");
    for (int round = 0; round < rounds; round++) {
      ok(cockpit.time(() -> session.get(COCKPIT)), "Cockpit page");
    }
  }

  Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("communes", communes);
    summary.put("jsonCharacters", jsonBytes);
    summary.put("excelBytes", excelBytes);
    summary.put("json", json.summary());
    summary.put("excel", excel.summary());
    summary.put("cockpitPage", cockpit.summary());
    return summary;
  }

  private static ApiClient.Reply ok(ApiClient.Reply reply, String what) {
    if (reply.status() != 200) {
      throw new IllegalStateException(what + ": " + reply.status() + " " + reply.body());
    }
    return reply;
  }
}
