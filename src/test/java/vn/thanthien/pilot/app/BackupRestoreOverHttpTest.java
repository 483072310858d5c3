package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thanthien.pilot.evidence.EvidenceSamples.files;
import static vn.thanthien.pilot.evidence.EvidenceSamples.sha256;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.Reply;
import vn.thanthien.pilot.evidence.EvidenceSamples;
import vn.thanthien.pilot.evidence.EvidenceSamples.Part;

/**
 * An H2 backup taken by the running application (every 3 s here, the last 2 kept) restores: the
 * application runs on an H2 file, Hưng Hà's pilots draft their plans, Chí Hòa, Tiến Đức and Thái
 * Hưng attach their signed plans and Tiến Đức completes its plan; a backup taken after that is copied, then Thái Hưng
 * completes its plan (after the backup). The application stops; the zip is unpacked into an
 * empty directory and a new application starts on it: the plans open at the backup are open
 * (Thái Hưng's too, Tiến Đức's not), Chí Hòa's file reads back the same bytes, and Thái Hưng's
 * plan can be completed there. The restored application's backups go to a directory that cannot
 * be written: the health detail reports the failure, the log has an ERROR, the node stays UP and
 * the officials' work goes on. The live file opens again after the clean stop with every step
 * acknowledged before it.
 */
class BackupRestoreOverHttpTest {

  static final String CHI_HOA = "12679";
  static final String TIEN_DUC = "12646";
  static final String THAI_HUNG = "12649";

  @TempDir Path data;

  @Test
  void aBackupTakenWhileOfficialsWorkRestoresIntoAnEmptyDirectoryAndTheProgrammeGoesOnThere() throws Exception {
    Path backups = data.resolve("backups");
    Map<String, String> plans = new HashMap<>();
    byte[] plan = EvidenceSamples.pdf(300_000);
    String fileId;
    Path copy = data.resolve("copy.zip");
    try (AppProcess app = start("backup-1", data.resolve("live"), backups.toString())) {
      ApiClient api = app.api;
      DurableState.walkToPlans(api, "backup").forEach((commune, task) -> plans.put(commune, task.path("id").asText()));
      fileId = attach(api, CHI_HOA, plans.get(CHI_HOA), plan);
      attach(api, TIEN_DUC, plans.get(TIEN_DUC), EvidenceSamples.pdf(2000));
      attach(api, THAI_HUNG, plans.get(THAI_HUNG), EvidenceSamples.pdf(3000));
      complete(api, TIEN_DUC, plans.get(TIEN_DUC));
      Instant done = Instant.now();

      JsonNode backup = awaitBackup(api, b -> b.has("lastBackupFile")
          && Instant.parse(b.path("lastBackup").asText()).isAfter(done), app);
      assertThat(backup.path("status").asText()).isEqualTo("UP");
      assertThat(backup.path("details").path("lastBackupBytes").asLong()).isPositive();
      Path zip = backups.resolve(backup.path("details").path("lastBackupFile").asText());
      Files.copy(zip, copy);
      assertThat(Files.size(copy)).isEqualTo(backup.path("details").path("lastBackupBytes").asLong());

      complete(api, THAI_HUNG, plans.get(THAI_HUNG));
      // a few more backups: only the last 2 stay, no partial file is left
      Thread.sleep(8000);
      try (Stream<Path> kept = Files.list(backups)) {
        assertThat(kept.map(p -> p.getFileName().toString()).toList()).hasSize(2)
            .allMatch(name -> name.matches("pilot-\\d{8}-\\d{6}\\.zip"));
      }
      app.stop();
    }
    // the file, compacted at the stop (or, when H2's own shutdown hook closes it first, as H2 left
    // it), holds every acknowledged step, Thái Hưng's plan after the backup included
    try (AppProcess again = start("backup-1-again", data.resolve("live"), backups.toString())) {
      assertThat(again.api.get("admin", "/engine-rest/task?taskDefinitionKey=DraftPlan").json().findValuesAsText("id"))
          .hasSize(5).doesNotContain(plans.get(TIEN_DUC), plans.get(THAI_HUNG));
      again.stop();
    }

    Path restored = Files.createDirectories(data.resolve("restored"));
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(copy))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        Files.copy(zip, restored.resolve(Path.of(entry.getName()).getFileName()));
      }
    }
    assertThat(restored.resolve("pilot.mv.db")).exists();
    Path notADirectory = Files.writeString(data.resolve("not-a-directory"), "x");
    try (AppProcess app = start("backup-2", restored, notADirectory.resolve("backups").toString())) {
      ApiClient api = app.api;
      List<String> open = api.get("admin", "/engine-rest/task?taskDefinitionKey=DraftPlan").json()
          .findValuesAsText("id");
      assertThat(open).as("the plans open at the backup").hasSize(6)
          .contains(plans.get(CHI_HOA), plans.get(THAI_HUNG)).doesNotContain(plans.get(TIEN_DUC));
      HttpResponse<byte[]> download = api.download("huyen339", "/api/files/" + fileId);
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(sha256(download.body())).isEqualTo(sha256(plan));

      JsonNode failed = awaitBackup(api, b -> b.has("lastFailure"), app);
      assertThat(failed.path("status").asText()).isEqualTo("BACKUP_FAILED");
      assertThat(failed.path("details").path("lastBackup").asText()).isEqualTo("none yet");
      assertThat(failed.path("details").path("lastFailureMessage").asText()).isNotBlank();
      assertThat(Files.readString(app.log)).contains("ERROR").contains("backup to").contains("FAILED");
      Reply health = api.get("admin", "/actuator/health");
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.json().path("status").asText()).as("a failing backup does not take the node down")
          .isEqualTo("UP");
      // the work goes on
      complete(api, THAI_HUNG, plans.get(THAI_HUNG));
      assertThat(api.get("admin", "/engine-rest/task?taskDefinitionKey=DraftPlan").json()).hasSize(5);
    }
  }

  private AppProcess start(String name, Path database, String backupDirectory) throws Exception {
    AppProcess process = new AppProcess("backup", name, Map.of(
        "PILOT_DB_URL", "jdbc:h2:file:" + database.resolve("pilot").toAbsolutePath() + ";AUTO_SERVER=FALSE",
        "PILOT_DEMO_ENABLED", "true", "PILOT_DEMO_PASSWORD", ApiClient.PASSWORD,
        "PILOT_BACKUP_DIRECTORY", backupDirectory,
        "PILOT_BACKUP_INTERVAL", "3s",
        "PILOT_BACKUP_KEEP", "2"));
    process.awaitStarted();
    return process;
  }

  /** The commune's signed plan, attached to its plan task (the file the task requires). */
  static String attach(ApiClient api, String commune, String task, byte[] content) {
    EvidenceSamples.Multipart upload = files(Part.file("Kế hoạch.pdf", content), Part.text("slot", "ke-hoach"));
    Reply added = api.raw("xa" + commune, "POST", "/api/tasks/" + task + "/files", upload.contentType(), upload.body());
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return added.json().get(0).path("id").asText();
  }

  static void complete(ApiClient api, String commune, String task) {
    Reply completed = api.post("xa" + commune, "/engine-rest/task/" + task + "/complete",
        Map.of("variables", DurableState.planVariables()));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
  }

  /** The administrator's health detail "backup", once it matches (at most a minute). */
  private static JsonNode awaitBackup(ApiClient api, java.util.function.Predicate<JsonNode> until, AppProcess app)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
    while (true) {
      JsonNode backup = api.get("admin", "/actuator/health").json().path("components").path("backup");
      if (until.test(backup.path("details"))) {
        return backup;
      }
      assertThat(Instant.now()).as("backup detail " + backup + ", see " + app.log).isBefore(deadline);
      Thread.sleep(500);
    }
  }
}
