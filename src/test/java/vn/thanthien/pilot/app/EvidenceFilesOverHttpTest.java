package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thanthien.pilot.evidence.EvidenceSamples.files;
import static vn.thanthien.pilot.evidence.EvidenceSamples.sha256;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.Reply;
import vn.thanthien.pilot.access.ApiClient.WebSession;
import vn.thanthien.pilot.evidence.EvidenceSamples;
import vn.thanthien.pilot.evidence.EvidenceSamples.Multipart;
import vn.thanthien.pilot.evidence.EvidenceSamples.Part;

/**
 * Evidence files over real HTTP, on the real application in its own JVM on an H2 file, with small
 * limits set by environment variables as an installation would (5 MB a file, 4 files and 10 MB a
 * task): Hưng Hà's pilot communes attach files to their plans ({@code DraftPlan}).
 *
 * <p>Every refusal — size, number, total, a type decided by the content (a renamed program, HTML,
 * SVG, a script, a plain zip as DOCX), another commune, another district, a stranger, anonymous, a
 * session without its CSRF token, a removal by someone else or after completion — is checked to
 * leave nothing stored: the files of the instances, as the administrator lists them, are those
 * acknowledged, and at the end the database file itself (read after a SIGKILL) holds exactly their
 * chunks. An upload acknowledged with 201 survives that SIGKILL and reads back the same bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvidenceFilesOverHttpTest {

  static final String CHI_HOA = "12679";
  static final String TIEN_DUC = "12646";
  static final String THAI_HUNG = "12649";
  static final String COMMUNE_12637 = "12637";
  static final String OTHER_COMMUNE = "12655";
  static final int MB = 1024 * 1024;
  static final int CHUNK = 256 * 1024;

  @TempDir static Path data;
  AppProcess app;
  ApiClient api;
  /** DraftPlan task ids by commune code. */
  final Map<String, String> plans = new HashMap<>();
  final Map<String, String> instances = new HashMap<>();
  /** Every file acknowledged and not removed: id → SHA-256. */
  final Map<String, String> kept = new HashMap<>();
  final Map<String, Long> sizes = new HashMap<>();

  @BeforeAll
  void startWithSmallLimits() throws Exception {
    app = start("evidence-1");
    api = app.api;
    DurableState.walkToPlans(api, "evidence").forEach((commune, task) -> {
      plans.put(commune, task.path("id").asText());
      instances.put(commune, task.path("processInstanceId").asText());
    });
    assertThat(plans).containsKeys(CHI_HOA, TIEN_DUC, THAI_HUNG, COMMUNE_12637, OTHER_COMMUNE);
    // a user of no unit
    Reply stranger = api.post("admin", "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "nguoila", "firstName", "Người", "lastName", "Lạ", "email", "nguoila@example.org"),
        "credentials", Map.of("password", ApiClient.PASSWORD)));
    assertThat(stranger.status()).as(stranger.body()).isEqualTo(204);
  }

  private AppProcess start(String name) throws Exception {
    AppProcess process = new AppProcess("evidence", name, Map.of(
        "PILOT_DB_URL", "jdbc:h2:file:" + data.resolve("pilot").toAbsolutePath() + ";AUTO_SERVER=FALSE",
        "PILOT_DEMO_ENABLED", "true", "PILOT_DEMO_PASSWORD", ApiClient.PASSWORD,
        "PILOT_EVIDENCE_MAX_FILE_SIZE", "5MB",
        "PILOT_EVIDENCE_MAX_FILES_PER_TASK", "4",
        "PILOT_EVIDENCE_MAX_TOTAL_PER_TASK", "10MB",
        "PILOT_EVIDENCE_CLEANUP_INTERVAL", "1s"));
    process.awaitStarted();
    return process;
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (app != null) {
      app.close();
    }
  }

  private Reply upload(String user, String taskId, Multipart body) {
    return api.raw(user, "POST", "/api/tasks/" + taskId + "/files", body.contentType(), body.body());
  }

  private void acknowledged(Reply reply, byte[]... contents) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    assertThat(reply.json()).hasSize(contents.length);
    for (int i = 0; i < contents.length; i++) {
      kept.put(reply.json().get(i).path("id").asText(), sha256(contents[i]));
      sizes.put(reply.json().get(i).path("id").asText(), (long) contents[i].length);
    }
  }

  /** The ids of every file of the pilots' instances, as the administrator lists them. */
  private List<String> storedIds() {
    List<String> ids = new ArrayList<>();
    for (String instance : instances.values()) {
      Reply list = api.get("admin", "/api/process-instances/" + instance + "/files");
      assertThat(list.status()).as(list.body()).isEqualTo(200);
      list.json().forEach(file -> ids.add(file.path("id").asText()));
    }
    return ids;
  }

  private void assertNothingElseStored() {
    assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(kept.keySet());
  }

  private static void assertRefused(Reply reply, int status, String type) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().path("type").asText()).as(reply.body()).isEqualTo(type);
    assertThat(reply.json().path("message").asText()).as("a Vietnamese message").matches("(?s).*[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ].*");
    assertThat(reply.body()).doesNotContain("Exception", "java.", "at vn.");
  }

  @Test
  @Order(1)
  void aCommuneAttachesItsPlanAndPhotoAndItsDistrictDownloadsTheSameBytes() {
    byte[] plan = EvidenceSamples.pdf(700_000);
    byte[] photo = EvidenceSamples.jpeg();
    String decomposed = Normalizer.normalize("Kế hoạch số 12-KH-UBND.pdf", Normalizer.Form.NFD);
    Reply added = upload("xa" + CHI_HOA, plans.get(CHI_HOA), files(Part.file(decomposed, plan),
        Part.file("../../.Ảnh buổi ra\u0007 mắt.jpg", photo), Part.text("slot", "ke-hoach")));
    acknowledged(added, plan, photo);
    JsonNode pdf = added.json().get(0);
    assertThat(pdf.path("name").asText()).isEqualTo("Kế hoạch số 12-KH-UBND.pdf");
    assertThat(added.json().get(1).path("name").asText()).isEqualTo("Ảnh buổi ra mắt.jpg");
    assertThat(pdf.path("size").asLong()).isEqualTo(plan.length);
    assertThat(pdf.path("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(added.json().get(1).path("mediaType").asText()).isEqualTo("image/jpeg");
    assertThat(pdf.path("addedBy").asText()).isEqualTo("xa" + CHI_HOA);
    assertThat(pdf.path("addedByName").asText()).isNotBlank();
    assertThat(pdf.path("addedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    assertThat(pdf.path("taskId").asText()).isEqualTo(plans.get(CHI_HOA));
    assertThat(pdf.path("taskDefinitionKey").asText()).isEqualTo("DraftPlan");
    assertThat(pdf.path("taskName").asText()).isNotBlank();
    assertThat(pdf.path("slot").asText()).isEqualTo("ke-hoach");
    assertThat(pdf.path("processInstanceId").asText()).isEqualTo(instances.get(CHI_HOA));
    assertThat(pdf.path("businessKey").asText()).isEqualTo(CHI_HOA);
    assertThat(pdf.path("url").asText()).isEqualTo("/api/files/" + pdf.path("id").asText());
    assertThat(pdf.path("removable").asBoolean()).isTrue();
    assertThat(UUID.fromString(pdf.path("id").asText()).version()).as("a random id").isEqualTo(4);

    Reply own = api.get("xa" + CHI_HOA, "/api/tasks/" + plans.get(CHI_HOA) + "/files");
    assertThat(own.json()).hasSize(2);
    assertThat(own.json().get(0).path("removable").asBoolean()).isTrue();
    for (String reader : List.of("huyen339", "tinh34", "quanly", "admin")) {
      Reply list = api.get(reader, "/api/tasks/" + plans.get(CHI_HOA) + "/files");
      assertThat(list.status()).as(reader + ": " + list.body()).isEqualTo(200);
      assertThat(list.json()).as(reader).hasSize(2);
      assertThat(list.json().get(0).path("removable").asBoolean()).as(reader).isFalse();
      Reply ofInstance = api.get(reader, "/api/process-instances/" + instances.get(CHI_HOA) + "/files");
      assertThat(ofInstance.json()).as(reader).hasSize(2);
    }

    HttpResponse<byte[]> download = api.download("huyen339", pdf.path("url").asText());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(sha256(download.body())).isEqualTo(sha256(plan));
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(download.headers().firstValue("Content-Disposition")).get().asString()
        .startsWith("attachment; filename=\"Ke hoach so 12-KH-UBND.pdf\"; filename*=UTF-8''")
        .endsWith("K%E1%BA%BF%20ho%E1%BA%A1ch%20s%E1%BB%91%2012-KH-UBND.pdf");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(download.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
    HttpResponse<byte[]> image = api.download("tinh34", added.json().get(1).path("url").asText());
    assertThat(sha256(image.body())).isEqualTo(sha256(photo));
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    // a photo's thumbnail for the phone's list: a small JPEG; a PDF has none
    HttpResponse<byte[]> thumbnail = api.download("huyen339", added.json().get(1).path("url").asText() + "/thumbnail");
    assertThat(thumbnail.statusCode()).isEqualTo(200);
    assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(thumbnail.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(picture(thumbnail.body())).as("at most 240 px").satisfies(
        size -> assertThat(Math.max(size.getWidth(), size.getHeight())).isBetween(1, 240));
    assertRefused(api.get("huyen339", pdf.path("url").asText() + "/thumbnail"), 404, "NoThumbnail");
    assertNothingElseStored();
  }

  private static java.awt.image.BufferedImage picture(byte[] jpeg) {
    try {
      return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @Order(2)
  void everyAcceptedTypeIsRecognisedByItsContent() {
    byte[] docx = EvidenceSamples.docx();
    byte[] xlsx = EvidenceSamples.xlsx();
    byte[] png = EvidenceSamples.png();
    byte[] heic = EvidenceSamples.heic();
    Reply added = upload("xa" + THAI_HUNG, plans.get(THAI_HUNG), files(Part.file("Bản cam kết.docx", docx),
        Part.file("Phiếu khảo sát.xlsx", xlsx), Part.file("anh-chup", png), Part.file("IMG_0001.HEIC", heic)));
    acknowledged(added, docx, xlsx, png, heic);
    assertThat(added.json().findValuesAsText("mediaType")).containsExactly(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png", "image/heic");
    assertNothingElseStored();
  }

  @Test
  @Order(3)
  void filesWhoseContentIsNotAnAcceptedTypeAreRefusedWhateverTheirNameAndNothingIsStored() {
    Map<String, byte[]> hostile = new java.util.LinkedHashMap<>();
    hostile.put("Kế hoạch.pdf", EvidenceSamples.windowsProgram());
    hostile.put("ke-hoach.pdf", EvidenceSamples.linuxProgram());
    hostile.put("bao-cao.pdf", EvidenceSamples.html());
    hostile.put("anh.png", EvidenceSamples.svg());
    hostile.put("anh.svg", EvidenceSamples.svg());
    hostile.put("trang.html", EvidenceSamples.html());
    hostile.put("chay.pdf", EvidenceSamples.script());
    hostile.put("cam-ket.docx", EvidenceSamples.zip());
    hostile.put("so-lieu.xlsx", EvidenceSamples.docx());
    hostile.put("khong-ro.pdf", EvidenceSamples.random(5000, 11));
    for (Map.Entry<String, byte[]> file : hostile.entrySet()) {
      Reply refused = upload("xa" + TIEN_DUC, plans.get(TIEN_DUC), files(Part.file(file.getKey(), file.getValue())));
      assertRefused(refused, 415, "RefusedFileType");
      assertThat(refused.json().path("message").asText()).contains("không được nhận");
    }
    // all or nothing: a good PDF beside a program is not kept either
    Reply mixed = upload("xa" + TIEN_DUC, plans.get(TIEN_DUC), files(Part.file("ke-hoach.pdf", EvidenceSamples.pdf(2000)),
        Part.file("setup.pdf", EvidenceSamples.windowsProgram())));
    assertRefused(mixed, 415, "RefusedFileType");
    assertThat(api.get("xa" + TIEN_DUC, "/api/tasks/" + plans.get(TIEN_DUC) + "/files").json()).isEmpty();
    assertNothingElseStored();
  }

  @Test
  @Order(4)
  void filesBeyondTheLimitsAreRefusedWith413AndNothingIsStored() {
    String task = plans.get(TIEN_DUC);
    assertRefused(upload("xa" + TIEN_DUC, task, files(Part.file("lon.pdf", EvidenceSamples.pdf(5 * MB + 1)))),
        413, "FileTooLarge");
    Part[] five = new Part[5];
    for (int i = 0; i < 5; i++) {
      five[i] = Part.file("anh-" + i + ".png", EvidenceSamples.png());
    }
    assertRefused(upload("xa" + TIEN_DUC, task, files(five)), 413, "TooManyFiles");
    byte[] png = EvidenceSamples.png();
    acknowledged(upload("xa" + TIEN_DUC, task, files(Part.file("a.png", png), Part.file("b.png", png),
        Part.file("c.png", png), Part.file("d.png", png))), png, png, png, png);
    assertRefused(upload("xa" + TIEN_DUC, task, files(Part.file("e.png", png))), 413, "TooManyFiles");

    // more than the 4 MB every other request may send, within the task's 10 MB
    byte[] big1 = EvidenceSamples.pdf(4 * MB + MB / 2);
    byte[] big2 = EvidenceSamples.pdf(4 * MB + MB / 2 + 1);
    String other = plans.get(COMMUNE_12637);
    acknowledged(upload("xa" + COMMUNE_12637, other, files(Part.file("a.pdf", big1), Part.file("b.pdf", big2))),
        big1, big2);
    assertRefused(upload("xa" + COMMUNE_12637, other, files(Part.file("c.pdf", EvidenceSamples.pdf(3 * MB / 2)))),
        413, "TaskFilesTooLarge");
    // the limit of every other request is still 4 MB
    Reply engine = api.raw("xa" + COMMUNE_12637, "POST", "/engine-rest/task/" + other + "/complete",
        "application/json", ("{\"variables\":{\"planArea1\":{\"value\":\"" + "x".repeat(4 * MB + 10) + "\"}}}")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(engine.status()).isEqualTo(413);
    Multipart elsewhere = files(Part.file("a.pdf", big1));
    assertThat(api.raw("xa" + COMMUNE_12637, "POST", "/api/tasks/" + other + "/files/", elsewhere.contentType(),
        elsewhere.body()).status()).as("another spelling of the path keeps the general limit").isEqualTo(413);
    assertNothingElseStored();
  }

  @Test
  @Order(5)
  void nobodyElseReadsOrWritesACommunesFilesNotEvenByTheirIds() {
    JsonNode file = api.get("xa" + CHI_HOA, "/api/tasks/" + plans.get(CHI_HOA) + "/files").json().get(0);
    String fileId = file.path("id").asText();
    String task = plans.get(CHI_HOA);
    for (String outsider : List.of("xa" + OTHER_COMMUNE, "xa12475", "huyen338", "nguoila")) {
      assertRefused(api.get(outsider, "/api/tasks/" + task + "/files"), 404, "TaskNotFound");
      assertRefused(api.get(outsider, "/api/process-instances/" + instances.get(CHI_HOA) + "/files"), 404,
          "ProcessInstanceNotFound");
      HttpResponse<byte[]> bytes = api.download(outsider, "/api/files/" + fileId);
      assertThat(bytes.statusCode()).as(outsider).isEqualTo(404);
      assertThat(new String(bytes.body(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
      assertThat(api.download(outsider, "/api/files/" + fileId + "/thumbnail").statusCode()).as(outsider).isEqualTo(404);
      assertRefused(upload(outsider, task, files(Part.file("x.pdf", EvidenceSamples.pdf(1000)))), 404, "TaskNotFound");
      assertRefused(api.raw(outsider, "DELETE", "/api/files/" + fileId, null, null), 404, "FileNotFound");
    }
    for (String path : List.of("/api/tasks/" + task + "/files", "/api/files/" + fileId, "/api/files/" + fileId + "/thumbnail",
        "/api/process-instances/" + instances.get(CHI_HOA) + "/files")) {
      Reply anonymous = api.get(null, path);
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(anonymous.body()).doesNotContain("%PDF");
    }
    assertThat(upload(null, task, files(Part.file("x.pdf", EvidenceSamples.pdf(1000)))).status()).isEqualTo(401);
    assertThat(api.raw(null, "DELETE", "/api/files/" + fileId, null, null).status()).isEqualTo(401);
    // a guessed id, an id that is no id
    assertRefused(api.get("tinh34", "/api/files/" + UUID.randomUUID()), 404, "FileNotFound");
    assertRefused(api.get("tinh34", "/api/files/not-an-id"), 404, "FileNotFound");
    assertThat(api.get("tinh34", "/api/files/..%2F..%2F" + fileId).status()).isIn(400, 404);
    // managers and the district read, and change nothing
    for (String reader : List.of("quanly", "huyen339")) {
      assertRefused(upload(reader, task, files(Part.file("x.pdf", EvidenceSamples.pdf(1000)))), 403, "Forbidden");
      assertRefused(api.raw(reader, "DELETE", "/api/files/" + fileId, null, null), 403, "NotOwnFile");
    }
    assertNothingElseStored();
  }

  @Test
  @Order(6)
  void aSessionWithoutItsCsrfTokenChangesNothing() {
    WebSession session = api.login("xa" + CHI_HOA, "tasklist");
    String task = plans.get(CHI_HOA);
    assertThat(session.get("/api/tasks/" + task + "/files").json()).hasSize(2);
    Multipart body = files(Part.file("bien-ban.pdf", EvidenceSamples.pdf(3000)));
    Reply forged = session.rawWithoutCsrfToken("POST", "/api/tasks/" + task + "/files", body.contentType(), body.body());
    assertRefused(forged, 403, "CsrfTokenRequired");
    String fileId = session.get("/api/tasks/" + task + "/files").json().get(0).path("id").asText();
    assertRefused(session.rawWithoutCsrfToken("DELETE", "/api/files/" + fileId, null, null), 403, "CsrfTokenRequired");
    assertNothingElseStored();
    // with the token (as Tasklist sends it) the same upload is taken
    byte[] minutes = EvidenceSamples.pdf(3000);
    Multipart honest = files(Part.file("bien-ban.pdf", minutes));
    acknowledged(session.raw("POST", "/api/tasks/" + task + "/files", honest.contentType(), honest.body()), minutes);
    assertNothingElseStored();
  }

  @Test
  @Order(7)
  void onlyWhoAddedAFileRemovesIt() {
    String task = plans.get(CHI_HOA);
    JsonNode files = api.get("xa" + CHI_HOA, "/api/tasks/" + task + "/files").json();
    String last = files.get(files.size() - 1).path("id").asText();
    Reply removed = api.raw("xa" + CHI_HOA, "DELETE", "/api/files/" + last, null, null);
    assertThat(removed.status()).as(removed.body()).isEqualTo(204);
    kept.remove(last);
    assertThat(api.download("xa" + CHI_HOA, "/api/files/" + last).statusCode()).isEqualTo(404);
    assertNothingElseStored();
  }

  @Test
  @Order(8)
  void afterCompletionTheFilesAreReadOnlyHistory() {
    String task = plans.get(CHI_HOA);
    Reply completed = api.post("xa" + CHI_HOA, "/engine-rest/task/" + task + "/complete",
        Map.of("variables", DurableState.planVariables()));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    JsonNode files = api.get("xa" + CHI_HOA, "/api/tasks/" + task + "/files").json();
    assertThat(files).hasSize(2);
    assertThat(files.findValuesAsText("removable")).containsOnly("false");
    assertRefused(api.raw("xa" + CHI_HOA, "DELETE", "/api/files/" + files.get(0).path("id").asText(), null, null),
        409, "TaskNotOpen");
    assertRefused(upload("xa" + CHI_HOA, task, files(Part.file("muon.pdf", EvidenceSamples.pdf(1000)))), 409,
        "TaskNotOpen");
    assertThat(api.download("huyen339", files.get(0).path("url").asText()).statusCode()).isEqualTo(200);
    assertNothingElseStored();
  }

  @Test
  @Order(9)
  void anUploadAcknowledgedWith201SurvivesAKillAndTheDatabaseHoldsNothingElse() throws Exception {
    byte[] report = EvidenceSamples.pdf(3 * MB + 12345);
    Reply added = upload("xa" + OTHER_COMMUNE, plans.get(OTHER_COMMUNE), files(Part.file("Báo cáo.pdf", report)));
    acknowledged(added, report);
    app.kill9();
    // the database file itself: exactly the acknowledged files, each with all its chunks
    Map<String, Long> files = storedInTheDatabaseFile();
    assertThat(files).isEqualTo(sizes.entrySet().stream().filter(e -> kept.containsKey(e.getKey()))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    app = start("evidence-2");
    api = app.api;
    for (Map.Entry<String, String> file : kept.entrySet()) {
      HttpResponse<byte[]> download = api.download("admin", "/api/files/" + file.getKey());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(sha256(download.body())).as(file.getKey()).isEqualTo(file.getValue());
    }
  }

  /**
   * Files follow their instance's history: once the history of one commune's instance is removed,
   * its files go from the database (the sweep runs every second here), the others' stay.
   */
  @Test
  @Order(10)
  void whenAnInstancesHistoryIsRemovedItsFilesGoToo() throws Exception {
    String programme = api.get("admin", "/engine-rest/process-instance?businessKey=evidence").json().get(0)
        .path("id").asText();
    assertThat(api.raw("admin", "DELETE", "/engine-rest/process-instance/" + programme, null, null).status())
        .isEqualTo(204);
    assertThat(api.raw("admin", "DELETE", "/engine-rest/history/process-instance/" + instances.get(OTHER_COMMUNE),
        null, null).status()).isEqualTo(204);
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
    while (!java.nio.file.Files.readString(app.log).contains("whose process instance's history is gone")) {
      assertThat(java.time.Instant.now()).as("the sweep ran, see " + app.log).isBefore(deadline);
      Thread.sleep(500);
    }
    app.kill9();
    Map<String, Long> files = storedInTheDatabaseFile();
    List<String> removed = kept.keySet().stream().filter(id -> !files.containsKey(id)).toList();
    assertThat(removed).as("only the file of the instance whose history is gone").hasSize(1);
    assertThat(files).hasSize(kept.size() - 1);
  }

  /** The files in the (closed) H2 file, by id with their size; each has exactly its chunks. */
  private Map<String, Long> storedInTheDatabaseFile() throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("pilot").toAbsolutePath()
        + ";AUTO_SERVER=FALSE", "sa", ""); Statement query = db.createStatement()) {
      Map<String, Long> files = new HashMap<>();
      try (ResultSet rows = query.executeQuery("SELECT ID_, SIZE_ FROM PILOT_EVIDENCE_FILE")) {
        while (rows.next()) {
          files.put(rows.getString(1), rows.getLong(2));
        }
      }
      Map<String, Long> chunks = new HashMap<>();
      try (ResultSet rows = query.executeQuery("SELECT FILE_ID_, COUNT(*), SUM(OCTET_LENGTH(DATA_)) "
          + "FROM PILOT_EVIDENCE_CHUNK GROUP BY FILE_ID_")) {
        while (rows.next()) {
          assertThat(rows.getLong(2)).isEqualTo((files.get(rows.getString(1)) + CHUNK - 1) / CHUNK);
          chunks.put(rows.getString(1), rows.getLong(3));
        }
      }
      assertThat(chunks).as("no chunk of a refused, removed or interrupted upload").isEqualTo(files);
      return files;
    }
  }
}
