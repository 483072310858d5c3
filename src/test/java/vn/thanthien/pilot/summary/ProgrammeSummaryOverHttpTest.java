package vn.thanthien.pilot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.Reply;
import vn.thanthien.pilot.evidence.review.TaskFiles;

/**
 * Over real HTTP: {@code GET /api/programme/summary} and {@code .xlsx} answer the engine's users
 * with HTTP Basic or a webapp session, authenticated in the engine with their groups; everyone
 * else 401; bad district codes 400, other methods 405, all with Vietnamese messages.
 *
 * <p>The data: a programme in which Hưng Hà plans with two pilots and Quỳnh Phụ with one, so that
 * district X is seen not to read district Y's communes in the JSON and in the Excel file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeSummaryOverHttpTest {

  static final String JSON = "/api/programme/summary";
  static final String XLSX = "/api/programme/summary.xlsx";
  static final String CHI_HOA = "12679";
  static final String TIEN_DUC = "12646";
  static final String AN_KHE = "12475";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  ApiClient api;
  final HttpClient http = HttpClient.newHttpClient();
  String programme;
  String chiHoaInstance;

  /** Hưng Hà plans with Chí Hòa and Tiến Đức, Quỳnh Phụ with An Khê. */
  @BeforeAll
  void startTwoDistricts() {
    ProcessInstance started = runtime.startProcessInstanceByKey("pilot-programme", Variables.createVariables()
        .putValue("programmeTitle", "Chính quyền thân thiện vì nhân dân phục vụ")
        .putValue("decisionNumber", "08-ĐA/TU").putValue("decisionDate", "2023-07-05")
        .putValue("periodStart", "2023-07-05").putValue("periodEnd", "2025-12-31").putValue("reportCycle", "P6M"));
    programme = started.getId();
    complete(programme, Map.of("participatingDistricts", json("339", "338")));
    for (ProcessInstance district : runtime.createProcessInstanceQuery().superProcessInstanceId(programme).list()) {
      List<String> pilots = district.getBusinessKey().equals("339") ? List.of(CHI_HOA, TIEN_DUC) : List.of(AN_KHE);
      complete(district.getId(), Map.of("pilotCommunes", json(pilots.toArray(String[]::new)),
          "provincePilots", json(pilots.get(0)), "selectionRationale", "Theo Đề án 08-ĐA/TU"));
      complete(district.getId(), Map.of("selectionDecision", "approve"));
    }
    // Chí Hòa's official attaches its signed plan (over the API, as Tasklist does)
    // (this programme's Chí Hòa: other tests of the shared context leave plans of Chí Hòa of their own)
    String hungHa = runtime.createProcessInstanceQuery().superProcessInstanceId(programme).processInstanceBusinessKey("339")
        .singleResult().getId();
    String chiHoa = runtime.createProcessInstanceQuery().superProcessInstanceId(hungHa).processInstanceBusinessKey(CHI_HOA)
        .singleResult().getId();
    Task plan = tasks.createTaskQuery().processInstanceId(chiHoa).taskDefinitionKey("DraftPlan").singleResult();
    chiHoaInstance = plan.getProcessInstanceId();
    TaskFiles.attach(new ApiClient(port), "xa" + CHI_HOA, plan.getId());
  }

  /** Other tests of this application start programmes of their own: one runs at a time. */
  @AfterAll
  void endTheProgramme() {
    runtime.deleteProcessInstance(programme, "test over");
  }

  private void complete(String instanceId, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    tasks.complete(task.getId(), variables);
  }

  private static Object json(String... codes) {
    return SpinValues.jsonValue("[\"" + String.join("\",\"", codes) + "\"]").create();
  }

  private static List<String> communeCodes(JsonNode summary) {
    List<String> codes = new ArrayList<>();
    summary.path("districts").forEach(d -> d.path("communes").forEach(c -> codes.add(c.path("code").asText())));
    return codes;
  }

  private static List<String> districtCodes(JsonNode summary) {
    List<String> codes = new ArrayList<>();
    summary.path("districts").forEach(d -> codes.add(d.path("code").asText()));
    return codes;
  }

  /** Every text in every sheet after the first. */
  private static String districtSheetsText(XSSFWorkbook workbook) {
    StringBuilder text = new StringBuilder();
    for (int i = 1; i < workbook.getNumberOfSheets(); i++) {
      workbook.getSheetAt(i).forEach(row -> row.forEach(cell -> {
        if (cell.getCellType() == CellType.STRING) {
          text.append(cell.getStringCellValue()).append('\n');
        }
      }));
    }
    return text.toString();
  }

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  @Order(1)
  void withoutCredentialsEveryPathAnswers401WithABasicChallengeInVietnamese() {
    for (String path : List.of(JSON, XLSX, JSON + "?district=339", "/api/anything")) {
      Reply reply = api.get(null, path);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic ");
      assertThat(reply.json().path("type").asText()).isEqualTo("AuthenticationRequired");
      assertThat(reply.json().path("message").asText()).contains("đăng nhập");
    }
    Reply post = api.post(null, JSON, "{}");
    assertThat(post.status()).isEqualTo(401);
    assertThat(identity.getCurrentAuthentication()).isNull();
  }

  @Test
  @Order(2)
  void theProvinceReadsTheJsonAsItselfWithItsGroupsAndDatesAsDays() {
    Reply reply = api.get("tinh34", JSON);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.raw().headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
    assertThat(reply.raw().headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(reply.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    JsonNode json = reply.json();
    assertThat(json.path("programme").path("decisionNumber").asText()).isEqualTo("08-ĐA/TU");
    assertThat(json.path("programme").path("decisionDate").asText()).isEqualTo("2023-07-05");
    assertThat(json.path("generatedAt").isTextual()).isTrue();
    assertThat(json.path("phases").get(0).path("key").asText()).isEqualTo("planning");
    assertThat(json.path("phases").get(0).path("name").asText()).isEqualTo("Lập kế hoạch, chuẩn bị ra mắt");
    assertThat(districtCodes(json)).containsExactly("339", "338"); // by name: Hưng Hà, Quỳnh Phụ
    assertThat(communeCodes(json)).containsExactlyInAnyOrder(CHI_HOA, TIEN_DUC, AN_KHE);
    JsonNode firstCommune = json.path("districts").get(0).path("communes").get(0);
    assertThat(json.path("totals").path("pilotsByPhase").path("planning").asInt()).isEqualTo(3);
    assertThat(firstCommune.path("openSteps").get(0).path("tasklistUrl").asText()).startsWith("/camunda/app/tasklist/");
    assertThat(identity.getCurrentAuthentication()).isNull();
  }

  @Test
  @Order(3)
  void aDistrictAsksForItsOwnDistrict() {
    Reply reply = api.get("huyen339", JSON + "?district=339");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(districtCodes(reply.json())).containsExactly("339");
    assertThat(communeCodes(reply.json())).containsExactlyInAnyOrder(CHI_HOA, TIEN_DUC);
    // district X sees none of district Y's communes, asked for all or for Y
    assertThat(communeCodes(api.get("huyen339", JSON).json())).containsExactlyInAnyOrder(CHI_HOA, TIEN_DUC);
    Reply other = api.get("huyen339", JSON + "?district=338");
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.json().path("districts")).isEmpty();
    assertThat(communeCodes(api.get("huyen338", JSON).json())).containsExactly(AN_KHE);
    assertThat(api.get("xa" + CHI_HOA, JSON).json().path("districts").findValuesAsText("code"))
        .as("a commune sees only itself").contains(CHI_HOA).doesNotContain(TIEN_DUC, AN_KHE);
  }

  @Test
  @Order(4)
  void theExcelFileOpensInPoiForTheProvinceAndADistrict() throws IOException {
    for (String user : List.of("tinh34", "huyen339")) {
      HttpResponse<byte[]> reply = bytes(user, XLSX);
      assertThat(reply.statusCode()).isEqualTo(200);
      assertThat(reply.headers().firstValue("Content-Type")).contains(SummaryWorkbook.CONTENT_TYPE);
      assertThat(reply.headers().firstValue("Cache-Control")).contains("no-store");
      assertThat(reply.headers().firstValue("Content-Disposition")).get().asString()
          .startsWith("attachment; filename=\"tong-hop-de-an.xlsx\"")
          .contains("filename*=UTF-8''T%E1%BB%95ng%20h%E1%BB%A3p%20%C4%91%E1%BB%81%20%C3%A1n.xlsx");
      try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reply.body()))) {
        assertThat(workbook.getSheetName(0)).isEqualTo("Tổng hợp");
        String communes = districtSheetsText(workbook);
        assertThat(communes).contains("Xã Chí Hòa", "Xã Tiến Đức");
        if (user.equals("tinh34")) {
          assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
          assertThat(communes).contains("Xã An Khê");
        } else {
          assertThat(workbook.getNumberOfSheets()).as("no sheet of Quỳnh Phụ for Hưng Hà").isEqualTo(2);
          assertThat(workbook.getSheet("Huyện Quỳnh Phụ")).isNull();
          assertThat(communes).doesNotContain("An Khê");
        }
      }
    }
    HttpResponse<byte[]> district = bytes("huyen339", XLSX + "?district=339");
    assertThat(district.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> head = send("tinh34", XLSX, "HEAD");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  @Order(5)
  void badDistrictCodesAreRefusedWith400InVietnamese() {
    List<String> queries = List.of("district=" + encode("339,340"), "district=abc", "district=" + encode("../"),
        "district=" + "3".repeat(2_000), "district=339&district=340", "district=", "district",
        "district=" + encode("３３９"), "district=" + encode(" 339"), "district=-339", "district=12345678901");
    for (String path : List.of(JSON, XLSX)) {
      for (String query : queries) {
        Reply reply = api.get("tinh34", path + "?" + query);
        assertThat(reply.status()).as("%s?%s", path, query).isEqualTo(400);
        assertThat(reply.raw().headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(reply.json().path("type").asText()).isEqualTo("InvalidDistrictCode");
        assertThat(reply.json().path("message").asText()).as(query).containsAnyOf("Mã huyện", "một huyện");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at vn.");
      }
    }
    Reply twoValues = api.get("tinh34", JSON + "?district=339&district=340");
    assertThat(twoValues.json().path("message").asText()).contains("Chỉ được chọn một huyện");
  }

  @Test
  @Order(6)
  void aWellFormedCodeThatIsNoDistrictAnswers404() {
    for (String code : List.of("99999", CHI_HOA)) {
      Reply reply = api.get("tinh34", JSON + "?district=" + code);
      assertThat(reply.status()).as(code).isEqualTo(404);
      assertThat(reply.json().path("type").asText()).isEqualTo("UnknownDistrict");
      assertThat(reply.json().path("message").asText()).contains("Không có huyện nào mang mã " + code);
    }
  }

  @Test
  @Order(7)
  void onlyGetAndHeadOtherMethodsAnswer405() {
    for (String path : List.of(JSON, XLSX)) {
      for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
        Reply reply = api.raw("tinh34", method, path, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).as("%s %s", method, path).isEqualTo(405);
        assertThat(reply.raw().headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(reply.json().path("type").asText()).isEqualTo("MethodNotAllowed");
        assertThat(reply.json().path("message").asText()).contains("chỉ dùng để xem");
      }
    }
  }

  @Test
  @Order(8)
  void aUserLoggedInToCockpitReadsWithTheSession() {
    ApiClient.WebSession cockpit = api.login("huyen339", "cockpit");
    assertThat(cockpit.login.status()).as(cockpit.login.body()).isEqualTo(200);
    Reply reply = cockpit.get(JSON + "?district=339");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(communeCodes(reply.json())).containsExactlyInAnyOrder(CHI_HOA, TIEN_DUC);
    assertThat(cockpit.get(XLSX).status()).isEqualTo(200);
    assertThat(cockpit.get(JSON + "?district=abc").status()).isEqualTo(400);

    // Logged out, the session no longer opens the summary.
    cockpit.post("/camunda/api/admin/auth/user/default/logout", "{}");
    assertThat(cockpit.get(JSON).status()).isEqualTo(401);
  }

  @Test
  @Order(9)
  void eachCommuneShowsItsEvidenceByStepWithTheAddressOfItsFiles() throws IOException {
    JsonNode json = api.get("tinh34", JSON).json();
    JsonNode chiHoa = commune(json, CHI_HOA);
    assertThat(chiHoa.path("evidenceFiles").asInt()).isEqualTo(1);
    assertThat(chiHoa.path("evidence")).singleElement().satisfies(step -> {
      assertThat(step.path("step").asText()).isEqualTo("DraftPlan");
      assertThat(step.path("stepName").asText()).isEqualTo("Xây dựng kế hoạch thực hiện mô hình");
      assertThat(step.path("files").asInt()).isEqualTo(1);
    });
    String url = chiHoa.path("evidenceUrl").asText();
    assertThat(url).isEqualTo("/api/process-instances/" + chiHoaInstance + "/files");
    JsonNode tienDuc = commune(json, TIEN_DUC);
    assertThat(tienDuc.path("evidenceFiles").asInt()).isZero();
    assertThat(tienDuc.path("evidence").isArray()).isTrue();
    assertThat(tienDuc.path("evidence")).isEmpty();

    // the address lists the files for whoever reads the commune, and for nobody else
    Reply files = api.get("huyen339", url);
    assertThat(files.status()).as(files.body()).isEqualTo(200);
    assertThat(files.json()).singleElement().satisfies(file -> {
      assertThat(file.path("name").asText()).isEqualTo("minh-chung.pdf");
      assertThat(file.path("taskDefinitionKey").asText()).isEqualTo("DraftPlan");
    });
    assertThat(api.get("huyen338", url).status()).isEqualTo(404);
    assertThat(api.get("huyen338", url).body()).doesNotContain("minh-chung.pdf");

    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes("huyen339", XLSX).body()))) {
      org.apache.poi.ss.usermodel.Sheet hungHa = workbook.getSheet("Huyện Hưng Hà");
      List<String> headers = new ArrayList<>();
      hungHa.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
      int count = headers.indexOf("Số tệp minh chứng");
      int bySteps = headers.indexOf("Minh chứng theo bước");
      assertThat(count).isNotNegative();
      org.apache.poi.ss.usermodel.Row row = null;
      for (int r = 1; r <= hungHa.getLastRowNum(); r++) {
        if (hungHa.getRow(r) != null && CHI_HOA.equals(hungHa.getRow(r).getCell(0).getStringCellValue())) {
          row = hungHa.getRow(r);
        }
      }
      assertThat(row).as("Chí Hòa's row").isNotNull();
      assertThat(row.getCell(count).getNumericCellValue()).isEqualTo(1);
      assertThat(row.getCell(bySteps).getStringCellValue()).isEqualTo("Xây dựng kế hoạch thực hiện mô hình: 1");
    }
  }

  private static JsonNode commune(JsonNode summary, String code) {
    for (JsonNode district : summary.path("districts")) {
      for (JsonNode commune : district.path("communes")) {
        if (code.equals(commune.path("code").asText())) {
          return commune;
        }
      }
    }
    throw new AssertionError("no commune " + code + " in " + summary);
  }

  /** Last: wrong passwords slow the user down for a few seconds (login throttle). */
  @Test
  @Order(100)
  void aWrongPasswordAnswers401AndCountsForTheLoginThrottle() {
    HttpResponse<byte[]> wrong = send("tinh34", "not-the-password", JSON, "GET");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic ");
    assertThat(new String(wrong.body(), StandardCharsets.UTF_8)).contains("mật khẩu không đúng");

    // A district no other test uses: five wrong passwords, then the sixth attempt is throttled.
    for (int i = 0; i < 5; i++) {
      assertThat(send("huyen340", "sai-mat-khau", XLSX, "GET").statusCode()).isEqualTo(401);
    }
    HttpResponse<byte[]> throttled = send("huyen340", ApiClient.PASSWORD, XLSX, "GET");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
  }

  private HttpResponse<byte[]> bytes(String user, String path) {
    return send(user, path, "GET");
  }

  private HttpResponse<byte[]> send(String user, String path, String method) {
    return send(user, ApiClient.PASSWORD, path, method);
  }

  private HttpResponse<byte[]> send(String user, String password, String path, String method) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
