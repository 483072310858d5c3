package vn.thanthien.pilot.benchmark;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import vn.thanthien.pilot.app.PeakRss;

/** Prints, every few seconds while a phase runs, how far it has come. */
final class Progress implements AutoCloseable {

  private final ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "benchmark-progress");
    thread.setDaemon(true);
    return thread;
  });
  private final long start = System.nanoTime();

  Progress(String phase, LongSupplier tasks, Supplier<String> where, Duration every) {
    printer.scheduleAtFixedRate(() -> {
      double seconds = (System.nanoTime() - start) / 1e9;
      long done = tasks.getAsLong();
      Benchmark.say(String.format("%s: %,d tasks in %.0f s (%.1f/s), %s, peak RSS %d MiB",
          phase, done, seconds, done / seconds, where.get(), PeakRss.ofThisProcess()));
    }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    printer.shutdownNow();
  }
}
