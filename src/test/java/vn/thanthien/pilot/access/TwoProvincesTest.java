package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.process.CommuneWalker;
import vn.thanthien.pilot.process.Officials;
import vn.thanthien.pilot.process.ProgrammeWalker;

/**
 * One installation, two provinces (a slice of the GSO list of 10/04/2023: Thái Bình 34 with Hưng Hà
 * 339 and Thành phố Thái Bình 336, Hưng Yên 33 with Văn Lâm 325 and Văn Giang 326), both running
 * a programme at once, each started by its own province's official: each province reads only its
 * own, over {@code /engine-rest} (instances, tasks, variables, history, decisions, incidents), over
 * the summary (JSON and Excel) and over the Cockpit page's data; a district of the other province
 * reads nothing of it; a district that takes no part in its own province's programme reads nothing
 * of it either, not even its header; the managers read both.
 *
 * <p>A database and an engine of their own: another unit list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:pilot-two-provinces;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=" + TwoProvincesTest.ENGINE,
    "pilot.organisation.units-file=classpath:organisation/units-thai-binh-hung-yen-2023-04-10.csv",
    "pilot.organisation.province-code=34"})
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
@Tag("own-database")
class TwoProvincesTest {

  static final String ENGINE = "twoprovinces";
  static final String REST = "/engine-rest/engine/" + ENGINE;
  static final String THAI_BINH = "province-34";
  static final String HUNG_YEN = "province-33";
  static final String SUMMARY = "/api/programme/summary";
  static final String COCKPIT_SUMMARY = "/camunda/api/cockpit/plugin/programme-summary/" + ENGINE + "/summary";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired UnitDirectory units;

  ApiClient api;
  ProgrammeWalker walker;
  CommuneWalker communes;
  String thaiBinh;
  String hungYen;

  @BeforeAll
  void clients() {
    api = new ApiClient(port);
    Officials officials = Officials.onTheEngine(engine, true);
    walker = new ProgrammeWalker(engine, units, officials, ProgrammeWalker.Calendar.THAI_BINH_08);
    communes = new CommuneWalker(engine, officials);
  }

  @Test
  @Order(1)
  void everyProvinceIsATenantAndEveryUnitGroupAMemberOfItsOwn() {
    assertThat(identity.createTenantQuery().list()).extracting(Tenant::getId, Tenant::getName)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(HUNG_YEN, "Tỉnh Hưng Yên"),
            org.assertj.core.groups.Tuple.tuple(THAI_BINH, "Tỉnh Thái Bình"));
    assertThat(tenantsOfGroup("commune-12679")).containsExactly(THAI_BINH); // Xã Chí Hòa, Hưng Hà
    assertThat(tenantsOfGroup("district-325")).containsExactly(HUNG_YEN);
    assertThat(tenantsOfGroup("province-33")).containsExactly(HUNG_YEN);
    assertThat(tenantsOfGroup("managers")).containsExactlyInAnyOrder(HUNG_YEN, THAI_BINH);
    assertThat(tenantsOfGroup("camunda-admin")).isEmpty();
    // 4 provinces' and districts' groups + 76 communes' groups + 2 of the managers
    long memberships = identity.createGroupQuery().memberOfTenant(THAI_BINH).count()
        + identity.createGroupQuery().memberOfTenant(HUNG_YEN).count();
    assertThat(memberships).isEqualTo(2 + 4 + 76 + 2);
  }

  @Test
  @Order(2)
  void eachProvincesOfficialStartsTheirOwnProgrammeAndEverythingInItCarriesTheProvince() {
    thaiBinh = start("tinh34", THAI_BINH);
    hungYen = start("tinh33", HUNG_YEN);
    ProcessInstance thaiBinhProgramme = instance(thaiBinh);
    ProcessInstance hungYenProgramme = instance(hungYen);
    // Thành phố Thái Bình (336) takes no part in its province's programme
    takePart(thaiBinhProgramme, "[\"339\"]");
    takePart(hungYenProgramme, "[\"325\", \"326\"]");
    for (String programme : List.of(thaiBinh, hungYen)) {
      for (ProcessInstance district : walker.children(instance(programme))) {
        List<ProcessInstance> pilots = walker.startPilots(district);
        // one pilot to its end (the decisions pilot-rating and appraisal-level), one with an incident
        communes.walk(pilots.get(0), 19, 19, 19, 19, 19);
        runtime.createIncident("pilotTest", pilots.get(1).getId(), "thử nghiệm", "Sự cố thử nghiệm");
      }
    }
    String[] own = {thaiBinh, hungYen};
    String[] tenant = {THAI_BINH, HUNG_YEN};
    for (int i = 0; i < 2; i++) {
      String root = own[i];
      String expected = tenant[i];
      assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list())
          .hasSizeGreaterThan(5).allSatisfy(p -> assertThat(p.getTenantId()).as(p.getBusinessKey()).isEqualTo(expected));
      List<String> instances = history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).list().stream()
          .map(p -> p.getId()).toList();
      assertThat(tasks.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).list())
          .isNotEmpty().allSatisfy(t -> assertThat(t.getTenantId()).isEqualTo(expected));
      assertThat(history.createHistoricTaskInstanceQuery().rootProcessInstanceId(root).list())
          .isNotEmpty().allSatisfy(t -> assertThat(t.getTenantId()).isEqualTo(expected));
      List<HistoricDecisionInstance> decisions = history.createHistoricDecisionInstanceQuery().list().stream()
          .filter(d -> instances.contains(d.getProcessInstanceId())).toList();
      assertThat(decisions).extracting(HistoricDecisionInstance::getDecisionDefinitionKey)
          .contains("pilot-rating", "appraisal-level");
      assertThat(decisions).allSatisfy(d -> assertThat(d.getTenantId()).isEqualTo(expected));
      assertThat(management.createJobQuery().list().stream().filter(j -> instances.contains(j.getProcessInstanceId())))
          .isNotEmpty().allSatisfy(j -> assertThat(j.getTenantId()).isEqualTo(expected));
      assertThat(runtime.createIncidentQuery().list().stream().filter(x -> instances.contains(x.getProcessInstanceId())))
          .isNotEmpty().allSatisfy(x -> assertThat(x.getTenantId()).isEqualTo(expected));
    }
    // the definitions stay shared: the models and decisions were found without a tenant
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().withoutTenantId().count())
        .isEqualTo(engine.getRepositoryService().createProcessDefinitionQuery().count());
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().withoutTenantId().count())
        .isEqualTo(engine.getRepositoryService().createDecisionDefinitionQuery().count());
  }

  @Test
  @Order(3)
  void eachProvinceReadsOnlyItsOwnOverTheRestApi() {
    for (String[] official : new String[][] {{"tinh34", THAI_BINH, hungYen}, {"tinh33", HUNG_YEN, thaiBinh}}) {
      String user = official[0];
      for (String path : List.of("/process-instance", "/task", "/variable-instance", "/history/process-instance",
          "/history/task", "/history/variable-instance", "/history/decision-instance", "/incident")) {
        assertThat(tenants(api.get(user, REST + path + "?maxResults=5000"))).as(user + " " + path)
            .containsExactly(official[1]);
      }
      // besides the engine's own history cleanup job (no instance, no tenant)
      assertThat(tenants(api.get(user, REST + "/job?maxResults=5000"))).as(user + " /job")
          .contains(official[1]).doesNotContain(THAI_BINH.equals(official[1]) ? HUNG_YEN : THAI_BINH);
      String other = official[2];
      ApiClient.Reply variables = api.get(user, REST + "/process-instance/" + other + "/variables");
      assertThat(variables.status()).as(user + " reads the other programme's variables").isEqualTo(403);
      assertThat(variables.body()).doesNotContain(other).doesNotContain("tenant").doesNotContain("Exception:");
      assertThat(api.get(user, REST + "/history/process-instance/" + other).status()).isEqualTo(404);
      assertThat(api.get(user, REST + "/history/variable-instance?processInstanceId=" + other).json()).isEmpty();
    }
    // a district of the other province: nothing of Thái Bình's
    assertThat(tenants(api.get("huyen325", REST + "/history/process-instance"))).containsExactly(HUNG_YEN);
    assertThat(tenants(api.get("huyen339", REST + "/history/process-instance"))).containsExactly(THAI_BINH);
    // the managers and the administrator read both
    for (String user : List.of("quanly", "admin")) {
      for (String path : List.of("/process-instance", "/history/process-instance", "/history/decision-instance",
          "/incident", "/task")) {
        assertThat(tenants(api.get(user, REST + path + "?maxResults=5000"))).as(user + " " + path)
            .containsExactly(HUNG_YEN, THAI_BINH);
      }
    }
  }

  @Test
  @Order(4)
  void theWebappsComputeTheTenantsOfTheirSession() {
    ApiClient.WebSession cockpit = api.login("tinh34", "cockpit", ENGINE);
    assertThat(cockpit.login.status()).isEqualTo(200);
    assertThat(tenants(cockpit.get("/camunda/api/engine/engine/" + ENGINE + "/process-instance")))
        .containsExactly(THAI_BINH);
    assertThat(tenants(cockpit.get("/camunda/api/engine/engine/" + ENGINE + "/task?maxResults=5000")))
        .containsExactly(THAI_BINH);
  }

  @Test
  @Order(5)
  void theSummaryReadsTheCallersOwnProvincesProgramme() throws IOException {
    JsonNode tb = api.get("tinh34", SUMMARY).json();
    assertThat(tb.at("/programme/provinceCode").asText()).isEqualTo("34");
    assertThat(tb.at("/programme/instanceId").asText()).isEqualTo(thaiBinh);
    assertThat(codes(tb.path("districts"))).containsExactly("339");
    JsonNode hy = api.get("tinh33", SUMMARY).json();
    assertThat(hy.at("/programme/provinceName").asText()).isEqualTo("Tỉnh Hưng Yên");
    assertThat(codes(hy.path("districts"))).containsExactlyInAnyOrder("325", "326");
    assertThat(codes(api.get("huyen339", SUMMARY).json().path("districts"))).containsExactly("339");
    JsonNode vanLam = api.get("huyen325", SUMMARY).json();
    assertThat(vanLam.at("/programme/provinceCode").asText()).isEqualTo("33");
    assertThat(codes(vanLam.path("districts"))).containsExactly("325");

    // a district that takes no part in its province's programme: nothing, not even the header
    for (String path : List.of(SUMMARY, SUMMARY + ".xlsx")) {
      ApiClient.Reply none = api.get("huyen336", path);
      assertThat(none.status()).as(path).isEqualTo(404);
      assertThat(none.json().path("type").asText()).isEqualTo("NoProgrammeToShow");
      assertThat(none.json().path("message").asText()).contains("không tham gia đề án của tỉnh Thái Bình");
      assertThat(none.body()).doesNotContain("08-ĐA/TU").doesNotContain(thaiBinh);
    }
    // another province's programme, asked for: refused; the managers choose, by default the configured one
    assertThat(api.get("tinh34", SUMMARY + "?province=33").status()).isEqualTo(404);
    assertThat(api.get("huyen339", SUMMARY + "?province=33").json().path("type").asText()).isEqualTo("NoProgrammeToShow");
    assertThat(api.get("tinh34", SUMMARY + "?province=34").json().at("/programme/instanceId").asText()).isEqualTo(thaiBinh);
    assertThat(api.get("quanly", SUMMARY).json().at("/programme/instanceId").asText()).isEqualTo(thaiBinh);
    assertThat(api.get("quanly", SUMMARY + "?province=33").json().at("/programme/instanceId").asText()).isEqualTo(hungYen);
    assertThat(api.get("admin", SUMMARY + "?province=33").json().at("/programme/instanceId").asText()).isEqualTo(hungYen);
    assertThat(api.get("tinh34", SUMMARY + "?district=325").json().path("type").asText()).isEqualTo("UnknownDistrict");
    ApiClient.Reply invalid = api.get("quanly", SUMMARY + "?province=3%2C4");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().path("type").asText()).isEqualTo("InvalidProvinceCode");
    assertThat(api.get("quanly", SUMMARY + "?province=34&province=33").status()).isEqualTo(400);
    ApiClient.Reply unknown = api.get("quanly", SUMMARY + "?province=99");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("message").asText()).contains("Không có tỉnh nào mang mã 99");

    // the Excel file: the official's own province only
    assertThat(workbookText("tinh34", SUMMARY + ".xlsx")).contains("Hưng Hà", "Tỉnh Thái Bình")
        .doesNotContain("Văn Lâm", "Hưng Yên");
    assertThat(workbookText("tinh33", SUMMARY + ".xlsx")).contains("Văn Lâm", "Tỉnh Hưng Yên")
        .doesNotContain("Hưng Hà", "Thái Bình");
  }

  @Test
  @Order(6)
  void theCockpitPageReadsTheCallersOwnProvincesProgramme() {
    assertThat(api.login("tinh34", "cockpit", ENGINE).get(COCKPIT_SUMMARY).json().at("/programme/instanceId").asText())
        .isEqualTo(thaiBinh);
    assertThat(api.login("tinh33", "cockpit", ENGINE).get(COCKPIT_SUMMARY).json().at("/programme/instanceId").asText())
        .isEqualTo(hungYen);
    ApiClient.Reply none = api.login("huyen336", "cockpit", ENGINE).get(COCKPIT_SUMMARY);
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.json().path("message").asText()).contains("không tham gia đề án");
    assertThat(none.body()).doesNotContain("programme").doesNotContain(thaiBinh);
    ApiClient.WebSession manager = api.login("quanly", "cockpit", ENGINE);
    assertThat(manager.get(COCKPIT_SUMMARY + "?province=33").json().at("/programme/instanceId").asText())
        .isEqualTo(hungYen);
    assertThat(manager.get(COCKPIT_SUMMARY).json().at("/programme/instanceId").asText()).isEqualTo(thaiBinh);
    assertThat(api.login("tinh33", "cockpit", ENGINE).get(COCKPIT_SUMMARY + "?province=34").status()).isEqualTo(404);
  }

  /**
   * A Hưng Hà commune's evidence: its district reads the file; Hưng Yên's officials (a district and
   * the province) get neither its bytes nor any list of it, by the file's id, the task's or the
   * instance's.
   */
  @Test
  @Order(7)
  void theOtherProvincesOfficialsGetNothingOfACommunesFiles() {
    org.camunda.bpm.engine.task.Task plan = tasks.createTaskQuery().tenantIdIn(THAI_BINH)
        .processDefinitionKey("commune-pilot").taskDefinitionKey("DraftPlan").list().get(0);
    String commune = instance(plan.getProcessInstanceId()).getBusinessKey();
    assertThat(units.commune(commune).orElseThrow().parentCode()).isEqualTo("339");
    vn.thanthien.pilot.evidence.review.TaskFiles.attach(api, "xa" + commune, plan.getId());
    String instanceFiles = "/api/process-instances/" + plan.getProcessInstanceId() + "/files";
    ApiClient.Reply listed = api.get("huyen339", instanceFiles);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    assertThat(listed.json()).hasSize(1);
    String file = listed.json().get(0).path("url").asText();
    HttpResponse<byte[]> own = api.download("huyen339", file);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).isEqualTo(vn.thanthien.pilot.evidence.EvidenceSamples.pdf(2_000));

    for (String stranger : List.of("huyen325", "huyen326", "tinh33")) {
      HttpResponse<byte[]> bytes = api.download(stranger, file);
      assertThat(bytes.statusCode()).as(stranger + " " + file).isIn(403, 404);
      assertThat(new String(bytes.body(), StandardCharsets.ISO_8859_1)).doesNotContain("%PDF");
      for (String path : List.of(instanceFiles, "/api/tasks/" + plan.getId() + "/files",
          "/api/tasks/" + plan.getId() + "/evidence")) {
        ApiClient.Reply reply = api.get(stranger, path);
        assertThat(reply.status()).as(stranger + " " + path).isIn(403, 404);
        assertThat(reply.body()).doesNotContain("minh-chung.pdf").doesNotContain(file);
      }
    }
  }

  private String start(String official, String tenant) {
    Map<String, Object> launch = Map.of("variables", Map.of(
        "programmeTitle", Map.of("value", "Chính quyền thân thiện vì nhân dân phục vụ"),
        "decisionNumber", Map.of("value", "08-ĐA/TU"), "decisionDate", Map.of("value", "2023-07-05"),
        "periodStart", Map.of("value", "2023-07-05"), "periodEnd", Map.of("value", "2025-12-31"),
        "reportCycle", Map.of("value", "P3M")));
    ApiClient.Reply started = api.post(official, REST + "/process-definition/key/pilot-programme/start", launch);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    assertThat(started.json().path("tenantId").asText()).isEqualTo(tenant);
    return started.json().path("id").asText();
  }

  private void takePart(ProcessInstance programme, String districts) {
    tasks.complete(walker.taskOf(programme).getId(),
        Map.of("participatingDistricts", SpinValues.jsonValue(districts).create()));
  }

  private ProcessInstance instance(String id) {
    return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
  }

  private List<String> tenantsOfGroup(String group) {
    return identity.createTenantQuery().groupMember(group).list().stream().map(Tenant::getId).toList();
  }

  /** The tenants of the rows of a list answer (sorted, each once); fails on anything but 200. */
  private static Set<String> tenants(ApiClient.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    Set<String> tenants = new TreeSet<>();
    reply.json().forEach(row -> tenants.add(row.path("tenantId").asText()));
    return tenants;
  }

  private static List<String> codes(JsonNode districts) {
    List<String> codes = new ArrayList<>();
    districts.forEach(d -> codes.add(d.path("code").asText()));
    return codes;
  }

  private String workbookText(String user, String path) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
    HttpResponse<byte[]> reply;
    try {
      reply = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    assertThat(reply.statusCode()).isEqualTo(200);
    StringBuilder text = new StringBuilder();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reply.body()))) {
      workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> {
        if (cell.getCellType() == CellType.STRING) {
          text.append(cell.getStringCellValue()).append('\n');
        }
      })));
    }
    return text.toString();
  }
}
