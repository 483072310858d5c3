package vn.thanthien.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.thanthien.pilot.district.CommuneResultsCollector;

/**
 * A step that fails for good raises an incident a manager can act on: in Vietnamese, naming the
 * step and the unit and saying what to do; retrying once the cause is gone continues the work.
 */
@Deployment(resources = {"bpmn/district-pilot.bpmn", "bpmn/commune-pilot.bpmn", "bpmn/pilot-rating.dmn",
    "bpmn/appraisal-level.dmn", "bpmn/task-deadline.dmn", "bpmn/district-pilot-start.form", "bpmn/district-select-pilots.form",
    "bpmn/district-approve-pilots.form", "bpmn/district-lessons.form", "bpmn/district-rollout-plan.form",
    "bpmn/district-final-report.form", "bpmn/district-interim-review.form", "bpmn/commune-pilot-start.form", "bpmn/commune-plan.form",
    "bpmn/commune-plan-review.form", "bpmn/commune-launch.form", "bpmn/commune-report.form",
    "bpmn/commune-self-assessment.form", "bpmn/commune-appraisal.form", "bpmn/commune-recognition.form",
    "bpmn/commune-remediation.form", "bpmn/commune-lessons.form", "bpmn/commune-interim-report.form"})
@ExtendWith(PilotBeans.class)
class FailedStepIncidentTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-process-test.cfg.xml")
      .build();

  /** The real collector behind a switch that makes it fail as a too-long value did. */
  static final class BreakableCollector implements JavaDelegate {
    volatile boolean broken = true;
    private final CommuneResultsCollector real = new CommuneResultsCollector();

    @Override
    public void execute(DelegateExecution execution) throws Exception {
      if (broken) {
        throw new IllegalStateException("Value too long for column \"TEXT_ CHARACTER VARYING(4000)\"");
      }
      real.execute(execution);
    }
  }

  final BreakableCollector collector = new BreakableCollector();

  @BeforeEach
  void setUp() {
    init(engine.getProcessEngine());
    Mocks.register("communeResultsCollector", collector);
  }

  @Test
  void aFailedStepSaysInVietnameseWhatFailedForWhichUnitAndRetryContinues() {
    ProcessInstance district = runtimeService().startProcessInstanceByKey("district-pilot", "339",
        Variables.createVariables().putValue("districtCode", "339").putValue("periodEnd", "2024-06-30")
            .putValue("reportCycle", "P6M"));
    complete(task(district), DistrictPilotProcessTest.selection(List.of("12679"), List.of("12679")));
    complete(task(district), Variables.createVariables().putValue("selectionDecision", "approve"));
    ProcessInstance pilot = runtimeService().createProcessInstanceQuery()
        .superProcessInstanceId(district.getId()).singleResult();
    new CommuneWalker(processEngine()).walk(pilot, 19, 19, 19, 19, 19);

    Job join = managementService().createJobQuery().processInstanceId(district.getId()).messages().singleResult();
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> managementService().executeJob(join.getId())).hasMessageContaining("Value too long");
    }
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(district.getId()).singleResult();
    assertThat(incident.getIncidentMessage())
        .startsWith("Bước «Tổng hợp kết quả thí điểm» của Huyện Hưng Hà (mã 339) không thực hiện được")
        .contains("dữ liệu đã nhập không bị mất")
        .contains("một giá trị quá lớn để lưu vào cơ sở dữ liệu")
        .contains("bấm «Thử lại» (Retry) trong «Theo dõi quy trình»")
        .doesNotContain("Value too long");
    assertThat(managementService().getJobExceptionStacktrace(join.getId()))
        .as("the technical cause stays with the job").contains("Value too long");

    collector.broken = false;
    managementService().setJobRetries(join.getId(), 1); // Cockpit's "Retry"
    managementService().executeJob(join.getId());
    assertThat(runtimeService().createIncidentQuery().processInstanceId(district.getId()).count()).isZero();
    assertThat(district).isWaitingAt("DistrictLessons").variables().containsEntry("pilotPassedCount", 1L);
  }
}
