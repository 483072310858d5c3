package vn.thanthien.pilot.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The targets (set for 2 cores and an H2 file), each with the figure measured and by how much it is met or missed. */
final class Targets {

  private Targets() {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> check(String scale, Map<String, Object> results) {
    Map<String, Object> startup = (Map<String, Object>) results.get("startup");
    List<Map<String, Object>> targets = new ArrayList<>();
    targets.add(target("ratio (cost per lifecycle task / cost per floor instance)", results.get("ratio"), 1.3, ""));
    targets.add(target("wall time of the " + scale, results.get("wallSeconds"), scale.equals("country") ? 900 : 30, "s"));
    targets.add(target("Tasklist filters p95 (count and first page)", results.get("filterP95Millis"), 50, "ms"));
    targets.add(target("Cockpit search by business key p95", results.get("searchP95Millis"), 50, "ms"));
    targets.add(target("programme summary for a province p95: JSON", results.get("summaryP95Millis"), 500, "ms"));
    targets.add(target("programme summary for a province p95: Excel file", results.get("summaryExcelP95Millis"), 500, "ms"));
    targets.add(target("programme summary for a province p95: Cockpit page's data", results.get("summaryCockpitP95Millis"), 500, "ms"));
    targets.add(target("draft of the province's final report (DOCX, every commune) p95", results.get("finalReportDocxMillis"),
        2000, "ms"));
    targets.add(target("start-up on a restart with the " + scale + "'s units", startup.get("restartSeconds"), 30, "s"));
    targets.add(target("peak RSS (documented JVM settings)", results.get("peakRssMegabytes"), 400, "MiB"));
    // H2: the file after a clean stop (compacted then), in times its live data while it ran
    Object live = results.get("databaseLiveMegabytes");
    Object file = results.get("databaseMegabytes");
    targets.add(target("H2 file after the stop / its live data", live instanceof Number l && file instanceof Number f
        && l.doubleValue() > 0 ? Benchmark.round(f.doubleValue() / l.doubleValue()) : null, 10, "×"));
    return targets;
  }

  private static Map<String, Object> target(String what, Object value, double limit, String unit) {
    // not measured in this run (a run on the database of the last one has no lifecycle, no start-up)
    double measured = value instanceof Number number ? number.doubleValue() : Double.NaN;
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("what", what);
    target.put("measured", value);
    target.put("limit", limit);
    target.put("unit", unit);
    target.put("met", Double.isNaN(measured) ? null : measured <= limit);
    // above 1: missed by that factor
    target.put("measuredOverLimit", Double.isNaN(measured) ? null : Benchmark.round(measured / limit));
    return target;
  }

  @SuppressWarnings("unchecked")
  static String markdown(Map<String, Object> results) {
    StringBuilder table = new StringBuilder();
    Map<String, Object> machine = (Map<String, Object>) results.get("machine");
    table.append("Scale **").append(results.get("scale")).append("**, taken ").append(results.get("takenAt"))
        .append(" on ").append(machine.get("cores")).append(" cores (").append(machine.get("cpu")).append("), ")
        .append(machine.get("java")).append(", ").append(machine.get("database")).append(".\n\n");
    table.append("| figure | value |\n|---|---|\n");
    Map<String, Object> lifecycle = (Map<String, Object>) results.getOrDefault("lifecycle", Map.of());
    row(table, "programmes / district-pilot / commune-pilot instances", lifecycle.get("provinces") + " / "
        + lifecycle.get("districtPilots") + " / " + lifecycle.get("communePilots"));
    row(table, "tasks completed (engine API)", results.get("tasksCompleted"));
    row(table, "wall time (s)", results.get("wallSeconds"));
    row(table, "tasks per second", results.get("tasksPerSecond"));
    row(table, "floor instances per second (before / after the lifecycle)", results.get("floorInstancesPerSecond")
        + " (" + ((Map<String, Object>) results.get("floor")).get("instancesPerSecondBefore") + " / "
        + ((Map<String, Object>) results.get("floor")).get("instancesPerSecondAfter") + ")");
    row(table, "ratio", results.get("ratio"));
    Map<String, Object> rest = (Map<String, Object>) results.get("rest");
    if (rest != null) {
      row(table, "REST, " + rest.get("officialsAtOnce") + " officials at once: tasks, s, tasks/s",
          rest.get("tasksCompleted") + ", " + rest.get("wallSeconds") + ", " + rest.get("tasksPerSecond"));
    }
    Map<String, Object> queries = (Map<String, Object>) results.get("queries");
    for (String kind : List.of("tasklistFiltersWithCounts", "tasklistFirstPage", "cockpitSearchByBusinessKey")) {
      Map<String, Object> latency = (Map<String, Object>) queries.get(kind);
      row(table, kind + " p50 / p95 (ms)", latency.get("p50Millis") + " / " + latency.get("p95Millis"));
    }
    Map<String, Object> summary = (Map<String, Object>) results.get("summary");
    if (summary != null) {
      for (String kind : List.of("json", "excel", "cockpitPage")) {
        Map<String, Object> latency = (Map<String, Object>) summary.get(kind);
        row(table, "programme summary (" + summary.get("communes") + " communes), " + kind + " p50 / p95 (ms)",
            latency.get("p50Millis") + " / " + latency.get("p95Millis"));
      }
    }
    Map<String, Object> report = (Map<String, Object>) results.get("finalReport");
    if (report != null) {
      Map<String, Object> latency = (Map<String, Object>) report.get("docx");
      row(table, "province's final report (DOCX, " + report.get("communeRows") + " communes) p50 / p95 (ms)",
          latency.get("p50Millis") + " / " + latency.get("p95Millis"));
    }
    Map<String, Object> startup = (Map<String, Object>) results.get("startup");
    row(table, "start-up: empty database / restart (s)", startup.get("emptySeconds") + " / " + startup.get("restartSeconds"));
    row(table, "peak RSS (MiB)", results.get("peakRssMegabytes"));
    row(table, "database size (MiB)", results.get("databaseMegabytes"));
    if (results.containsKey("databaseLiveMegabytes")) {
      row(table, "H2 file while running / live data in it (MiB)", results.get("databaseOpenMegabytes") + " / "
          + results.get("databaseLiveMegabytes"));
    }
    Map<String, Object> profile = (Map<String, Object>) results.get("profile");
    if (profile != null) {
      table.append("\nWhere the time goes (JFR samples of the benchmark's thread):\n\n| phase | category | share |\n|---|---|---|\n");
      profile.forEach((phase, shares) -> ((Map<String, Object>) shares).forEach((category, share) ->
          table.append("| ").append(phase).append(" | ").append(category).append(" | ").append(share).append(" |\n")));
    }
    table.append("\n| target | measured | limit | met |\n|---|---|---|---|\n");
    for (Map<String, Object> target : (List<Map<String, Object>>) results.get("targets")) {
      table.append("| ").append(target.get("what")).append(" | ").append(target.get("measured")).append(' ')
          .append(target.get("unit")).append(" | ").append(target.get("limit")).append(' ').append(target.get("unit"))
          .append(" | ").append(target.get("met") == null ? "not measured in this run"
              : Boolean.TRUE.equals(target.get("met")) ? "yes" : "no (×" + target.get("measuredOverLimit") + ")")
          .append(" |\n");
    }
    return table.toString();
  }

  private static void row(StringBuilder table, String figure, Object value) {
    table.append("| ").append(figure).append(" | ").append(value).append(" |\n");
  }
}
