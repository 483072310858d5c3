package vn.thanthien.pilot.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;

/**
 * Where the time of a phase goes: Java Flight Recorder samples the benchmark's thread every 20 ms,
 * and each sample is counted, as it arrives (nothing is kept: a country run takes 35 minutes), in
 * the first category its stack shows: H2 writing the pages a commit changed, the engine's inserts
 * and updates, the application's own listeners and checks, queries, the simulated officials
 * typing, the rest of the engine.
 */
final class Profile implements AutoCloseable {

  private static final List<String[]> CATEGORIES = List.of(
      new String[] {"H2: writing the pages a commit changed", "org.h2.jdbc.JdbcConnection.commit"},
      new String[] {"database: inserts, updates, deletes at the end of a step", "executeBatch", "executeUpdate",
          "flushBatchOperations"},
      // the application's listeners and checks, with the queries they make (not the command
      // interceptors, which wrap every command)
      new String[] {"application: listeners, form and contract checks (their queries included)",
          "SubmissionGuard.check", "vn.thanthien.pilot.forms.", "vn.thanthien.pilot.rating.",
          "vn.thanthien.pilot.commune.", "vn.thanthien.pilot.district.", "vn.thanthien.pilot.programme.",
          "vn.thanthien.pilot.reporting.", "vn.thanthien.pilot.organisation.", "InstanceAccessListener"},
      new String[] {"database: queries", "executeQuery", "org.h2.jdbc.JdbcPreparedStatement.execute",
          "org.postgresql.jdbc.PgPreparedStatement.execute"},
      new String[] {"simulated officials typing (the benchmark's own driver)", "LongestTexts", "CommuneInputs",
          "Officials.formOf", "RestDelivery.restVariables"});
  private static final String OTHER = "engine and everything else (Java)";

  private final RecordingStream stream = new RecordingStream();
  private final Map<String, Map<String, Integer>> counts = new ConcurrentHashMap<>();
  private volatile String phase;
  private volatile Instant phaseStart = Instant.MAX;
  private volatile Instant phaseEnd = Instant.MAX;

  Profile() {
    stream.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(20));
    stream.onEvent("jdk.ExecutionSample", this::count);
    stream.startAsync();
  }

  void begin(String name) {
    phase = name;
    counts.put(name, new ConcurrentHashMap<>());
    phaseEnd = Instant.MAX;
    phaseStart = Instant.now();
  }

  void end() {
    phaseEnd = Instant.now();
  }

  private void count(RecordedEvent sample) {
    String current = phase;
    if (current == null || sample.getStartTime().isBefore(phaseStart) || !sample.getStartTime().isBefore(phaseEnd)
        || sample.getThread("sampledThread") == null || !"main".equals(sample.getThread("sampledThread").getJavaName())
        || sample.getStackTrace() == null) {
      return;
    }
    counts.get(current).merge(category(sample.getStackTrace().getFrames()), 1, Integer::sum);
  }

  /** Per phase: the share of samples (percent) in each category, and the number of samples. */
  Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    counts.forEach((name, byCategory) -> {
      int total = byCategory.values().stream().mapToInt(Integer::intValue).sum();
      Map<String, Object> shares = new LinkedHashMap<>();
      shares.put("samples", total);
      byCategory.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(entry -> shares.put(entry.getKey() + " (%)", Benchmark.round(100.0 * entry.getValue() / Math.max(1, total))));
      summary.put(name, shares);
    });
    return summary;
  }

  private static String category(List<RecordedFrame> frames) {
    for (String[] category : CATEGORIES) {
      for (RecordedFrame frame : frames) {
        String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
        for (int i = 1; i < category.length; i++) {
          if (method.contains(category[i])) {
            return category[0];
          }
        }
      }
    }
    return OTHER;
  }

  @Override
  public void close() {
    stream.close();
  }
}
