package vn.thanthien.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code district-pilot}: selection loop, pilots, lessons, rollout, final report. */
@Deployment(resources = {"bpmn/district-pilot.bpmn", "bpmn/commune-pilot.bpmn", "bpmn/pilot-rating.dmn",
    "bpmn/appraisal-level.dmn", "bpmn/task-deadline.dmn", "bpmn/district-pilot-start.form", "bpmn/district-select-pilots.form",
    "bpmn/district-approve-pilots.form", "bpmn/district-lessons.form", "bpmn/district-rollout-plan.form",
    "bpmn/district-final-report.form", "bpmn/district-interim-review.form", "bpmn/commune-pilot-start.form", "bpmn/commune-plan.form",
    "bpmn/commune-plan-review.form", "bpmn/commune-launch.form", "bpmn/commune-report.form",
    "bpmn/commune-self-assessment.form", "bpmn/commune-appraisal.form", "bpmn/commune-recognition.form",
    "bpmn/commune-remediation.form", "bpmn/commune-lessons.form", "bpmn/commune-interim-report.form"})
@ExtendWith(PilotBeans.class)
class DistrictPilotProcessTest {

  static final String HUNG_HA = "339";
  static final String TIEN_DUC = "12646";
  static final String CHI_HOA = "12679";
  static final String THAI_HUNG = "12649";
  /** A commune of Quỳnh Phụ district (338), not of Hưng Hà. */
  static final String QUYNH_PHU_COMMUNE = firstCommuneOf("338");

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-process-test.cfg.xml")
      .excludeProcessDefinitionKeys("commune-pilot")
      .assertClassCoverageAtLeast(0.9)
      .build();

  @BeforeEach
  void assertOnThisEngine() {
    // several engines live in the test JVM (the Spring tests' too): name the one to assert on
    init(engine.getProcessEngine());
  }

  static String firstCommuneOf(String district) {
    return PilotBeans.UNITS.communesOf(district).get(0).code();
  }

  /** Started alone, as an administrator would with the start form: its fields and nothing else. */
  private ProcessInstance startHungHa() {
    return runtimeService().startProcessInstanceByKey("district-pilot", HUNG_HA, Variables.createVariables()
        .putValue("districtCode", HUNG_HA).putValue("periodEnd", "2024-06-30").putValue("reportCycle", "P6M"));
  }

  static VariableMap selection(List<String> pilots, List<String> provincePilots) {
    return Variables.createVariables()
        .putValue("pilotCommunes", SpinValues.jsonValue(json(pilots)).create())
        .putValue("provincePilots", SpinValues.jsonValue(json(provincePilots)).create())
        .putValue("selectionRationale", "Xã có phong trào tốt");
  }

  static String json(List<String> codes) {
    return codes.stream().map(c -> "\"" + c + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
  }

  /** The asynchronous continuations (the calls' joins), not the interim review's timer. */
  private void runJobs(ProcessInstance district) {
    for (Job job : managementService().createJobQuery().processInstanceId(district.getId()).messages().list()) {
      managementService().executeJob(job.getId());
    }
  }

  private List<ProcessInstance> communesOf(ProcessInstance district) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(district.getId()).list();
  }

  @Test
  void provinceReturnsTheSelectionThenApprovesAndPilotsRunOnTheirTier() {
    ProcessInstance district = startHungHa();
    assertThat(district).hasBusinessKey(HUNG_HA).isWaitingAt("SelectPilots")
        .variables().containsEntry("districtName", "Huyện Hưng Hà").containsKey("communeOptions");
    assertThat(task(district)).hasCandidateGroup("district-" + HUNG_HA);

    complete(task(district), selection(List.of(TIEN_DUC, THAI_HUNG), List.of(TIEN_DUC)));
    assertThat(task(district)).hasDefinitionKey("ApproveSelection").hasCandidateGroup("province-34");
    complete(task(district), Variables.createVariables().putValue("selectionDecision", "return")
        .putValue("selectionRemarks", "Bổ sung xã Chí Hòa làm điểm của tỉnh"));
    assertThat(district).isWaitingAt("SelectPilots")
        .variables().containsEntry("selectionRemarks", "Bổ sung xã Chí Hòa làm điểm của tỉnh");

    complete(task(district), selection(List.of(TIEN_DUC, CHI_HOA, THAI_HUNG), List.of(TIEN_DUC, CHI_HOA)));
    // The province decides afresh: its previous "return" is not pre-selected on the new approval.
    assertThat(runtimeService().getVariable(district.getId(), "selectionDecision")).isNull();
    // a Json string: the list grows with the number of pilots (a String variable holds 4,000 characters)
    Object proposal = runtimeService().getVariable(district.getId(), "pilotSelectionSummary");
    assertThat(proposal).isInstanceOf(SpinJsonNode.class);
    assertThat(((SpinJsonNode) proposal).stringValue())
        .contains("- Xã Tiến Đức (12646) — **thí điểm của tỉnh**\n").contains("- Xã Thái Hưng (12649) — thí điểm của huyện\n");
    complete(task(district), Variables.createVariables().putValue("selectionDecision", "approve"));

    assertThat(district).isWaitingAt("RunPilots");
    List<ProcessInstance> pilots = communesOf(district);
    assertThat(pilots).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder(TIEN_DUC, CHI_HOA, THAI_HUNG);
    CommuneWalker walker = new CommuneWalker(processEngine());
    for (ProcessInstance pilot : pilots) {
      String tier = (String) runtimeService().getVariable(pilot.getId(), "tier");
      String appraiser = walker.walk(pilot, 19, 19, 19, 19, 19);
      assertThat(appraiser).isEqualTo("province".equals(tier) ? "province-34" : "district-" + HUNG_HA);
      assertThat(tier).isEqualTo(THAI_HUNG.equals(pilot.getBusinessKey()) ? "district" : "province");
    }
    runJobs(district);

    assertThat(district).isWaitingAt("DistrictLessons");
    assertThat(district).variables().containsEntry("pilotCount", 3L).containsEntry("pilotPassedCount", 3L)
        .extractingByKey("pilotResultsSummary").asString()
        .contains("3/3 xã được công nhận").contains("Xã Chí Hòa (12679), thí điểm của tỉnh: 95 điểm, Xuất sắc");
    complete(task(district), Variables.createVariables().putValue("districtLessons", "Người đứng đầu phải gương mẫu"));

    assertThat(district).isWaitingAt("PlanRollout").variables().containsEntry("remainingCommuneCount", 32);
    // The default proposal is every remaining commune: submit it as it stands.
    VariableMap plan = Variables.createVariables()
        .putValue("rolloutCommunes", runtimeService().getVariableTyped(district.getId(), "rolloutCommunes"))
        .putValue("rolloutPeriodEnd", "2024-06-30").putValue("rolloutPlanSummary", "Nhân rộng toàn huyện");
    complete(task(district), plan);

    List<ProcessInstance> rollout = communesOf(district);
    assertThat(rollout).hasSize(32);
    assertThat(rollout).extracting(ProcessInstance::getBusinessKey).doesNotContain(TIEN_DUC, CHI_HOA, THAI_HUNG);
    for (ProcessInstance commune : rollout) {
      assertThat(runtimeService().getVariable(commune.getId(), "tier")).isEqualTo("rollout");
      assertThat(walker.walk(commune, 16, 16, 16, 16, 16)).isEqualTo("district-" + HUNG_HA);
    }
    runJobs(district);

    assertThat(district).isWaitingAt("DistrictFinalReport").variables()
        .containsEntry("rolloutCount", 32L).containsEntry("rolloutPassedCount", 32L);
    complete(task(district), Variables.createVariables().putValue("districtFinalReport", "Hoàn thành"));
    assertThat(district).isEnded().hasPassed("DistrictPilotEnded");
    assertThat(historyService().createHistoricProcessInstanceQuery().processDefinitionKey("commune-pilot")
        .finished().count()).isEqualTo(35);
    DeclaredVariables.assertEveryVariableIsDeclared(engine.getProcessEngine());
  }

  @Test
  void districtInterimReviewShowsEveryPilotsReportsAndWhoHasNotSentTheInterimReport() {
    ProcessInstance district = startHungHa();
    complete(task(district), selection(List.of(TIEN_DUC, THAI_HUNG), List.of(TIEN_DUC)));
    complete(task(district), Variables.createVariables().putValue("selectionDecision", "approve"));
    ProcessInstance tienDuc = communesOf(district).stream()
        .filter(c -> TIEN_DUC.equals(c.getBusinessKey())).findFirst().orElseThrow();
    // Tiến Đức sends everything; Thái Hưng has not even drafted its plan
    new CommuneWalker(processEngine()).walkUntil(tienDuc.getId(), "SelfAssessment");
    assertThat(taskQuery().processInstanceId(district.getId()).count()).as("no review before its time").isZero();

    execute(job("DistrictInterimDue", district));
    assertThat(district).isWaitingAt("RunPilots", "DistrictInterimReview");
    assertThat(task("DistrictInterimReview", district)).hasCandidateGroup("district-" + HUNG_HA);
    Object summary = runtimeService().getVariable(district.getId(), "districtInterimSummary");
    assertThat(summary).as("a Json string: seven pilots' texts outgrow a String").isInstanceOf(SpinJsonNode.class);
    assertThat(((SpinJsonNode) summary).stringValue())
        .contains("2 xã thí điểm, 1 xã đã gửi báo cáo sơ kết, 1 xã chưa gửi báo cáo sơ kết")
        .contains("#### Xã Tiến Đức (12646), thí điểm của tỉnh")
        .contains("- Đã gửi 2 báo cáo định kỳ (kỳ 1 đến 01/03/2024: 90% hài lòng; kỳ 2 đến 30/06/2024: 90% hài lòng); tỷ lệ hài lòng bình quân 90%")
        .contains("Công khai thủ tục hành chính\\, tiếp dân thân thiện")
        .contains("#### Xã Thái Hưng (12649), thí điểm của huyện\n\n- Tình hình: đang ở bước «Xây dựng kế hoạch thực hiện mô hình»")
        .contains("- Báo cáo sơ kết: **chưa gửi báo cáo sơ kết**")
        .contains("- Trễ hạn: không trễ hạn");
    complete(task("DistrictInterimReview", district),
        Variables.createVariables().putValue("districtInterimConclusion", "Đôn đốc xã Thái Hưng"));
    assertThat(district).hasPassed("DistrictInterimEnded").isWaitingAt("RunPilots");
  }

  @Test
  void selectionOutsideTheDistrictOrInconsistentTiersIsRefused() {
    ProcessInstance district = startHungHa();
    String taskId = task(district).getId();
    assertThatThrownBy(() -> taskService().complete(taskId, selection(List.of(TIEN_DUC, QUYNH_PHU_COMMUNE), List.of())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("không có trong danh sách lựa chọn");
    assertThatThrownBy(() -> taskService().complete(taskId, selection(List.of(THAI_HUNG), List.of(CHI_HOA))))
        .hasMessageContaining("Xã Chí Hòa (12679) được đánh dấu là thí điểm của tỉnh nhưng chưa được chọn");
    assertThatThrownBy(() -> taskService().complete(taskId, selection(List.of(), List.of())))
        .hasMessageContaining("Các xã thí điểm");
    assertThat(district).isWaitingAt("SelectPilots");
    assertThat(runtimeService().getVariable(district.getId(), "pilotCommuneCodes")).isNull();
  }

  @Test
  void rolloutMayNotIncludeAPilotAndMayCoverPartOfTheDistrict() {
    ProcessInstance district = startHungHa();
    complete(task(district), selection(List.of(CHI_HOA), List.of(CHI_HOA)));
    complete(task(district), Variables.createVariables().putValue("selectionDecision", "approve"));
    new CommuneWalker(processEngine()).walk(communesOf(district).get(0), 20, 20, 20, 20, 20);
    runJobs(district);
    complete(task(district), Variables.createVariables().putValue("districtLessons", "Bài học"));

    String taskId = task(district).getId();
    VariableMap withPilot = Variables.createVariables()
        .putValue("rolloutCommunes", SpinValues.jsonValue(json(List.of(CHI_HOA))).create())
        .putValue("rolloutPeriodEnd", "2024-06-30").putValue("rolloutPlanSummary", "Kế hoạch");
    assertThatThrownBy(() -> taskService().complete(taskId, withPilot)).hasMessageContaining("12679");
    VariableMap none = Variables.createVariables()
        .putValue("rolloutCommunes", SpinValues.jsonValue("[]").create())
        .putValue("rolloutPeriodEnd", "2024-06-30").putValue("rolloutPlanSummary", "Kế hoạch");
    assertThatThrownBy(() -> taskService().complete(taskId, none)).hasMessageContaining("ít nhất một xã");

    complete(task(district), Variables.createVariables()
        .putValue("rolloutCommunes", SpinValues.jsonValue(json(List.of(THAI_HUNG, TIEN_DUC))).create())
        .putValue("rolloutPeriodEnd", "2024-06-30").putValue("rolloutPlanSummary", "Giai đoạn 1"));
    assertThat(communesOf(district)).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder(THAI_HUNG, TIEN_DUC);
  }

  @Test
  void unknownDistrictCannotStart() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("district-pilot", "999",
        Variables.createVariables().putValue("districtCode", "999").putValue("periodEnd", "2024-06-30")
            .putValue("reportCycle", "P3M")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("999");
  }
}
