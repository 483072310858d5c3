package vn.thanthien.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static vn.thanthien.pilot.process.CommuneInputs.*;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code commune-pilot}, with the real listeners and decisions. */
@Deployment(resources = {"bpmn/commune-pilot.bpmn", "bpmn/pilot-rating.dmn", "bpmn/appraisal-level.dmn", "bpmn/task-deadline.dmn",
    "bpmn/commune-pilot-start.form", "bpmn/commune-plan.form", "bpmn/commune-plan-review.form",
    "bpmn/commune-launch.form", "bpmn/commune-report.form", "bpmn/commune-self-assessment.form",
    "bpmn/commune-appraisal.form", "bpmn/commune-recognition.form", "bpmn/commune-remediation.form",
    "bpmn/commune-lessons.form", "bpmn/commune-interim-report.form"})
@ExtendWith(PilotBeans.class)
class CommunePilotProcessTest {

  static final String CHI_HOA = "12679";
  static final String THAI_HUNG = "12649";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-process-test.cfg.xml")
      .assertClassCoverageAtLeast(0.9)
      .build();

  @BeforeEach
  void assertOnThisEngine() {
    // several engines live in the test JVM (the Spring tests' too): name the one to assert on
    init(engine.getProcessEngine());
  }

  private ProcessInstance start(String commune, String tier, String periodEnd) {
    return runtimeService().startProcessInstanceByKey("commune-pilot", commune,
        startInput(commune, tier, periodEnd));
  }

  /** Plan approved, launched 2023-09-01, reports every six months until the period ends. */
  private ProcessInstance runUntilSelfAssessment(String commune, String tier) {
    ProcessInstance pi = start(commune, tier, "2024-06-30");
    complete(task("DraftPlan", pi), plan());
    complete(task("ReviewPlan", pi), approvePlan());
    complete(task("LaunchModel", pi), launch("2023-09-01"));
    // 2024-03-01, then the last one on 2024-06-30 (the period's end)
    for (int report = 1; report <= 2; report++) {
      assertThat(pi).isWaitingAt("ReportDue");
      execute(job("ReportDue", pi));
      assertThat(pi).isWaitingAt("PeriodicReport");
      complete(task("PeriodicReport", pi), report());
    }
    assertThat(pi).isWaitingAt("SelfAssessment");
    return pi;
  }

  @Test
  void provincePilotIsPlannedReviewedLaunchedReportedAndAppraisedByTheProvince() {
    ProcessInstance pi = start(CHI_HOA, "province", "2024-06-30");
    assertThat(pi).hasBusinessKey(CHI_HOA).isWaitingAt("DraftPlan")
        .variables().containsEntry("communeName", "Xã Chí Hòa").containsEntry("districtCode", "339")
        .containsEntry("provinceCode", "34");
    assertThat(task(pi)).hasCandidateGroup("commune-" + CHI_HOA);

    complete(task(pi), plan());
    assertThat(task(pi)).hasDefinitionKey("ReviewPlan").hasCandidateGroup("district-339");
    // the district's review shows the planned launch as officials write dates
    assertThat(pi).variables().containsEntry("plannedLaunchDateText", "01/09/2023");
    complete(task(pi), approvePlan());
    assertThat(task(pi)).hasDefinitionKey("LaunchModel").hasCandidateGroup("commune-" + CHI_HOA);
    // the launch form shows the date its check depends on
    assertThat(pi).variables().containsEntry("periodEndText", "30/06/2024");
    complete(task(pi), launch("2023-09-01"));

    execute(job("ReportDue", pi));
    assertThat(pi).variables().containsEntry("reportNumber", 1).containsEntry("reportPeriodEnd", "01/03/2024")
        .containsEntry("reportPeriodStart", "01/09/2023").containsEntry("lastReport", false);
    complete(task("PeriodicReport", pi), report());
    assertThat(pi).variables().containsEntry("satisfactionRate", 90.0);
    execute(job("ReportDue", pi));
    assertThat(pi).variables().containsEntry("reportNumber", 2).containsEntry("reportPeriodEnd", "30/06/2024")
        .containsEntry("reportPeriodStart", "01/03/2024").containsEntry("lastReport", true);
    complete(task("PeriodicReport", pi), report());

    complete(task("SelfAssessment", pi), selfAssessment(19, 19, 18, 18, 18));
    assertThat(pi).variables().containsEntry("selfArea1Text", "19").containsEntry("selfArea5Text", "18");
    assertThat(task(pi)).hasDefinitionKey("Appraisal").hasCandidateGroup("province-34");
    complete(task(pi), appraisal(19, 18, 18, 18, 18));
    assertThat(pi).variables().containsEntry("passed", true).containsEntry("ratingLevel", "Tốt")
        .containsEntry("totalScore", 91.0).containsEntry("totalScoreText", "91").containsEntry("appraisalRound", 1L);
    assertThat(task(pi)).hasDefinitionKey("IssueRecognition").hasCandidateGroup("province-34");
    complete(task(pi), recognition());
    assertThat(task(pi)).hasDefinitionKey("CommuneLessons").hasCandidateGroup("commune-" + CHI_HOA);
    complete(task(pi), lessons());
    assertThat(pi).isEnded().hasPassed("CommunePilotEnded");
  }

  @Test
  void pilotSendsItsInterimReportAlongsideItsOtherWorkAndARolloutCommuneHasNone() {
    // started alone: the interim review is 9 months after today, not after the period's end
    ProcessInstance pilot = start(CHI_HOA, "province", "2024-06-30");
    assertThat(pilot).variables().containsEntry("interimReviewDate", "30/06/2024");
    assertThat(taskQuery().processInstanceId(pilot.getId()).taskDefinitionKey("InterimReport").count())
        .as("no interim report before its time").isZero();
    execute(job("InterimReviewDue", pilot));
    // non-interrupting: the plan is still to be drafted, and the interim report is asked for
    assertThat(pilot).isWaitingAt("DraftPlan", "InterimReport");
    assertThat(task("InterimReport", pilot)).hasCandidateGroup("commune-" + CHI_HOA);
    complete(task("InterimReport", pilot), interimReport());
    assertThat(pilot).hasPassed("InterimReportSent").isWaitingAt("DraftPlan").variables()
        .containsEntry("interimShortcomings", "Trụ sở chưa có khu vực chờ đủ rộng");

    ProcessInstance rollout = start("12586", "rollout", "2024-06-30");
    execute(job("InterimReviewDue", rollout));
    assertThat(rollout).hasPassed("InterimNotForRollout").isWaitingAt("DraftPlan");
    assertThat(taskQuery().processInstanceId(rollout.getId()).count()).isEqualTo(1);
  }

  @Test
  void districtReturnsThePlanWithRemarksAndTheCommuneRevisesIt() {
    ProcessInstance pi = start(THAI_HUNG, "district", "2024-06-30");
    complete(task("DraftPlan", pi), plan());
    complete(task("ReviewPlan", pi), returnPlan("Bổ sung nội dung tiêu chí 5"));
    assertThat(pi).isWaitingAt("DraftPlan").variables().containsEntry("planRemarks", "Bổ sung nội dung tiêu chí 5");
    complete(task("DraftPlan", pi), plan());
    assertThat(runtimeService().getVariable(pi.getId(), "planDecision")).as("review starts undecided").isNull();
    complete(task("ReviewPlan", pi), approvePlan());
    assertThat(pi).isWaitingAt("LaunchModel");
  }

  @Test
  void districtPilotAndRolloutCommunesAreAppraisedByTheDistrict() {
    ProcessInstance pilot = runUntilSelfAssessment(THAI_HUNG, "district");
    complete(task(pilot), selfAssessment(17, 17, 17, 17, 17));
    assertThat(task(pilot)).hasDefinitionKey("Appraisal").hasCandidateGroup("district-339");

    ProcessInstance rollout = runUntilSelfAssessment("12586", "rollout");
    complete(task(rollout), selfAssessment(17, 17, 17, 17, 17));
    assertThat(task(rollout)).hasDefinitionKey("Appraisal").hasCandidateGroup("district-339");
  }

  @Test
  void failedAppraisalLeadsToRemediationThenReappraisalThatPasses() {
    ProcessInstance pi = runUntilSelfAssessment(THAI_HUNG, "district");
    complete(task(pi), selfAssessment(16, 16, 16, 16, 16));
    complete(task("Appraisal", pi), appraisal(16, 16, 16, 16, 15));
    assertThat(pi).isWaitingAt("Remediate").variables().containsEntry("passed", false)
        .containsEntry("ratingLevel", "Không đạt (tổng điểm dưới 80)").containsEntry("appraisalRound", 1L);
    complete(task(pi), remediation());
    assertThat(pi).isWaitingAt("SelfAssessment");
    complete(task(pi), selfAssessment(17, 17, 17, 17, 17));
    complete(task("Appraisal", pi), appraisal(17, 17, 17, 17, 16));
    assertThat(pi).isWaitingAt("IssueRecognition").variables().containsEntry("passed", true)
        .containsEntry("ratingLevel", "Đạt").containsEntry("appraisalRound", 2L);
  }

  @Test
  void secondFailureStandsAndTheCommuneStillDrawsLessons() {
    ProcessInstance pi = runUntilSelfAssessment(THAI_HUNG, "district");
    complete(task(pi), selfAssessment(16, 16, 16, 16, 16));
    complete(task("Appraisal", pi), appraisal(9, 20, 20, 20, 20));
    assertThat(pi).isWaitingAt("Remediate")
        .variables().containsEntry("ratingLevel", "Không đạt (có tiêu chí dưới 50% điểm tối đa)");
    complete(task(pi), remediation());
    complete(task("SelfAssessment", pi), selfAssessment(16, 16, 16, 16, 16));
    complete(task("Appraisal", pi), appraisal(15, 15, 15, 15, 15));
    assertThat(pi).isWaitingAt("CommuneLessons").hasPassed("RatingOutcome").hasNotPassed("IssueRecognition")
        .variables().containsEntry("passed", false).containsEntry("appraisalRound", 2L);
    complete(task(pi), lessons());
    assertThat(pi).isEnded();
    DeclaredVariables.assertEveryVariableIsDeclared(engine.getProcessEngine());
  }

  @Test
  void badInputIsRefusedAndTheTaskStaysOpenWithNothingWritten() {
    ProcessInstance pi = start(CHI_HOA, "province", "2024-06-30");
    Task draft = task(pi);
    VariableMap incomplete = plan();
    incomplete.remove("planArea3");
    incomplete.put("planArea1", "Nội dung mới");
    assertThatThrownBy(() -> taskService().complete(draft.getId(), incomplete))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("Tiêu chí 3").hasMessageContaining("bắt buộc");
    assertThat(task(pi)).hasId(draft.getId());
    assertThat(runtimeService().getVariable(pi.getId(), "planArea1")).isNull();

    complete(task(pi), plan());
    complete(task(pi), approvePlan());
    VariableMap tooManySigned = launch("2023-09-01");
    tooManySigned.put("staffSigned", 30);
    assertThatThrownBy(() -> taskService().complete(task(pi).getId(), tooManySigned))
        .hasMessageContaining("không được lớn hơn tổng số cán bộ");
    VariableMap wrongType = launch("2023-09-01");
    wrongType.put("staffTotal", "hai mươi");
    assertThatThrownBy(() -> taskService().complete(task(pi).getId(), wrongType))
        .hasMessageContaining("phải là một số");
    VariableMap lateLaunch = launch("2024-07-01");
    assertThatThrownBy(() -> taskService().complete(task(pi).getId(), lateLaunch))
        .hasMessageContaining("phải trước ngày kết thúc");
    assertThat(pi).isWaitingAt("LaunchModel");
  }

  @Test
  void scoresAboveTheSchemeMaximumAreRefused() {
    ProcessInstance pi = runUntilSelfAssessment(CHI_HOA, "province");
    assertThatThrownBy(() -> taskService().complete(task(pi).getId(), selfAssessment(21, 20, 20, 20, 20)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("không được lớn hơn 20");
    assertThat(pi).isWaitingAt("SelfAssessment");
    assertThat(runtimeService().getVariable(pi.getId(), "selfArea1")).isNull();
  }

  @Test
  void reviewWithoutRemarksWhenReturningIsRefused() {
    ProcessInstance pi = start(CHI_HOA, "province", "2024-06-30");
    complete(task(pi), plan());
    assertThatThrownBy(() -> taskService().complete(task(pi).getId(),
        org.camunda.bpm.engine.variable.Variables.createVariables().putValue("planDecision", "return")))
        .hasMessageContaining("Ý kiến của huyện");
    assertThatThrownBy(() -> taskService().complete(task(pi).getId(),
        org.camunda.bpm.engine.variable.Variables.createVariables().putValue("planDecision", "maybe")))
        .hasMessageContaining("không có trong danh sách lựa chọn");
    assertThat(pi).isWaitingAt("ReviewPlan");
  }

  @Test
  void unknownCommuneCannotStart() {
    assertThatThrownBy(() -> start("99999", "district", "2024-06-30"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("99999");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey("commune-pilot", CHI_HOA,
        with(startInput(CHI_HOA, "district", "2024-06-30"), java.util.Map.of("districtCode", "338"))))
        .hasMessageContaining("không thuộc biểu mẫu").hasMessageContaining("«districtCode»");
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("commune-pilot").count())
        .isZero();
  }
}
