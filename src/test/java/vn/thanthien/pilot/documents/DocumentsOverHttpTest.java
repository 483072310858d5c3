package vn.thanthien.pilot.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.Reply;
import vn.thanthien.pilot.evidence.review.TaskFiles;
import vn.thanthien.pilot.process.CommuneInputs;
import vn.thanthien.pilot.process.CommuneWalker;

/**
 * Over real HTTP: the documents of a commune waiting for its recognition decision — Chí Hòa (a
 * province pilot, recognised by UBND tỉnh Thái Bình) and Thái Hưng (a district pilot, by UBND
 * huyện Hưng Hà) — read by whoever may read the commune's evidence files: the commune, its
 * district, the province; a commune of another district, another district and a user of no unit
 * read nothing (404, as for an instance that does not exist), and nobody without credentials (401).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsOverHttpTest {

  static final String CHI_HOA = "12679";
  static final String THAI_HUNG = "12649";
  static final String AN_KHE = "12475";
  static final String STRANGER = "nguoilataiLieu";
  static final String DOCX = DocumentKind.MEDIA_TYPE;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  ApiClient api;
  String programme;
  String chiHoa;
  String thaiHung;

  @BeforeAll
  void walkTwoPilotsToTheirRecognition() {
    api = new ApiClient(port);
    ProcessInstance started = runtime.startProcessInstanceByKey("pilot-programme", Variables.createVariables()
        .putValue("programmeTitle", "Chính quyền thân thiện vì nhân dân phục vụ")
        .putValue("decisionNumber", "08-ĐA/TU").putValue("decisionDate", "2023-07-05")
        .putValue("periodStart", "2023-07-05").putValue("periodEnd", "2025-12-31").putValue("reportCycle", "P6M"));
    programme = started.getId();
    complete(programme, Map.of("participatingDistricts", json("339", "338")));
    for (ProcessInstance district : runtime.createProcessInstanceQuery().superProcessInstanceId(programme).list()) {
      List<String> pilots = district.getBusinessKey().equals("339") ? List.of(CHI_HOA, THAI_HUNG) : List.of(AN_KHE);
      complete(district.getId(), Map.of("pilotCommunes", json(pilots.toArray(String[]::new)),
          "provincePilots", json(pilots.get(0)), "selectionRationale", "Theo Đề án 08-ĐA/TU"));
      complete(district.getId(), Map.of("selectionDecision", "approve"));
    }
    CommuneWalker walker = new CommuneWalker(engine);
    for (ProcessInstance commune : runtime.createProcessInstanceQuery().processDefinitionKey("commune-pilot")
        .rootProcessInstanceId(programme).list()) {
      if (commune.getBusinessKey().equals(CHI_HOA)) {
        chiHoa = commune.getId();
      } else if (commune.getBusinessKey().equals(THAI_HUNG)) {
        thaiHung = commune.getId();
      } else {
        continue;
      }
      walker.walkUntil(commune.getId(), "IssueRecognition", 19, 18, 19, 18, 19);
    }
    if (identity.createUserQuery().userId(STRANGER).count() == 0) {
      User stranger = identity.newUser(STRANGER);
      stranger.setFirstName("Người");
      stranger.setLastName("Lạ");
      stranger.setPassword(ApiClient.PASSWORD);
      identity.saveUser(stranger);
    }
  }

  @AfterAll
  void endTheProgramme() {
    runtime.deleteProcessInstance(programme, "test over");
    identity.deleteUser(STRANGER);
  }

  @Test
  @Order(1)
  void withoutCredentialsTheListAndTheDraftAnswer401() {
    for (String path : List.of(list(chiHoa), draft(chiHoa, "recognition-decision"))) {
      Reply reply = api.get(null, path);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.json().path("message").asText()).contains("đăng nhập");
    }
  }

  @Test
  @Order(2)
  void theCommuneItsDistrictAndTheProvinceListTheDraftDecision() {
    for (String user : List.of("xa" + CHI_HOA, "huyen339", "tinh34")) {
      Reply reply = api.get(user, list(chiHoa));
      assertThat(reply.status()).as(user + ": " + reply.body()).isEqualTo(200);
      assertThat(reply.raw().headers().firstValue("Cache-Control")).contains("no-store");
      JsonNode documents = reply.json();
      assertThat(documents).hasSize(1);
      JsonNode decision = documents.get(0);
      assertThat(decision.path("kind").asText()).isEqualTo("recognition-decision");
      assertThat(decision.path("title").asText()).isEqualTo("Dự thảo quyết định công nhận");
      assertThat(decision.path("fileName").asText()).isEqualTo("du-thao-quyet-dinh-cong-nhan-" + CHI_HOA + ".docx");
      assertThat(decision.path("mediaType").asText()).isEqualTo(DOCX);
      assertThat(decision.path("url").asText()).isEqualTo(draft(chiHoa, "recognition-decision"));
    }
  }

  @Test
  @Order(3)
  void theFormsLinkDownloadsTheDraftOfTheAppraisingLevelAsAnAttachment() throws Exception {
    Task recognition = tasks.createTaskQuery().processInstanceId(chiHoa).singleResult();
    Reply variables = api.get("tinh34", "/engine-rest/task/" + recognition.getId() + "/form-variables");
    assertThat(variables.status()).as(variables.body()).isEqualTo(200);
    String url = variables.json().path("recognitionDraftUrl").path("value").asText();
    assertThat(url).isEqualTo(draft(chiHoa, "recognition-decision"));
    assertThat(variables.json().path("recognitionDefaultIssuer").path("value").asText()).isEqualTo("UBND tỉnh Thái Bình");

    HttpResponse<byte[]> reply = api.download("tinh34", url);
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type")).contains(DOCX);
    assertThat(reply.headers().firstValue("Content-Disposition")).get().asString()
        .startsWith("attachment; filename=\"du-thao-quyet-dinh-cong-nhan-12679.docx\"")
        .contains("filename*=UTF-8''du-thao-quyet-dinh-cong-nhan-12679.docx");
    assertThat(reply.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(reply.headers().firstValue("Cache-Control")).contains("no-store");
    DecreeLayout.open(reply.body()).page().fonts()
        .header("ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH", "       /QĐ-UBND",
            "Thái Bình, ngày      tháng      năm " + java.time.Year.now().getValue())
        .signature("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "");

    // a district pilot's decision is the district's
    HttpResponse<byte[]> district = api.download("huyen339", draft(thaiHung, "recognition-decision"));
    assertThat(district.statusCode()).isEqualTo(200);
    DecreeLayout.open(district.body()).header("ỦY BAN NHÂN DÂN\nHUYỆN HƯNG HÀ", "       /QĐ-UBND",
        "Hưng Hà, ngày      tháng      năm " + java.time.Year.now().getValue());
  }

  @Test
  @Order(4)
  void anotherDistrictsCommuneAnotherDistrictAndAStrangerReadNothing() {
    for (String user : List.of("xa" + AN_KHE, "huyen338", STRANGER, "xa" + THAI_HUNG)) {
      for (String path : List.of(list(chiHoa), draft(chiHoa, "recognition-decision"))) {
        Reply reply = api.get(user, path);
        assertThat(reply.status()).as(user + " " + path).isEqualTo(404);
        assertThat(reply.json().path("message").asText()).as(user).contains("không có quyền xem");
      }
    }
  }

  @Test
  @Order(5)
  void aDraftTheInstanceDoesNotOfferOrAnUnknownOneIs404() {
    for (String path : List.of(draft(chiHoa, "rollout-plan"), draft(chiHoa, "final-report"), draft(chiHoa, "khac"),
        list(chiHoa) + "/recognition-decision.pdf", "/api/process-instances/khong-co/documents",
        "/api/process-instances/" + programme + "/documents/final-report.docx")) {
      Reply reply = api.get("tinh34", path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.json().path("message").asText()).as(path).isNotBlank();
    }
  }

  @Test
  @Order(6)
  void theIssuedDecisionIsListedWithItsSignedFileAndTheDraftCarriesWhatWasTyped() throws Exception {
    Task recognition = tasks.createTaskQuery().processInstanceId(chiHoa).singleResult();
    tasks.claim(recognition.getId(), "tinh34");
    TaskFiles.attach(api, "tinh34", recognition.getId());
    tasks.complete(recognition.getId(), Variables.fromMap(CommuneInputs.recognition())
        .putValue("recognitionDecisionNumber", "45/QĐ-UBND").putValue("recognitionDate", "2025-11-05")
        .putValue("recognitionSigner", "Trần Thị Bình").putValue("recognitionSignerTitle", "Chủ tịch"));
    Reply reply = api.get("xa" + CHI_HOA, list(chiHoa));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().findValuesAsText("kind")).containsExactly("recognition-decision",
        "recognition-decision-signed");
    JsonNode signed = reply.json().get(1);
    assertThat(signed.path("fileName").asText()).isEqualTo("minh-chung.pdf");
    assertThat(signed.path("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(api.download("xa" + CHI_HOA, signed.path("url").asText()).statusCode()).isEqualTo(200);

    HttpResponse<byte[]> issued = api.download("xa" + CHI_HOA, draft(chiHoa, "recognition-decision"));
    DecreeLayout.open(issued.body()).header("ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH", "45/QĐ-UBND",
        "Thái Bình, ngày 05 tháng 11 năm 2025").signature("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH", "Trần Thị Bình");
    // the decision is kept with the commune in the programme summary
    JsonNode summary = api.get("tinh34", "/api/programme/summary?district=339").json();
    JsonNode row = null;
    for (JsonNode commune : summary.path("districts").get(0).path("communes")) {
      if (commune.path("code").asText().equals(CHI_HOA)) {
        row = commune;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.path("decision").path("number").asText()).isEqualTo("45/QĐ-UBND");
    assertThat(row.path("decision").path("signedOn").asText()).isEqualTo("2025-11-05");
    assertThat(row.path("decision").path("signer").asText()).isEqualTo("Trần Thị Bình");
    assertThat(row.path("decision").path("signerTitle").asText()).isEqualTo("Chủ tịch");
  }

  private static String list(String instance) {
    return "/api/process-instances/" + instance + "/documents";
  }

  private static String draft(String instance, String kind) {
    return list(instance) + "/" + kind + ".docx";
  }

  private void complete(String instanceId, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    tasks.complete(task.getId(), variables);
  }

  private static Object json(String... codes) {
    return SpinValues.jsonValue("[\"" + String.join("\",\"", codes) + "\"]").create();
  }
}
