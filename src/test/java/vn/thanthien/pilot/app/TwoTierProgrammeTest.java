package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.identity.LoginInfoPrinter;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.OrganisationProperties;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.process.CommuneInputs;
import vn.thanthien.pilot.process.Officials;
import vn.thanthien.pilot.process.ProgrammeWalker;

/**
 * A programme started under the two-tier map of 01/07/2025 (PILOT_DEMO_MAP=2025: Hưng Yên, 104
 * communes, no districts) runs province → commune with the models unchanged: the one district-level
 * unit is the province's body (by default the province itself), so the district's work (selection,
 * plan reviews, appraisal of district pilots, lessons, rollout, final report) is offered to
 * {@code province-33}. Simulated officials play it to the end; then, in a second programme, the
 * access matrix holds over HTTP: a commune sees and does only its own work.
 *
 * <p>A database and an engine of their own: the 2025 map seeds other groups and users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:pilot-two-tier;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=twotier",
    "pilot.demo.map=2025"})
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
@Tag("own-database")
@ExtendWith(OutputCaptureExtension.class)
class TwoTierProgrammeTest {

  /** The REST API of this test's own engine ("default" is the shared context's). */
  static final String REST = "/engine-rest/engine/twotier";
  static final String HUNG_YEN = "33";
  static final String PROVINCE_GROUP = "province-33";
  static final String BODY = "33000";
  /** Tasks a district did in the three-tier map. */
  static final Set<String> DISTRICT_WORK =
      Set.of("SelectPilots", "ReviewPlan", "Appraisal", "DistrictLessons", "PlanRollout", "DistrictFinalReport");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired UnitDirectory units;
  @Autowired OrganisationProperties organisation;
  @Autowired LoginInfoPrinter loginInfo;
  @Autowired ConfigurableApplicationContext context;

  ProgrammeWalker walker;

  @BeforeAll
  void walker() {
    walker = new ProgrammeWalker(engine, units, Officials.onTheEngine(engine, true),
        ProgrammeWalker.Calendar.THAI_BINH_08);
  }

  @Test
  @Order(1)
  void theDemoMap2025IsHungYenWithoutDistricts(CapturedOutput output) {
    assertThat(organisation.provinceCode()).isEqualTo(HUNG_YEN);
    assertThat(organisation.unitsFile()).endsWith("units-hung-yen-2025-07-01.csv");
    assertThat(units.communeCount()).isEqualTo(104);
    assertThat(units.districtsOf(HUNG_YEN)).extracting(AdministrativeUnit::code).containsExactly(BODY);
    // the body works under the province's group: no group or demo official of its own
    assertThat(identity.createGroupQuery().groupId("district-" + BODY).count()).isZero();
    assertThat(identity.createGroupQuery().groupId(PROVINCE_GROUP).singleResult().getName())
        .isEqualTo("UBND tỉnh Hưng Yên");
    assertThat(identity.createUserQuery().userIdIn("huyen" + BODY, "tinh" + BODY).count()).isZero();
    assertThat(identity.createUserQuery().userId("tinh33").memberOfGroup(PROVINCE_GROUP).count()).isOne();
    assertThat(identity.createUserQuery().userId("xa12613").memberOfGroup("commune-12613").count()).isOne();
    // the Tasklist filter of the district-pilot's work does not say "cấp huyện" where there is none
    org.camunda.bpm.engine.FilterService filters = engine.getFilterService();
    assertThat(filters.createFilterQuery().filterName("Việc thí điểm và nhân rộng").singleResult().getProperties())
        .containsEntry("description", "Chọn xã thí điểm, duyệt kế hoạch, thẩm định, rút kinh nghiệm và nhân rộng"
            + " (trước đây do cấp huyện thực hiện)");
    assertThat(filters.createFilterQuery().filterName("Việc cấp huyện").count()).isZero();
    // the start-up message names the 2025 map's officials
    loginInfo.onReady(new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
    assertThat(output.getOut()).contains("tinh33     UBND tỉnh Hưng Yên", "xa12613   UBND xã Long Hưng",
        "xa12685   UBND xã Hồng Minh", "xa12586   UBND xã Hưng Hà", "làm cả việc của cấp huyện")
        .contains("tinh<mã>, xa<mã>").doesNotContain("huyen");
  }

  @Test
  @Order(2)
  void aTwoTierProgrammeRunsToTheEndAndTheProvinceDoesTheDistrictsWork() {
    ProcessInstance programme = walker.start(HUNG_YEN, null);
    List<ProcessInstance> districts = walker.chooseDistricts(programme);
    assertThat(districts).extracting(ProcessInstance::getBusinessKey).containsExactly(BODY);
    walker.runDistrict(districts.get(0));
    walker.finish(programme);

    assertThat(runtime.createIncidentQuery().count()).as("no step failed").isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(programme.getId())
        .singleResult().getEndTime()).as("the programme ended").isNotNull();
    List<HistoricProcessInstance> communes = history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(districts.get(0).getId()).processDefinitionKey("commune-pilot").finished().list();
    assertThat(communes).extracting(HistoricProcessInstance::getBusinessKey).as("every commune of Hưng Yên ended")
        .containsExactlyInAnyOrderElementsOf(units.communesOf(BODY).stream().map(AdministrativeUnit::code).toList());

    // who was offered each task: the province for the district's work, each commune for its own
    Map<String, String> taskKeys = history.createHistoricTaskInstanceQuery().rootProcessInstanceId(programme.getId())
        .list().stream().collect(Collectors.toMap(HistoricTaskInstance::getId, HistoricTaskInstance::getTaskDefinitionKey));
    Map<String, Set<String>> groupsByTask = new LinkedHashMap<>();
    for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery()
        .type(IdentityLinkType.CANDIDATE).operationType("add").list()) {
      if (link.getGroupId() != null && taskKeys.containsKey(link.getTaskId())) {
        groupsByTask.computeIfAbsent(taskKeys.get(link.getTaskId()), k -> new java.util.TreeSet<>()).add(link.getGroupId());
      }
    }
    assertThat(groupsByTask).containsKeys(DISTRICT_WORK.toArray(String[]::new));
    for (String key : DISTRICT_WORK) {
      assertThat(groupsByTask.get(key)).as(key).containsExactly(PROVINCE_GROUP);
    }
    assertThat(groupsByTask.values().stream().flatMap(Set::stream))
        .as("no task was offered to a district").noneMatch(group -> group.startsWith("district-"))
        .allMatch(group -> group.equals(PROVINCE_GROUP) || units.ofGroup(group)
            .map(unit -> unit.level() == AdministrativeUnit.Level.COMMUNE).orElse(false));
  }

  @Test
  @Order(3)
  void aCommuneSeesAndDoesOnlyItsOwnWork() {
    ProcessInstance programme = walker.start(HUNG_YEN, null);
    List<ProcessInstance> pilots = walker.startPilots(walker.chooseDistricts(programme).get(0));
    String communeA = pilots.get(2).getBusinessKey();
    String communeB = pilots.get(3).getBusinessKey();
    Set<String> pilotCodes = pilots.stream().map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
    String notAPilot = units.communesOf(BODY).stream().map(AdministrativeUnit::code)
        .filter(code -> !pilotCodes.contains(code)).reduce((first, last) -> last).orElseThrow();
    String officialA = "xa" + communeA;
    String officialB = "xa" + communeB;
    String province = "tinh33";
    String pilotA = pilots.get(2).getId();
    String task = REST + "/task/" + tasks.createTaskQuery().processInstanceId(pilotA).singleResult().getId();
    ApiClient api = new ApiClient(port);

    for (String user : List.of(officialA, province)) {
      assertThat(api.get(user, REST + "/task?processInstanceId=" + pilotA).json()).as(user).hasSize(1);
      assertThat(api.get(user, task).status()).as(user).isEqualTo(200);
    }
    assertThat(api.get(officialB, REST + "/task?processInstanceId=" + pilotA).json()).isEmpty();
    assertThat(api.get(officialB, task).status()).isEqualTo(404);
    assertThat(api.get(officialB, REST + "/task").json()).as("B sees its own plan only").hasSize(1);
    assertThat(api.get("xa" + notAPilot, REST + "/task").json()).as("a commune that is no pilot").isEmpty();
    assertThat(api.get("xa" + notAPilot, task).status()).isEqualTo(404);
    assertThat(api.post(officialB, task + "/claim", Map.of("userId", officialB)).status()).isIn(403, 404);
    assertThat(api.post(officialB, task + "/complete", Map.of("variables", rest(CommuneInputs.plan()))).status())
        .isIn(403, 404);

    assertThat(api.post(officialA, task + "/claim", Map.of("userId", officialA)).status()).isEqualTo(204);
    vn.thanthien.pilot.evidence.review.TaskFiles.attach(api, officialA, task.substring(task.lastIndexOf('/') + 1));
    assertThat(api.post(officialA, task + "/complete", Map.of("variables", rest(CommuneInputs.plan()))).status())
        .isEqualTo(204);
    // the plan review, a district's work in 2023, is the province's
    String review = tasks.createTaskQuery().processInstanceId(pilotA).singleResult().getId();
    assertThat(tasks.getIdentityLinksForTask(review)).extracting(IdentityLink::getGroupId).containsExactly(PROVINCE_GROUP);
    assertThat(api.post(officialA, REST + "/task/" + review + "/claim", Map.of("userId", officialA)).status())
        .isIn(403, 404);
    assertThat(api.post(province, REST + "/task/" + review + "/claim", Map.of("userId", province)).status())
        .isEqualTo(204);
  }

  /** Variables as the REST API takes them: {"name": {"value": …}}. */
  private static Map<String, Object> rest(Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    variables.forEach((name, value) -> body.put(name, Map.of("value", value)));
    return body;
  }

  @Test
  @Order(4)
  void theReorganisationsThisMapAlreadyReflectsAreRefusedBeforeAnythingChanges() {
    ApiClient api = new ApiClient(port);
    String start = REST + "/process-definition/key/unit-reorganisation/submit-form";
    ApiClient.Reply merged = api.post("admin", start, Map.of("variables", Map.of(
        "resolutionNumber", Map.of("value", "202/2025/QH15"), "resolutionDate", Map.of("value", "2025-06-12"),
        "mappingId", Map.of("value", "2025-07-01"))));
    assertThat(merged.status()).as(merged.body()).isEqualTo(400);
    assertThat(merged.json().path("message").asText())
        .contains("đã là danh mục từ ngày 01/07/2025", "không áp dụng lại").doesNotContain("Exception");
    ApiClient.Reply older = api.post("admin", start, Map.of("variables", Map.of(
        "resolutionNumber", Map.of("value", "1201/NQ-UBTVQH15"), "resolutionDate", Map.of("value", "2024-09-28"),
        "mappingId", Map.of("value", "2024-11-01"))));
    assertThat(older.status()).as(older.body()).isEqualTo(400);
    assertThat(older.json().path("message").asText()).contains("không liên quan đến đơn vị nào");
    // nothing changed: no reorganisation ran, Long Hưng's officials keep their group and its name
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("unit-reorganisation").count()).isZero();
    assertThat(identity.createGroupQuery().groupId("commune-12613").singleResult().getName()).isEqualTo("UBND xã Long Hưng");
    assertThat(identity.createGroupQuery().groupId("commune-12613-20250701").count()).isZero();
  }
}
