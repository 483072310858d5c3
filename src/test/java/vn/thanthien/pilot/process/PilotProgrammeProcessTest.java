package vn.thanthien.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static vn.thanthien.pilot.process.DistrictPilotProcessTest.json;
import static vn.thanthien.pilot.process.DistrictPilotProcessTest.selection;

import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.programme.ProgrammeContext;

/** Every path of {@code pilot-programme}: launch, districts taking part, province final review. */
@Deployment(resources = {"bpmn/pilot-programme.bpmn", "bpmn/district-pilot.bpmn", "bpmn/commune-pilot.bpmn",
    "bpmn/pilot-rating.dmn", "bpmn/appraisal-level.dmn", "bpmn/task-deadline.dmn", "bpmn/pilot-programme-start.form",
    "bpmn/pilot-programme-districts.form", "bpmn/pilot-programme-final-review.form", "bpmn/pilot-programme-interim-review.form",
    "bpmn/district-pilot-start.form", "bpmn/district-select-pilots.form", "bpmn/district-approve-pilots.form",
    "bpmn/district-lessons.form", "bpmn/district-rollout-plan.form", "bpmn/district-final-report.form", "bpmn/district-interim-review.form",
    "bpmn/commune-pilot-start.form", "bpmn/commune-plan.form", "bpmn/commune-plan-review.form",
    "bpmn/commune-launch.form", "bpmn/commune-report.form", "bpmn/commune-self-assessment.form",
    "bpmn/commune-appraisal.form", "bpmn/commune-recognition.form", "bpmn/commune-remediation.form",
    "bpmn/commune-lessons.form", "bpmn/commune-interim-report.form"})
@ExtendWith(PilotBeans.class)
class PilotProgrammeProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-process-test.cfg.xml")
      .excludeProcessDefinitionKeys("district-pilot", "commune-pilot")
      .assertClassCoverageAtLeast(0.9)
      .build();

  @BeforeEach
  void assertOnThisEngine() {
    // several engines live in the test JVM (the Spring tests' too): name the one to assert on
    init(engine.getProcessEngine());
  }

  static VariableMap launch(String periodStart, String periodEnd) {
    return Variables.createVariables()
        .putValue("programmeTitle", "Chính quyền thân thiện vì nhân dân phục vụ")
        .putValue("decisionNumber", "08-ĐA/TU")
        .putValue("decisionDate", "2023-07-05")
        .putValue("periodStart", periodStart)
        .putValue("periodEnd", periodEnd)
        .putValue("reportCycle", "P6M");
  }

  @Test
  void provinceLaunchesTheSchemeAndReviewsEveryDistrictsResult() {
    ProcessInstance programme = runtimeService().startProcessInstanceByKey("pilot-programme",
        launch("2023-07-05", "2024-06-30"));
    assertThat(programme).isWaitingAt("SelectDistricts").variables()
        .containsEntry("provinceCode", "34").containsEntry("provinceName", "Tỉnh Thái Bình");
    assertThat(task(programme)).hasCandidateGroup("province-34");
    SpinJsonNode proposed = (SpinJsonNode) runtimeService().getVariable(programme.getId(), "participatingDistricts");
    assertThat(proposed.elements()).as("all 8 districts proposed by default").hasSize(8);

    complete(task(programme), Variables.createVariables()
        .putValue("participatingDistricts", SpinValues.jsonValue(json(List.of("339", "344"))).create()));
    List<ProcessInstance> districts = runtimeService().createProcessInstanceQuery()
        .superProcessInstanceId(programme.getId()).list();
    assertThat(districts).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrder("339", "344");

    CommuneWalker walker = new CommuneWalker(processEngine());
    for (ProcessInstance district : districts) {
      String pilot = PilotBeans.UNITS.communesOf(district.getBusinessKey()).get(0).code();
      String rollout = PilotBeans.UNITS.communesOf(district.getBusinessKey()).get(1).code();
      complete(task(district), selection(List.of(pilot), List.of(pilot)));
      complete(task(district), Variables.createVariables().putValue("selectionDecision", "approve"));
      walker.walk(child(district).getId(), 20, 20, 20, 20, 20);
      runJobs(district);
      complete(task(district), Variables.createVariables().putValue("districtLessons", "Bài học của huyện"));
      complete(task(district), Variables.createVariables()
          .putValue("rolloutCommunes", SpinValues.jsonValue(json(List.of(rollout))).create())
          .putValue("rolloutPeriodEnd", "2024-06-30").putValue("rolloutPlanSummary", "Nhân rộng"));
      walker.walk(child(district).getId(), 10, 10, 10, 10, 10);
      runJobs(district);
      complete(task(district), Variables.createVariables().putValue("districtFinalReport", "Báo cáo"));
      assertThat(district).isEnded();
    }
    runJobs(programme);
    assertThat(programme).as("every district has ended: the final review waits for the period's end")
        .isWaitingAt("PeriodEnded");
    execute(job("PeriodEnded", programme));

    assertThat(programme).isWaitingAt("ProvinceFinalReview").variables()
        .containsEntry("communesTotal", 4L).containsEntry("communesRecognised", 2L)
        .containsEntry("communesNotRecognised", 2L).containsEntry("communesUnfinished", 0L)
        .containsEntry("districtsUnfinished", 0L)
        .extractingByKey("districtResultsSummary").asString()
        .contains("#### Huyện Hưng Hà (339): đã kết thúc")
        .contains("- Thí điểm: 1/1 xã được công nhận, 0 xã không được công nhận, 0 xã chưa kết thúc.")
        .contains("- Nhân rộng: 0/1 xã được công nhận, 1 xã không được công nhận, 0 xã chưa kết thúc.")
        .contains("Huyện Vũ Thư (344)");
    assertThat(task(programme)).hasCandidateGroup("province-34");
    complete(task(programme), Variables.createVariables().putValue("provinceConclusion", "Nhân rộng toàn tỉnh"));
    // the province's completion returns at once; the programme ends in a job of its own
    assertThat(programme).isWaitingAt("ProgrammeEnded");
    runJobs(programme);
    assertThat(programme).isEnded().hasPassed("ProgrammeEnded");
    DeclaredVariables.assertEveryVariableIsDeclared(engine.getProcessEngine());
  }

  @Test
  void provinceInterimReviewOpensAlongsideTheDistrictsWork() {
    ProcessInstance programme = runtimeService().startProcessInstanceByKey("pilot-programme",
        launch("2023-07-05", "2025-12-31").putValue("interimReviewAfter", "P6M"));
    assertThat(programme).variables().containsEntry("interimReviewDate", "05/01/2024");
    complete(task(programme), Variables.createVariables()
        .putValue("participatingDistricts", SpinValues.jsonValue(json(List.of("339"))).create()));
    assertThat(taskQuery().processInstanceId(programme.getId()).count()).as("no review before its time").isZero();

    execute(job("ProvinceInterimDue", programme));
    assertThat(programme).isWaitingAt("RunDistricts", "PeriodEnded", "ProvinceInterimReview");
    assertThat(task("ProvinceInterimReview", programme)).hasCandidateGroup("province-34");
    assertThat(programme).variables().extractingByKey("provinceInterimSummary").asString()
        .contains("Sơ kết toàn tỉnh ngày 05/01/2024: 1 huyện, thành phố; 0 xã thí điểm")
        .contains("#### Huyện Hưng Hà (339)")
        .contains("- Xã thí điểm: 0 (huyện chưa lựa chọn xong xã thí điểm)")
        .contains("- Kết luận sơ kết của huyện: (huyện chưa có kết luận sơ kết)");
    complete(task("ProvinceInterimReview", programme),
        Variables.createVariables().putValue("provinceInterimConclusion", "Các huyện khẩn trương chọn xã thí điểm"));
    assertThat(programme).hasPassed("ProvinceInterimEnded").isWaitingAt("RunDistricts", "PeriodEnded");
  }

  @Test
  void interimReviewMustFallInsideThePeriod() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("pilot-programme",
        launch("2023-07-05", "2024-06-30").putValue("interimReviewAfter", "P12M")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Thời điểm sơ kết (05/07/2024, 12 tháng sau khi bắt đầu thực hiện) phải trước ngày kết thúc đề án (30/06/2024)");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("pilot-programme",
        launch("2023-07-05", "2025-12-31").putValue("interimReviewAfter", "P1D")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("không có trong danh sách lựa chọn");
    // the review times are derived, never taken from a request
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("pilot-programme",
        launch("2023-07-05", "2025-12-31").putValue("interimReviewAt", new java.util.Date())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("«interimReviewAt» không thuộc biểu mẫu");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void periodEndingBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("pilot-programme",
        launch("2025-12-31", "2023-07-05")))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("phải sau ngày bắt đầu");
    VariableMap noNumber = launch("2023-07-05", "2025-12-31");
    noNumber.remove("decisionNumber");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("pilot-programme", noNumber))
        .hasMessageContaining("bắt buộc");
    assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void districtsOfAnotherProvinceCannotTakePart() {
    ProcessInstance programme = runtimeService().startProcessInstanceByKey("pilot-programme",
        launch("2023-07-05", "2025-12-31"));
    String taskId = task(programme).getId();
    assertThatThrownBy(() -> taskService().complete(taskId, Variables.createVariables()
        .putValue("participatingDistricts", SpinValues.jsonValue(json(List.of("339", "001"))).create())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("«001»");
    assertThatThrownBy(() -> taskService().complete(taskId, Variables.createVariables()
        .putValue("participatingDistricts", SpinValues.jsonValue("[]").create())))
        .hasMessageContaining("bắt buộc");
    assertThat(programme).isWaitingAt("SelectDistricts");
  }

  @Test
  void theProgrammeIsTheProvinceOfTheOfficialWhoStartsIt() throws Exception {
    UnitDirectory country;
    try (InputStream csv = getClass().getResourceAsStream("/organisation/vn-admin-units-2023-04-10.csv")) {
      country = UnitDirectory.read(csv);
    }
    Mocks.register("programmeContext", new ProgrammeContext(country, PilotBeans.ORGANISATION, PilotBeans.TIME));
    processEngine().getIdentityService().setAuthentication("tinh01", List.of("province-01"));
    ProcessInstance haNoi;
    try {
      haNoi = runtimeService().startProcessInstanceByKey("pilot-programme", launch("2023-07-05", "2025-12-31"));
    } finally {
      processEngine().getIdentityService().clearAuthentication();
    }
    assertThat(runtimeService().getVariable(haNoi.getId(), "provinceGroup")).isEqualTo("province-01");
    assertThat(runtimeService().getVariable(haNoi.getId(), "provinceName")).isEqualTo("Thành phố Hà Nội");
    assertThat(runtimeService().getVariable(haNoi.getId(), "districtOptions").toString())
        .contains("Quận Ba Đình").doesNotContain("Huyện Hưng Hà");

    // started by someone of two provinces (or by the application): the configured province
    processEngine().getIdentityService().setAuthentication("both", List.of("province-01", "province-79"));
    try {
      ProcessInstance ambiguous = runtimeService().startProcessInstanceByKey("pilot-programme",
          launch("2023-07-05", "2025-12-31"));
      assertThat(runtimeService().getVariable(ambiguous.getId(), "provinceCode")).isEqualTo("34");
    } finally {
      processEngine().getIdentityService().clearAuthentication();
    }
  }

  private static ProcessInstance child(ProcessInstance parent) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(parent.getId()).singleResult();
  }

  /** The asynchronous continuations (the calls' joins, the programme's end), not the timers. */
  private static void runJobs(ProcessInstance instance) {
    for (Job job : managementService().createJobQuery().processInstanceId(instance.getId()).messages().list()) {
      managementService().executeJob(job.getId());
    }
  }
}
