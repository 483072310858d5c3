package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thanthien.pilot.evidence.EvidenceSamples.files;
import static vn.thanthien.pilot.evidence.EvidenceSamples.sha256;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.Reply;
import vn.thanthien.pilot.database.TestPostgres;
import vn.thanthien.pilot.evidence.EvidenceSamples;
import vn.thanthien.pilot.evidence.EvidenceSamples.Multipart;
import vn.thanthien.pilot.evidence.EvidenceSamples.Part;

/**
 * Evidence files on PostgreSQL with two nodes of a cluster, started at the same moment on an empty
 * database (both create the application's tables: one after the other, under the start lock): a
 * file uploaded through node A is downloaded through node B with the same bytes, and refused there
 * to another commune and to a renamed program; an upload acknowledged with 201 by node B survives
 * the SIGKILL of node B right after it, and is downloaded through node A.
 */
@Tag("postgres")
class EvidenceFilesOnPostgresTest {

  static final String LOGS = "evidence-postgres";

  @Test
  void aFileUploadedThroughOneNodeIsDownloadedThroughTheOtherAndSurvivesAKill() throws Exception {
    String url = TestPostgres.newDatabase("evidence");
    Map<String, String> environment = Map.of(
        "PILOT_DB_URL", url, "PILOT_DB_USER", TestPostgres.USER, "PILOT_DB_PASSWORD", "",
        "PILOT_DEMO_ENABLED", "true", "PILOT_DEMO_PASSWORD", ApiClient.PASSWORD);
    try (AppProcess a = new AppProcess(LOGS, "node-a", environment);
        AppProcess b = new AppProcess(LOGS, "node-b", environment)) {
      a.awaitStarted();
      b.awaitStarted();
      Map<String, JsonNode> plans = DurableState.walkToPlans(a.api, "evidence-postgres");
      String chiHoa = plans.get("12679").path("id").asText();

      byte[] plan = EvidenceSamples.pdf(1_500_000);
      byte[] photo = EvidenceSamples.jpeg();
      Reply added = upload(a.api, "xa12679", chiHoa, files(Part.file("Kế hoạch.pdf", plan),
          Part.file("Ảnh.jpg", photo)));
      assertThat(added.status()).as(added.body()).isEqualTo(201);
      String planUrl = added.json().get(0).path("url").asText();
      HttpResponse<byte[]> downloaded = b.api.download("huyen339", planUrl);
      assertThat(downloaded.statusCode()).isEqualTo(200);
      assertThat(sha256(downloaded.body())).isEqualTo(sha256(plan));
      assertThat(sha256(b.api.download("tinh34", added.json().get(1).path("url").asText()).body()))
          .isEqualTo(sha256(photo));
      assertThat(b.api.get("huyen339", "/api/tasks/" + chiHoa + "/files").json()).hasSize(2);

      assertThat(b.api.download("xa12655", planUrl).statusCode()).isEqualTo(404);
      assertThat(b.api.download("huyen338", planUrl).statusCode()).isEqualTo(404);
      assertThat(b.api.download(null, planUrl).statusCode()).isEqualTo(401);
      assertThat(upload(b.api, "xa12679", chiHoa, files(Part.file("ke-hoach.pdf", EvidenceSamples.windowsProgram())))
          .status()).isEqualTo(415);
      assertThat(upload(b.api, "xa12655", chiHoa, files(Part.file("ke-hoach.pdf", plan))).status()).isEqualTo(404);

      byte[] report = EvidenceSamples.pdf(2_000_000);
      Reply acknowledged = upload(b.api, "xa12679", chiHoa, files(Part.file("Báo cáo.pdf", report)));
      assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(201);
      b.kill9();
      HttpResponse<byte[]> survived = a.api.download("huyen339", acknowledged.json().get(0).path("url").asText());
      assertThat(survived.statusCode()).isEqualTo(200);
      assertThat(sha256(survived.body())).isEqualTo(sha256(report));
      assertThat(a.api.get("xa12679", "/api/tasks/" + chiHoa + "/files").json()).hasSize(3);

      // nothing but the three files' chunks in the database
      Map<String, Long> sizes = new HashMap<>();
      try (Connection db = DriverManager.getConnection(url, TestPostgres.USER, "");
          Statement query = db.createStatement();
          ResultSet rows = query.executeQuery("SELECT F.ID_, F.SIZE_, SUM(OCTET_LENGTH(C.DATA_)) FROM "
              + "PILOT_EVIDENCE_FILE F JOIN PILOT_EVIDENCE_CHUNK C ON C.FILE_ID_ = F.ID_ GROUP BY F.ID_, F.SIZE_")) {
        while (rows.next()) {
          assertThat(rows.getLong(3)).isEqualTo(rows.getLong(2));
          sizes.put(rows.getString(1), rows.getLong(2));
        }
        try (ResultSet chunks = query.executeQuery("SELECT COUNT(DISTINCT FILE_ID_) FROM PILOT_EVIDENCE_CHUNK")) {
          chunks.next();
          assertThat(chunks.getInt(1)).isEqualTo(3);
        }
      }
      assertThat(sizes.values()).containsExactlyInAnyOrderElementsOf(List.of((long) plan.length,
          (long) photo.length, (long) report.length));
    }
  }

  private static Reply upload(ApiClient api, String user, String taskId, Multipart body) {
    return api.raw(user, "POST", "/api/tasks/" + taskId + "/files", body.contentType(), body.body());
  }
}
