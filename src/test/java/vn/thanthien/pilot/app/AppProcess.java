package vn.thanthien.pilot.app;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import vn.thanthien.pilot.access.ApiClient;

/**
 * The real application in a JVM of its own ({@code target/classes} and the runtime classpath
 * Maven writes to {@code target/runtime-classpath.txt}), configured by environment variables as an
 * installation would be; its output goes to {@code target/<logDirectory>/<name>.log}.
 */
public final class AppProcess implements AutoCloseable {

  static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  static final List<String> TEST_JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  final String name;
  final int port;
  final Path log;
  final Process process;
  final ApiClient api;

  /** Starts the process and returns at once; see {@link #awaitStarted()}. */
  AppProcess(String logDirectory, String name, Map<String, String> environment) throws IOException {
    this(logDirectory, name, environment, TEST_JVM);
  }

  /** The same, with these JVM options. */
  public AppProcess(String logDirectory, String name, Map<String, String> environment, List<String> jvmOptions)
      throws IOException {
    this.name = name;
    this.port = freePort();
    this.log = Files.createDirectories(Path.of("target", logDirectory)).resolve(name + ".log");
    String classpath = "target/classes" + File.pathSeparator
        + Files.readString(Path.of("target/runtime-classpath.txt")).trim();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classpath, "vn.thanthien.pilot.PilotApplication"));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().put("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
    process = builder.start();
    api = new ApiClient(port);
  }

  /**
   * Waits until Spring Boot has finished starting, its start-up runners (seeding) included:
   * {@code /actuator/health/readiness} answers 200 only then (Spring Boot's readiness state,
   * enabled for these processes), and {@code /actuator/health} 200; fails at once if the process
   * ends.
   */
  public void awaitStarted() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " ended with exit code " + process.exitValue() + " while starting, see " + log);
      }
      if (answers200("/actuator/health/readiness", http) && answers200("/actuator/health", http)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(name + " not started after " + START_TIMEOUT + ", see " + log);
  }

  private boolean answers200(String path, HttpClient http) throws InterruptedException {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** SIGTERM, as a service manager stops it; waits for the end. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** SIGKILL: no shutdown hook, no chance to write anything more; waits for the end. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 128 + 9) {
      throw new AssertionError(name + " did not end by SIGKILL, see " + log);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** Peak resident memory of the process so far ({@code VmHWM}), in MiB; -1 where unknown. */
  public long peakRssMegabytes() {
    return PeakRss.megabytes(process.pid());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
