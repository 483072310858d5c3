package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Request bodies cannot exhaust the server's memory: without an account nothing reads them, and
 * with one no request is read past the limit (4 MB by default). The application runs in this JVM,
 * so its heap is the test's heap. Bodies are generated as they are sent, never held here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class RequestSizeLimitTest {

  static final long HUGE = 200L * 1024 * 1024;
  static final long OVER_LIMIT = 5L * 1024 * 1024;
  /** Far below what even one buffered body of {@link #HUGE} bytes would take. */
  static final long HEAP_BOUND = 150L * 1024 * 1024;
  static final String REST_TASKS = "/engine-rest/task";
  static final String WEBAPP_TASKS = "/camunda/api/engine/engine/default/task";

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A JSON task query whose one string value goes on for {@code size} bytes. */
  static InputStream generatedBody(long size) {
    byte[] head = "{\"assignee\":\"".getBytes(StandardCharsets.US_ASCII);
    return new InputStream() {
      long sent;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (sent >= size) {
          return -1;
        }
        int n = (int) Math.min(length, size - sent);
        for (int i = 0; i < n; i++) {
          long at = sent + i;
          buffer[offset + i] = at < head.length ? head[(int) at] : (byte) 'a';
        }
        sent += n;
        return n;
      }
    };
  }

  private HttpRequest.Builder post(String path, long size, boolean declareLength) {
    HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> generatedBody(size));
    HttpRequest.BodyPublisher body = declareLength ? HttpRequest.BodyPublishers.fromPublisher(stream, size) : stream;
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(90))
        .header("Content-Type", "application/json")
        .POST(body);
  }

  private static HttpRequest.Builder as(String user, HttpRequest.Builder request) {
    return request.header("Authorization", "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  /** The status, or the kind of failure when the server closed the connection first. */
  private CompletableFuture<String> outcome(HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle((response, failure) -> response != null
            ? String.valueOf(response.statusCode()) : "closed: " + rootOf(failure));
  }

  private static String rootOf(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return usedHeap();
  }

  /** Runs the requests in parallel; returns their outcomes and the heap's peak growth. */
  private record Run(List<String> outcomes, long peakGrowth, long retainedGrowth) {}

  private Run inParallel(List<HttpRequest> requests) throws Exception {
    long baseline = usedHeapAfterGc();
    AtomicLong peak = new AtomicLong(usedHeap());
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler = new Thread(() -> {
      while (running.get()) {
        peak.accumulateAndGet(usedHeap(), Math::max);
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    List<CompletableFuture<String>> futures = new ArrayList<>();
    requests.forEach(request -> futures.add(outcome(request)));
    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
    running.set(false);
    sampler.join();
    List<String> outcomes = futures.stream().map(CompletableFuture::join).toList();
    Run run = new Run(outcomes, peak.get() - baseline, usedHeapAfterGc() - baseline);
    System.out.printf("Request size limit: outcomes %s, peak heap growth %d MB, retained %d MB%n",
        outcomes, run.peakGrowth() >> 20, run.retainedGrowth() >> 20);
    return run;
  }

  @Test
  void hugeBodiesWithoutAnAccountAreRefusedWithoutBeingRead() throws Exception {
    List<HttpRequest> requests = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String path = i % 2 == 0 ? REST_TASKS : WEBAPP_TASKS;
      requests.add(post(path, HUGE, i % 4 < 2).build());
    }
    Run run = inParallel(requests);
    assertThat(run.outcomes()).hasSize(8).allSatisfy(outcome ->
        assertThat(outcome).matches("401|403|413|closed: .*"));
    assertThat(run.peakGrowth()).as("peak heap growth").isLessThan(HEAP_BOUND);
    assertThat(run.retainedGrowth()).as("retained heap growth").isLessThan(HEAP_BOUND);
  }

  @Test
  void hugeBodiesFromALoggedInOfficialAreCutOffAtTheLimit() throws Exception {
    List<HttpRequest> requests = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      requests.add(as("xa12679", post(REST_TASKS, HUGE, i % 2 == 0)).build());
    }
    Run run = inParallel(requests);
    assertThat(run.outcomes()).hasSize(4).allSatisfy(outcome ->
        assertThat(outcome).matches("413|closed: .*"));
    assertThat(run.peakGrowth()).as("peak heap growth").isLessThan(HEAP_BOUND);
  }

  @Test
  void aBodyOverTheLimitIsAnsweredWith413InVietnamese() throws Exception {
    ApiClient api = new ApiClient(port);
    // declared length: refused before anything is read
    HttpResponse<String> declared = http.send(as("xa12679", post(REST_TASKS, OVER_LIMIT, true)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.body()).contains("Yêu cầu quá lớn");
    // chunked: refused once the limit is read
    HttpResponse<String> chunked = http.send(as("xa12679", post(REST_TASKS, OVER_LIMIT, false)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.body()).contains("Yêu cầu quá lớn");
    // the webapps' API with a session and CSRF token, and a filter query (read as text)
    ApiClient.WebSession tasklist = api.login("xa12679", "tasklist");
    assertThat(tasklist.login.status()).isEqualTo(200);
    byte[] big = new byte[(int) OVER_LIMIT];
    Arrays.fill(big, (byte) ' ');
    big[0] = '{';
    big[big.length - 1] = '}';
    assertThat(tasklist.raw("POST", WEBAPP_TASKS, "application/json", big).status()).isEqualTo(413);
    String filter = api.get("xa12679", "/engine-rest/filter?resourceType=Task").json().get(0).path("id").asText();
    assertThat(api.raw("xa12679", "POST", "/engine-rest/filter/" + filter + "/count", null, big).status())
        .isEqualTo(413);
    // a login form over the limit
    String form = "username=xa12679&password=" + URLEncoder.encode("x".repeat((int) OVER_LIMIT), StandardCharsets.UTF_8);
    assertThat(api.raw(null, "POST", "/camunda/api/admin/auth/user/default/login/tasklist",
        "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(413);
    // and ordinary requests are served as before
    assertThat(tasklist.post(WEBAPP_TASKS, java.util.Map.of("assignee", "xa12679")).status()).isEqualTo(200);
    assertThat(api.post("xa12679", REST_TASKS, java.util.Map.of("assignee", "xa12679")).status()).isEqualTo(200);
  }

}
