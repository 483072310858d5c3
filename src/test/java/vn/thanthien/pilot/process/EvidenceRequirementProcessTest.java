package vn.thanthien.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static vn.thanthien.pilot.process.CommuneInputs.*;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The steps that cannot be judged without files (the plan, the launch, the self-assessment per
 * criterion) refuse an official's completion until the files are there, in Vietnamese and keeping
 * nothing of the submission; with them, the step completes as before.
 */
@Deployment(resources = {"bpmn/commune-pilot.bpmn", "bpmn/pilot-rating.dmn", "bpmn/appraisal-level.dmn", "bpmn/task-deadline.dmn",
    "bpmn/commune-pilot-start.form", "bpmn/commune-plan.form", "bpmn/commune-plan-review.form",
    "bpmn/commune-launch.form", "bpmn/commune-report.form", "bpmn/commune-self-assessment.form",
    "bpmn/commune-appraisal.form", "bpmn/commune-recognition.form", "bpmn/commune-remediation.form",
    "bpmn/commune-lessons.form", "bpmn/commune-interim-report.form"})
@ExtendWith(PilotBeans.class)
class EvidenceRequirementProcessTest {

  static final String CHI_HOA = "12679";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-process-test.cfg.xml")
      .build();

  ProcessEngine processEngine;

  @BeforeEach
  void asTheCommunesOfficial() {
    init(engine.getProcessEngine());
    processEngine = engine.getProcessEngine();
    processEngine.getIdentityService().setAuthentication("xa" + CHI_HOA, List.of("commune-" + CHI_HOA));
  }

  @AfterEach
  void loggedOut() {
    processEngine.getIdentityService().clearAuthentication();
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey("commune-pilot", CHI_HOA,
        startInput(CHI_HOA, "province", "2024-06-30"));
  }

  private static void refused(Task task, VariableMap input, String... named) {
    assertThatThrownBy(() -> taskService().complete(task.getId(), input))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageStartingWith("Chưa có minh chứng")
        .hasMessageContaining("thẻ «Minh chứng»")
        .hasMessageContaining("Chưa có gì được lưu")
        .satisfies(e -> assertThat(e.getMessage()).contains(named));
    // nothing of the submission was kept: the task is still open, its fields unset
    assertThat(taskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }

  private static void attachAndComplete(Task task, VariableMap input) {
    AttachedEvidence.attach(task.getId(), null);
    taskService().complete(task.getId(), input);
  }

  @Test
  void thePlanIsRefusedWithoutTheSignedPlanAndAcceptedWithIt() {
    ProcessInstance pi = start();
    Task plan = task("DraftPlan", pi);
    refused(plan, plan(), "«Kế hoạch thực hiện mô hình đã ký");
    assertThat(runtimeService().getVariable(pi.getId(), "planArea1")).isNull();

    AttachedEvidence.attach(plan.getId(), null);
    taskService().complete(plan.getId(), plan());
    assertThat(pi).isWaitingAt("ReviewPlan");
  }

  @Test
  void aPlanSentBackNeedsItsRevisedFiles() {
    ProcessInstance pi = start();
    attachAndComplete(task("DraftPlan", pi), plan());
    // the district's review requires nothing
    taskService().complete(task("ReviewPlan", pi).getId(), returnPlan("Bổ sung tiến độ"));
    Task again = task("DraftPlan", pi);
    refused(again, plan(), "Kế hoạch thực hiện mô hình đã ký");
    attachAndComplete(again, plan());
    assertThat(pi).isWaitingAt("ReviewPlan");
  }

  @Test
  void theLaunchIsRefusedWithoutPhotosOrSignedCommitments() {
    ProcessInstance pi = start();
    attachAndComplete(task("DraftPlan", pi), plan());
    taskService().complete(task("ReviewPlan", pi).getId(), approvePlan());
    Task launch = task("LaunchModel", pi);
    refused(launch, launch("2023-09-01"), "Ảnh buổi ra mắt mô hình", "bản cam kết đã ký");
    attachAndComplete(launch, launch("2023-09-01"));
    assertThat(pi).isWaitingAt("ReportDue");
  }

  @Test
  void theSelfAssessmentNeedsFilesForEveryCriterionAndNamesTheMissingOnes() {
    ProcessInstance pi = start();
    attachAndComplete(task("DraftPlan", pi), plan());
    taskService().complete(task("ReviewPlan", pi).getId(), approvePlan());
    attachAndComplete(task("LaunchModel", pi), launch("2023-09-01"));
    for (int report = 1; report <= 2; report++) {
      execute(job("ReportDue", pi));
      // periodic reports expect files but do not require them
      taskService().complete(task("PeriodicReport", pi).getId(), report());
    }
    Task self = task("SelfAssessment", pi);
    VariableMap scores = selfAssessment(18, 17, 18, 19, 16);
    // files without a criterion do not stand for any criterion
    AttachedEvidence.attach(self.getId(), null);
    AttachedEvidence.attach(self.getId(), "tieu-chi-1");
    AttachedEvidence.attach(self.getId(), "tieu-chi-3");
    AttachedEvidence.attach(self.getId(), "tieu-chi-4");
    refused(self, scores, "«Tiêu chí 2 — Chính quyền thân thiện, trách nhiệm»",
        "«Tiêu chí 5 — Trụ sở khang trang, văn minh, sáng, xanh, sạch, đẹp»");
    assertThatThrownBy(() -> taskService().complete(self.getId(), scores))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Tiêu chí 1", "Tiêu chí 3", "Tiêu chí 4"));

    AttachedEvidence.attach(self.getId(), "tieu-chi-2");
    AttachedEvidence.attach(self.getId(), "tieu-chi-5");
    taskService().complete(self.getId(), scores);
    assertThat(pi).isWaitingAt("Appraisal");
  }

  @Test
  void theApplicationsOwnCodeIsNotHeldToIt() {
    processEngine.getIdentityService().clearAuthentication();
    ProcessInstance pi = start();
    taskService().complete(task("DraftPlan", pi).getId(), plan());
    assertThat(pi).isWaitingAt("ReviewPlan");
  }
}
