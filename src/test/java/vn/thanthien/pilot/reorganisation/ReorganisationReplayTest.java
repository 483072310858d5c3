package vn.thanthien.pilot.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ProvinceTenants;
import vn.thanthien.pilot.process.CommuneInputs;
import vn.thanthien.pilot.process.CommuneWalker;

/**
 * The map changes twice in the middle of the Hưng Hà pilot, as it did: on 01/11/2024 Dân Chủ joins
 * Quang Trung; on 01/07/2025 the districts end, Thái Bình joins Hưng Yên, and Tiến Đức, Thái Hưng
 * and Liên Hiệp become xã Long Hưng. The administrator applies each reorganisation with the process
 * {@code unit-reorganisation}; the running pilots go on under their successors.
 *
 * <p>A database and an engine of its own: the reorganisation renames and adds groups the other
 * tests of the application rely on.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:pilot-reorganisation;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=reorganisation"})
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
@Tag("own-database")
class ReorganisationReplayTest {

  static final String HUNG_HA = "339";
  static final String DAN_CHU = "12598";
  static final String TIEN_DUC = "12646";
  static final String THAI_HUNG = "12649";
  static final String LIEN_HIEP = "12637";
  static final String HOA_BINH = "12655";
  static final String QUANG_TRUNG_GROUP = "commune-12589-20241101";
  static final String LONG_HUNG_GROUP = "commune-12613-20250701";
  static final String HUNG_YEN_GROUP = "province-33";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired ProvinceTenants tenants;

  CommuneWalker walker;
  ProcessInstance programme;
  ProcessInstance district;
  Map<String, ProcessInstance> pilots = new java.util.HashMap<>();

  @BeforeAll
  void hungHaPilotsAreUnderWay() {
    walker = new CommuneWalker(engine);
    programme = runtime.startProcessInstanceByKey("pilot-programme", Variables.createVariables()
        .putValue("programmeTitle", "Chính quyền thân thiện vì nhân dân phục vụ")
        .putValue("decisionNumber", "08-ĐA/TU").putValue("decisionDate", "2023-07-05")
        .putValue("periodStart", "2023-07-05").putValue("periodEnd", "2025-12-31").putValue("reportCycle", "P6M"));
    complete(only(programme.getId()), Map.of("participatingDistricts", SpinValues.jsonValue("[\"339\"]").create()));
    district = runtime.createProcessInstanceQuery().superProcessInstanceId(programme.getId()).singleResult();
    complete(only(district.getId()), Map.of(
        "pilotCommunes", SpinValues.jsonValue("[\"12679\",\"12649\",\"12646\",\"12655\",\"12637\",\"12619\",\"12598\"]").create(),
        "provincePilots", SpinValues.jsonValue("[\"12646\",\"12679\"]").create(), "selectionRationale", "Theo Đề án"));
    complete(only(district.getId()), Map.of("selectionDecision", "approve"));
    runtime.createProcessInstanceQuery().superProcessInstanceId(district.getId()).list()
        .forEach(pilot -> pilots.put(pilot.getBusinessKey(), pilot));
    walker.walkUntil(pilots.get(DAN_CHU).getId(), "PeriodicReport", 19, 18, 19, 18, 19);
    walker.walkUntil(pilots.get(TIEN_DUC).getId(), "SelfAssessment", 19, 18, 19, 18, 19);
    walker.walkUntil(pilots.get(THAI_HUNG).getId(), "LaunchModel", 19, 18, 19, 18, 19);
    walker.walkUntil(pilots.get(LIEN_HIEP).getId(), "PeriodicReport", 19, 18, 19, 18, 19);
    walker.walkUntil(pilots.get(HOA_BINH).getId(), "ReviewPlan", 19, 18, 19, 18, 19);
  }

  @Test
  @Order(1)
  void onTheFirstOfNovember2024DanChuGoesOnUnderQuangTrung() {
    ProcessInstance danChu = pilots.get(DAN_CHU);
    long historicTasksBefore = history.createHistoricTaskInstanceQuery().processInstanceId(danChu.getId()).finished().count();
    assertThat(groupsOf(mainTask(danChu))).containsExactly("commune-" + DAN_CHU);

    ProcessInstance reorganisation = reorganise("2024-11-01");
    assertThat(text(reorganisation.getId(), "reorganisationResult"))
        .contains("UBND xã Quang Trung (mã 12589, nhóm " + QUANG_TRUNG_GROUP).contains("UBND xã Dân Chủ");

    // its open task is Quang Trung's now; its history and name stay Dân Chủ's
    Task report = mainTask(danChu);
    assertThat(groupsOf(report)).containsExactly(QUANG_TRUNG_GROUP);
    assertThat(runtime.getVariable(danChu.getId(), "communeName")).isEqualTo("Xã Dân Chủ");
    assertThat(runtime.getVariable(danChu.getId(), "successorName")).isEqualTo("Xã Quang Trung");
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(danChu.getId()).singleResult()
        .getBusinessKey()).isEqualTo(DAN_CHU);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(danChu.getId()).finished().count())
        .isEqualTo(historicTasksBefore);
    // Quang Trung's group exists with the officials of the three communes it replaces
    Group quangTrung = identity.createGroupQuery().groupId(QUANG_TRUNG_GROUP).singleResult();
    assertThat(quangTrung.getName()).isEqualTo("UBND xã Quang Trung");
    assertThat(identity.createUserQuery().memberOfGroup(QUANG_TRUNG_GROUP).list()).extracting(User::getId)
        .contains("xa12598", "xa12607", "xa12589");
    assertThat(identity.createGroupQuery().groupId("commune-" + DAN_CHU).singleResult().getName())
        .isEqualTo("UBND xã Dân Chủ (đến 31/10/2024)");
    // a Quang Trung official may read it and works on its next step
    assertThat(tasks.createTaskQuery().taskCandidateUser("xa12589").processInstanceId(danChu.getId()).count()).isEqualTo(1);
    complete(report, CommuneInputs.report());
    walker.walkUntil(danChu.getId(), "SelfAssessment", 19, 18, 19, 18, 19);
    assertThat(groupsOf(mainTask(danChu))).containsExactly(QUANG_TRUNG_GROUP);
    // the other pilots did not move
    assertThat(groupsOf(mainTask(pilots.get(TIEN_DUC)))).containsExactly("commune-" + TIEN_DUC);

    // applied twice, nothing changes
    ProcessInstance again = startReorganisation("2024-11-01");
    assertThat(runtime.getVariable(again.getId(), "alreadyApplied")).isEqualTo(true);
    assertThat(runtime.getVariable(again.getId(), "movesCount")).isEqualTo(0L);
    confirm(again, "apply");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(again.getId())
        .variableName("movedCount").singleResult().getValue()).isEqualTo(0L);
    assertThat(groupsOf(mainTask(danChu))).containsExactly(QUANG_TRUNG_GROUP);
  }

  @Test
  @Order(2)
  void onTheFirstOfJuly2025TheDistrictEndsAndLongHungTakesItsCommunesOver() {
    reorganise("2025-07-01");

    for (String code : List.of(TIEN_DUC, THAI_HUNG, LIEN_HIEP)) {
      assertThat(groupsOf(mainTask(pilots.get(code)))).as(code).containsExactly(LONG_HUNG_GROUP);
    }
    assertThat(identity.createGroupQuery().groupId(LONG_HUNG_GROUP).singleResult().getName()).isEqualTo("UBND xã Long Hưng");
    assertThat(identity.createUserQuery().memberOfGroup(LONG_HUNG_GROUP).list()).extracting(User::getId)
        .contains("xa12646", "xa12649", "xa12637", "xa12613", "xa12592");
    // Dân Chủ, under Quang Trung since 2024, goes on under Quang Trung's successor, xã Diên Hà
    assertThat(groupsOf(mainTask(pilots.get(DAN_CHU)))).containsExactly("commune-12619-20250701");
    // the district's work (Hòa Bình's plan to review, the district's own variables) goes to the province
    assertThat(groupsOf(mainTask(pilots.get(HOA_BINH)))).containsExactly(HUNG_YEN_GROUP);
    assertThat(runtime.getVariable(district.getId(), "districtGroup")).isEqualTo(HUNG_YEN_GROUP);
    assertThat(runtime.getVariable(programme.getId(), "provinceGroup")).isEqualTo(HUNG_YEN_GROUP);
    assertThat(identity.createGroupQuery().groupId("district-" + HUNG_HA).singleResult().getName())
        .isEqualTo("UBND huyện Hưng Hà (đến 30/06/2025)");
    // Hưng Yên's own officials find the levels' work in Tasklist, as Thái Bình's did
    for (String filter : List.of("Việc cấp xã", "Việc cấp huyện", "Việc cấp tỉnh")) {
      String id = engine.getFilterService().createFilterQuery().filterName(filter).singleResult().getId();
      assertThat(engine.getAuthorizationService().isUserAuthorized("tinh33", List.of(HUNG_YEN_GROUP),
          org.camunda.bpm.engine.authorization.Permissions.READ, org.camunda.bpm.engine.authorization.Resources.FILTER, id))
          .as(filter).isTrue();
    }

    // nothing is left with a group of a unit that no longer exists
    List<String> ended = identity.createGroupQuery().list().stream().filter(g -> g.getName().contains("(đến "))
        .map(Group::getId).toList();
    assertThat(ended).contains("commune-" + TIEN_DUC, "district-" + HUNG_HA, "province-34", QUANG_TRUNG_GROUP);
    List<String> openGroups = new ArrayList<>();
    for (Task task : tasks.createTaskQuery().list()) {
      openGroups.addAll(groupsOf(task));
    }
    assertThat(openGroups).isNotEmpty().doesNotContainAnyElementsOf(ended);
    for (VariableInstance variable : runtime.createVariableInstanceQuery()
        .variableNameIn(Reorganisation.GROUP_VARIABLES.toArray(String[]::new)).list()) {
      assertThat(ended).as(variable.getName() + " of " + variable.getProcessInstanceId()).doesNotContain((String) variable.getValue());
    }

    // the successors read the Thái Bình instances they take over: members of its tenant besides their own
    assertThat(tenantsOf(LONG_HUNG_GROUP)).containsExactlyInAnyOrder("province-33", "province-34");
    assertThat(tenantsOf(HUNG_YEN_GROUP)).containsExactlyInAnyOrder("province-33", "province-34");
    assertThat(tenantsOf("managers")).containsExactlyInAnyOrder("province-33", "province-34");
    assertThat(identity.createTenantQuery().tenantId("province-33").singleResult().getName()).isEqualTo("Tỉnh Hưng Yên");
    identity.setAuthentication("tinh33", List.of(HUNG_YEN_GROUP), tenantsOf(HUNG_YEN_GROUP));
    try {
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(programme.getId()).count())
          .as("Hưng Yên's own official reads Thái Bình's programme").isOne();
      assertThat(tasks.createTaskQuery().taskCandidateGroup(HUNG_YEN_GROUP).count()).isPositive();
    } finally {
      identity.clearAuthentication();
    }
    tenants.seed(); // a restart keeps what the reorganisation added
    assertThat(tenantsOf(LONG_HUNG_GROUP)).containsExactlyInAnyOrder("province-33", "province-34");

    // later work goes to the successors: Tiến Đức, a province pilot, is appraised by Hưng Yên
    ProcessInstance tienDuc = pilots.get(TIEN_DUC);
    walker.walkUntil(tienDuc.getId(), "Appraisal", 19, 18, 19, 18, 19);
    Task appraisal = tasks.createTaskQuery().processInstanceId(tienDuc.getId()).taskDefinitionKey("Appraisal").singleResult();
    assertThat(groupsOf(appraisal)).containsExactly(HUNG_YEN_GROUP);
    assertThat(tasks.createTaskQuery().taskCandidateUser("tinh34").taskId(appraisal.getId()).count())
        .as("Thái Bình's officials carried into Hưng Yên's group").isEqualTo(1);
  }

  private ProcessInstance reorganise(String mappingId) {
    ProcessInstance reorganisation = startReorganisation(mappingId);
    assertThat((Long) runtime.getVariable(reorganisation.getId(), "movesCount")).isPositive();
    assertThat(text(reorganisation.getId(), "reorganisationPreview")).contains("Đơn vị kế thừa");
    confirm(reorganisation, "apply");
    return reorganisation;
  }

  private ProcessInstance startReorganisation(String mappingId) {
    return runtime.startProcessInstanceByKey("unit-reorganisation", Variables.createVariables()
        .putValue("resolutionNumber", mappingId.startsWith("2024") ? "1201/NQ-UBTVQH15" : "202/2025/QH15")
        .putValue("resolutionDate", mappingId.startsWith("2024") ? "2024-09-28" : "2025-06-12")
        .putValue("mappingId", mappingId));
  }

  private void confirm(ProcessInstance reorganisation, String decision) {
    Task confirm = tasks.createTaskQuery().processInstanceId(reorganisation.getId()).singleResult();
    assertThat(confirm.getTaskDefinitionKey()).isEqualTo("ConfirmReorganisation");
    complete(confirm, Map.of("reorganisationDecision", decision));
    for (Job job : management.createJobQuery().processInstanceId(reorganisation.getId()).list()) {
      management.executeJob(job.getId());
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(reorganisation.getId()).count()).isZero();
  }

  private String text(String instanceId, String name) {
    return String.valueOf(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableName(name).singleResult().getValue());
  }

  /** The pilot's step on its main path (not the interim report beside it). */
  private Task mainTask(ProcessInstance pilot) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(pilot.getId()).list().stream()
        .filter(task -> !"InterimReport".equals(task.getTaskDefinitionKey())).toList();
    assertThat(open).as("open step of " + pilot.getBusinessKey()).hasSize(1);
    return open.get(0);
  }

  private List<String> tenantsOf(String group) {
    return identity.createTenantQuery().groupMember(group).list().stream().map(Tenant::getId).toList();
  }

  private List<String> groupsOf(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull).toList();
  }

  private Task only(String instanceId) {
    return tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
  }

  private void complete(Task task, Map<String, Object> variables) {
    tasks.complete(task.getId(), variables);
  }
}
