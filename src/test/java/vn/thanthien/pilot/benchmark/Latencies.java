package vn.thanthien.pilot.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Durations of one kind of request, in milliseconds: p50, p95 and the largest. */
final class Latencies {

  private final List<Double> millis = new ArrayList<>();

  <T> T time(Supplier<T> call) {
    long start = System.nanoTime();
    T result = call.get();
    millis.add((System.nanoTime() - start) / 1e6);
    return result;
  }

  /** A duration measured elsewhere (another thread's), added once that thread is done. */
  void add(double duration) {
    millis.add(duration);
  }

  double percentile(double p) {
    if (millis.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("samples", millis.size());
    summary.put("p50Millis", Benchmark.round(percentile(50)));
    summary.put("p95Millis", Benchmark.round(percentile(95)));
    summary.put("maxMillis", Benchmark.round(percentile(100)));
    return summary;
  }
}
