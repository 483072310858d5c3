package vn.thanthien.pilot.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the time of a phase goes: Java Flight Recorder samples the benchmark's thread every 10 ms,
 * and each sample is put in the first category its stack shows (H2 writing the pages a commit
 * changed, the engine's inserts and updates, the application's own listeners and checks,
 * queries, the simulated officials, the rest of the engine). The recording is kept as {@code profile.jfr}.
 */
final class Profile implements AutoCloseable {

  private record Window(String phase, Instant start, Instant end) {}

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
      new String[] {"database: queries", "executeQuery", "org.h2.jdbc.JdbcPreparedStatement.execute"},
      new String[] {"simulated officials typing (the benchmark's own driver)", "LongestTexts", "CommuneInputs",
          "Officials.formOf", "RestDelivery.restVariables"});
  private static final String OTHER = "engine and everything else (Java)";

  private final Recording recording = new Recording();
  private final List<Window> windows = new ArrayList<>();
  private final Path file;
  private Instant phaseStart;

  Profile(Path file) {
    this.file = file;
    recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
    recording.start();
  }

  void begin() {
    phaseStart = Instant.now();
  }

  void end(String phase) {
    windows.add(new Window(phase, phaseStart, Instant.now()));
  }

  /** Per phase: the share of samples (percent) in each category, and the number of samples. */
  Map<String, Object> summary() throws IOException {
    recording.stop();
    recording.dump(file);
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    for (Window window : windows) {
      counts.put(window.phase(), new LinkedHashMap<>());
    }
    try (RecordingFile recorded = new RecordingFile(file)) {
      while (recorded.hasMoreEvents()) {
        RecordedEvent sample = recorded.readEvent();
        if (!"jdk.ExecutionSample".equals(sample.getEventType().getName())
            || sample.getThread("sampledThread") == null
            || !"main".equals(sample.getThread("sampledThread").getJavaName()) || sample.getStackTrace() == null) {
          continue;
        }
        for (Window window : windows) {
          if (!sample.getStartTime().isBefore(window.start()) && sample.getStartTime().isBefore(window.end())) {
            counts.get(window.phase()).merge(category(sample.getStackTrace().getFrames()), 1, Integer::sum);
          }
        }
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    counts.forEach((phase, byCategory) -> {
      int total = byCategory.values().stream().mapToInt(Integer::intValue).sum();
      Map<String, Object> shares = new LinkedHashMap<>();
      shares.put("samples", total);
      byCategory.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(entry -> shares.put(entry.getKey() + " (%)", Benchmark.round(100.0 * entry.getValue() / Math.max(1, total))));
      summary.put(phase, shares);
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
    recording.close();
  }
}
