package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.Reply;
import vn.thanthien.pilot.benchmark.Benchmark;
import vn.thanthien.pilot.evidence.EvidenceSamples;

/**
 * What evidence files cost in memory (README "Memory"): the application with the documented JVM
 * settings ({@code -Xmx256m}, serial collector; {@link Benchmark#DOCUMENTED_JVM}) on an H2 file
 * takes 8 uploads of 20 MB at once (the default largest file), then gives them back, 8 downloads at
 * once; every upload is acknowledged and every download has the same bytes (a server holding whole
 * files in its heap would run out of it). Prints the peak heap used (sampled from the actuator)
 * and the peak resident memory; the figures are not asserted.
 */
class EvidenceMemoryOverHttpTest {

  static final int UPLOADS = 8;
  static final int SIZE = 20 * 1024 * 1024;

  @TempDir Path data;

  @Test
  void eightUploadsOf20MegabytesAtOnceStayWithinTheDocumentedMemory() throws Exception {
    Path file = data.resolve("plan.pdf");
    Files.write(file, EvidenceSamples.pdf(SIZE - 64));
    long size = Files.size(file);
    String sha256 = sha256(Files.newInputStream(file));
    try (AppProcess app = new AppProcess("evidence-memory", "app", Map.of(
        "PILOT_DB_URL", "jdbc:h2:file:" + data.resolve("pilot").toAbsolutePath() + ";AUTO_SERVER=FALSE",
        "PILOT_DEMO_ENABLED", "true", "PILOT_DEMO_PASSWORD", ApiClient.PASSWORD), jvm())) {
      app.awaitStarted();
      List<JsonNode> plans = new ArrayList<>(DurableState.walkToPlans(app.api, "evidence-memory").values());
      long rssBefore = app.peakRssMegabytes();
      AtomicLong peakHeap = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(UPLOADS + 1);
      try {
        Future<?> sampler = pool.submit(() -> sampleHeap(app.api, peakHeap));
        long started = System.nanoTime();
        List<Future<Reply>> uploads = new ArrayList<>();
        for (int i = 0; i < UPLOADS; i++) {
          JsonNode task = plans.get(i % plans.size());
          String commune = app.api.get("admin", "/engine-rest/process-instance/" + task.path("processInstanceId")
              .asText()).json().path("businessKey").asText();
          uploads.add(pool.submit(() -> upload(app.api, "xa" + commune, task.path("id").asText(), file)));
        }
        List<String> urls = new ArrayList<>();
        for (Future<Reply> upload : uploads) {
          Reply reply = upload.get(10, TimeUnit.MINUTES);
          assertThat(reply.status()).as(reply.body()).isEqualTo(201);
          assertThat(reply.json().get(0).path("size").asLong()).isEqualTo(size);
          urls.add(reply.json().get(0).path("url").asText());
        }
        double uploadSeconds = (System.nanoTime() - started) / 1e9;
        long downloadsStarted = System.nanoTime();
        List<Future<String>> downloads = new ArrayList<>();
        // by four readers: the login throttle takes more than 4 requests in flight of one user
        // from one address for guessing (LoginThrottle: failures + in progress)
        List<String> readers = List.of("huyen339", "tinh34", "quanly", "admin");
        for (int i = 0; i < urls.size(); i++) {
          String url = urls.get(i);
          String reader = readers.get(i % readers.size());
          downloads.add(pool.submit(() -> download(app.api, reader, url)));
        }
        for (Future<String> download : downloads) {
          assertThat(download.get(10, TimeUnit.MINUTES)).isEqualTo(sha256);
        }
        double downloadSeconds = (System.nanoTime() - downloadsStarted) / 1e9;
        sampler.cancel(true);
        assertThat(Files.readString(app.log)).doesNotContain("OutOfMemoryError");
        System.out.printf("Evidence memory (%s): %d uploads of %.1f MiB at once in %.1f s, %d downloads in %.1f s; "
            + "peak heap used %d MiB (sampled, garbage included), peak RSS %d MiB (%d MiB before the uploads)%n",
            String.join(" ", jvm()), UPLOADS, size / 1048576.0, uploadSeconds, UPLOADS,
            downloadSeconds, peakHeap.get() >> 20, app.peakRssMegabytes(), rssBefore);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** The documented settings, and what {@code -Devidence.memory.jvm="…"} adds to try others. */
  private static List<String> jvm() {
    List<String> options = new ArrayList<>(Benchmark.DOCUMENTED_JVM);
    String more = System.getProperty("evidence.memory.jvm", "").strip();
    if (!more.isEmpty()) {
      options.addAll(List.of(more.split("\\s+")));
    }
    return options;
  }

  /** The multipart body streamed from the file, never whole in this JVM's memory either. */
  private static Reply upload(ApiClient api, String user, String taskId, Path file) throws Exception {
    String boundary = "memory-" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Kế hoạch.pdf\"\r\n"
        + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/tasks/" + taskId + "/files"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
            HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)));
    return api.send(user, request, null);
  }

  private static String download(ApiClient api, String user, String url) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + url)).GET();
    request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
        .encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)));
    HttpResponse<InputStream> response = java.net.http.HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    return sha256(response.body());
  }

  private static String sha256(InputStream in) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
      digesting.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The heap used, as the application reports it, every 200 ms; the largest seen. */
  private static void sampleHeap(ApiClient api, AtomicLong peak) {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Reply metric = api.get("admin", "/actuator/metrics/jvm.memory.used?tag=area:heap");
        if (metric.status() == 200) {
          long used = metric.json().path("measurements").get(0).path("value").asLong();
          peak.accumulateAndGet(used, Math::max);
        }
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
          return;
        }
      }
    }
  }
}
