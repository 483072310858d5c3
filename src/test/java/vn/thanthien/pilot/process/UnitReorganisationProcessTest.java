package vn.thanthien.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.thanthien.pilot.forms.DisplayText;

/**
 * The administrator's reorganisation of units: start form, preview, confirmation by
 * {@code camunda-admin}, then either the move (an async continuation, so that a failure becomes
 * an incident) or nothing at all. The delegates {@code reorganisationPreview} and
 * {@code reorganisationApply} are stand-ins registered for this test only; they write the derived
 * variables of the contract with the types the real ones must write.
 */
@Deployment(resources = {"bpmn/unit-reorganisation.bpmn", "bpmn/unit-reorganisation-start.form",
    "bpmn/unit-reorganisation-confirm.form"})
class UnitReorganisationProcessTest {

  static final String PROCESS = "unit-reorganisation";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-process-test.cfg.xml")
      .assertClassCoverageAtLeast(1.0)
      .build();

  /** Activities the stand-ins ran, in order. */
  final List<String> ran = new ArrayList<>();
  /** When set, the stand-in of the move fails with it. */
  RuntimeException applyFails;

  @BeforeEach
  void standIns() {
    init(engine.getProcessEngine());
    JavaDelegate preview = execution -> {
      ran.add("preview " + execution.getVariable("mappingId"));
      execution.setVariable("effectiveDate", "01/11/2024");
      execution.setVariable("mappingName", "Sáp nhập xã, thị trấn từ 01/11/2024");
      execution.setVariable("reorganisationPreview",
          DisplayText.longText("- Xã Dân Chủ (mã 12598), Xã Hùng Dũng (mã 12607) → Xã Quang Trung (mã 12589)\n"
              .repeat(200)));
      execution.setVariable("movesCount", 2L);
      execution.setVariable("alreadyApplied", Boolean.FALSE);
    };
    JavaDelegate apply = execution -> {
      if (applyFails != null) {
        throw applyFails;
      }
      ran.add("apply");
      execution.setVariable("reorganisationResult", DisplayText.longText("Đã chuyển 2 xã sang Xã Quang Trung."));
      execution.setVariable("movedCount", 2L);
    };
    Mocks.register("reorganisationPreview", preview);
    Mocks.register("reorganisationApply", apply);
  }

  @AfterEach
  void noStandInsLeft() {
    Mocks.reset();
  }

  @Test
  void theModelIsStartedByAdministratorsAndMovesInABackgroundStep() {
    var model = repositoryService().getBpmnModelInstance(repositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS).latestVersion().singleResult().getId());
    Process process = model.getModelElementById(PROCESS);
    assertThat(process.getCamundaCandidateStarterGroups()).isEqualTo("camunda-admin");
    assertThat(process.isCamundaStartableInTasklist()).isTrue();
    ServiceTask apply = model.getModelElementById("ApplyReorganisation");
    assertThat(apply.isCamundaAsyncBefore()).as("a failure of the move becomes an incident").isTrue();
    assertThat(apply.getCamundaDelegateExpression()).isEqualTo("${reorganisationApply}");
    ServiceTask preview = model.getModelElementById("PreviewReorganisation");
    assertThat(preview.isCamundaAsyncBefore()).as("the preview answers the start at once").isFalse();
    assertThat(preview.getCamundaDelegateExpression()).isEqualTo("${reorganisationPreview}");
    UserTask confirm = model.getModelElementById("ConfirmReorganisation");
    assertThat(confirm.getCamundaCandidateGroups()).isEqualTo("camunda-admin");
  }

  @Test
  void appliedAfterTheAdministratorConfirmsAndOnlyThen() {
    ProcessInstance pi = started();
    assertThat(pi).isWaitingAt("ConfirmReorganisation").hasPassed("PreviewReorganisation");
    assertThat(ran).containsExactly("preview 2024-11-01");
    Task confirm = task("ConfirmReorganisation", pi);
    assertThat(confirm).hasName("Xem trước và xác nhận sắp xếp").hasCandidateGroup("camunda-admin")
        .isNotAssigned();
    assertThat(pi).variables()
        .containsEntry("resolutionNumber", "1201/NQ-UBTVQH15")
        .containsEntry("effectiveDate", "01/11/2024")
        .containsEntry("movesCount", 2L)
        .containsEntry("alreadyApplied", false)
        .containsKey("reorganisationPreview")
        .doesNotContainKeys("reorganisationResult", "movedCount");

    complete(confirm, Map.of("reorganisationDecision", "apply"));
    assertThat(pi).as("the move waits for the job executor, outside the administrator's request")
        .isWaitingAt("ApplyReorganisation");
    assertThat(ran).containsExactly("preview 2024-11-01");
    Job move = job("ApplyReorganisation", pi);
    assertThat(move).isNotNull();

    execute(move);
    assertThat(ran).containsExactly("preview 2024-11-01", "apply");
    assertThat(pi).isEnded().hasPassedInOrder("StartReorganisation", "PreviewReorganisation",
        "ConfirmReorganisation", "ReorganisationDecision", "ApplyReorganisation", "ReorganisationApplied")
        .hasNotPassed("ReorganisationCancelled");
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("movedCount").singleResult().getValue()).isEqualTo(2L);
    DeclaredVariables.assertEveryVariableIsDeclared(engine.getProcessEngine());
  }

  @Test
  void cancelledChangesNothing() {
    ProcessInstance pi = started();
    complete(task("ConfirmReorganisation", pi), Map.of("reorganisationDecision", "cancel"));
    assertThat(pi).isEnded().hasPassed("ReorganisationCancelled")
        .hasNotPassed("ApplyReorganisation", "ReorganisationApplied");
    assertThat(ran).as("the move never ran").containsExactly("preview 2024-11-01");
    assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    DeclaredVariables.assertEveryVariableIsDeclared(engine.getProcessEngine());
  }

  @Test
  void aMoveThatKeepsFailingBecomesAnIncidentAndARetryContinues() {
    ProcessInstance pi = started();
    complete(task("ConfirmReorganisation", pi), Map.of("reorganisationDecision", "apply"));
    applyFails = new IllegalStateException("đơn vị không có trong danh sách");
    Job move = job("ApplyReorganisation", pi);
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> managementService().executeJob(move.getId()));
    }
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident).as("after the engine's retries").isNotNull();
    assertThat(incident.getActivityId()).isEqualTo("ApplyReorganisation");
    assertThat(incident.getIncidentMessage()).contains("Chuyển hồ sơ, công việc sang đơn vị mới");
    assertThat(pi).isWaitingAt("ApplyReorganisation");

    applyFails = null;
    managementService().setJobRetries(move.getId(), 1);
    execute(job("ApplyReorganisation", pi));
    assertThat(pi).isEnded().hasPassed("ReorganisationApplied");
  }

  @Test
  void theStartTakesTheFormsFieldsAndOptionsOnly() {
    VariableMap otherMapping = startInput().putValue("mappingId", "2026-01-01");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PROCESS, otherMapping))
        .isInstanceOf(FormFieldValidationException.class);
    VariableMap derivedFromTheRequest = startInput().putValue("alreadyApplied", true);
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PROCESS, derivedFromTheRequest))
        .hasMessageContaining("alreadyApplied");
    VariableMap noNumber = startInput();
    noNumber.remove("resolutionNumber");
    assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(PROCESS, noNumber))
        .isInstanceOf(FormFieldValidationException.class);
    assertThat(ran).as("nothing was previewed").isEmpty();
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();
  }

  /** The start form as the administrator fills it in for the November 2024 mergers. */
  static VariableMap startInput() {
    return Variables.createVariables()
        .putValue("resolutionNumber", "1201/NQ-UBTVQH15")
        .putValue("resolutionDate", "2024-09-24")
        .putValue("mappingId", "2024-11-01");
  }

  private static ProcessInstance started() {
    return runtimeService().startProcessInstanceByKey(PROCESS, startInput());
  }
}
