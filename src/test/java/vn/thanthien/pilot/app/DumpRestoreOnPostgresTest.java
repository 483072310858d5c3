package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thanthien.pilot.app.BackupRestoreOverHttpTest.CHI_HOA;
import static vn.thanthien.pilot.app.BackupRestoreOverHttpTest.THAI_HUNG;
import static vn.thanthien.pilot.app.BackupRestoreOverHttpTest.TIEN_DUC;
import static vn.thanthien.pilot.evidence.EvidenceSamples.sha256;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.database.TestPostgres;
import vn.thanthien.pilot.evidence.EvidenceSamples;

/**
 * README's PostgreSQL procedure, as written: {@code pg_dump --format=custom} while the application
 * runs, {@code pg_restore} into an empty database, the application started on it. Hưng Hà's pilots
 * attach their signed plans, Tiến Đức completes its plan, the dump is taken, then Thái Hưng
 * completes its plan (after the dump). On the restored database the plans open at the dump are
 * open (Thái Hưng's too, Tiến Đức's not), Chí Hòa's file reads back the same bytes, and Thái Hưng's
 * plan can be completed there. The embedded PostgreSQL bundle has no {@code pg_dump}: the
 * machine's own ({@code PATH}) is used, and the test is skipped where there is none.
 */
@Tag("postgres")
class DumpRestoreOnPostgresTest {

  @TempDir Path data;

  @Test
  void aDumpTakenWhileOfficialsWorkRestoresIntoAnEmptyDatabaseAndTheProgrammeGoesOnThere() throws Exception {
    Assumptions.assumeTrue(onPath("pg_dump") && onPath("pg_restore"), "pg_dump and pg_restore are not on PATH");
    String live = TestPostgres.newDatabase("dump");
    Path dump = data.resolve("pilot.dump");
    Map<String, String> plans = new HashMap<>();
    byte[] plan = EvidenceSamples.pdf(400_000);
    String fileId;
    try (AppProcess app = start("dump-1", live)) {
      ApiClient api = app.api;
      DurableState.walkToPlans(api, "dump").forEach((commune, task) -> plans.put(commune, task.path("id").asText()));
      fileId = BackupRestoreOverHttpTest.attach(api, CHI_HOA, plans.get(CHI_HOA), plan);
      BackupRestoreOverHttpTest.attach(api, TIEN_DUC, plans.get(TIEN_DUC), EvidenceSamples.pdf(2000));
      BackupRestoreOverHttpTest.attach(api, THAI_HUNG, plans.get(THAI_HUNG), EvidenceSamples.pdf(3000));
      BackupRestoreOverHttpTest.complete(api, TIEN_DUC, plans.get(TIEN_DUC));
      run("pg_dump", "--format=custom", "--no-owner", "--file=" + dump, libpq(live));
      assertThat(Files.size(dump)).isPositive();
      BackupRestoreOverHttpTest.complete(api, THAI_HUNG, plans.get(THAI_HUNG));
      app.stop();
    }

    String restored = TestPostgres.newDatabase("restored");
    run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + libpq(restored), dump.toString());
    try (AppProcess app = start("dump-2", restored)) {
      ApiClient api = app.api;
      List<String> open = api.get("admin", "/engine-rest/task?taskDefinitionKey=DraftPlan").json().findValuesAsText("id");
      assertThat(open).as("the plans open at the dump").hasSize(6)
          .contains(plans.get(CHI_HOA), plans.get(THAI_HUNG)).doesNotContain(plans.get(TIEN_DUC));
      HttpResponse<byte[]> download = api.download("huyen339", "/api/files/" + fileId);
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(sha256(download.body())).isEqualTo(sha256(plan));
      BackupRestoreOverHttpTest.complete(api, THAI_HUNG, plans.get(THAI_HUNG));
      assertThat(api.get("admin", "/engine-rest/task?taskDefinitionKey=DraftPlan").json()).hasSize(5);
    }
  }

  private static AppProcess start(String name, String url) throws Exception {
    AppProcess process = new AppProcess("dump-postgres", name, Map.of(
        "PILOT_DB_URL", url, "PILOT_DB_USER", TestPostgres.USER, "PILOT_DB_PASSWORD", "",
        "PILOT_DEMO_ENABLED", "true", "PILOT_DEMO_PASSWORD", ApiClient.PASSWORD));
    process.awaitStarted();
    return process;
  }

  /** The JDBC URL's server and database as a libpq connection string. */
  private static String libpq(String jdbcUrl) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    return "host=" + uri.getHost() + " port=" + uri.getPort() + " dbname=" + uri.getPath().substring(1)
        + " user=" + TestPostgres.USER;
  }

  private void run(String... command) throws Exception {
    Path log = data.resolve(command[0] + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command[0] + " finished").isTrue();
    assertThat(process.exitValue()).as(command[0] + ": " + Files.readString(log)).isZero();
  }

  private static boolean onPath(String program) {
    try (Stream<Path> found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .map(directory -> Path.of(directory, program)).filter(Files::isExecutable)) {
      return found.findAny().isPresent();
    }
  }
}
