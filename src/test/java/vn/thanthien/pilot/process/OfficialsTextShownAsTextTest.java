package vn.thanthien.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static vn.thanthien.pilot.process.CommuneInputs.*;

import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A commune's lessons reach the district's summary escaped: a tag, a link, emphasis or a heading
 * typed by a commune official shows as typed and does nothing. Long lessons of many communes do
 * not hit the 4,000-character limit of a String variable.
 */
@Deployment(resources = {"bpmn/district-pilot.bpmn", "bpmn/commune-pilot.bpmn", "bpmn/pilot-rating.dmn",
    "bpmn/appraisal-level.dmn", "bpmn/task-deadline.dmn", "bpmn/district-pilot-start.form", "bpmn/district-select-pilots.form",
    "bpmn/district-approve-pilots.form", "bpmn/district-lessons.form", "bpmn/district-rollout-plan.form",
    "bpmn/district-final-report.form", "bpmn/district-interim-review.form", "bpmn/commune-pilot-start.form", "bpmn/commune-plan.form",
    "bpmn/commune-plan-review.form", "bpmn/commune-launch.form", "bpmn/commune-report.form",
    "bpmn/commune-self-assessment.form", "bpmn/commune-appraisal.form", "bpmn/commune-recognition.form",
    "bpmn/commune-remediation.form", "bpmn/commune-lessons.form", "bpmn/commune-interim-report.form"})
@ExtendWith(PilotBeans.class)
class OfficialsTextShownAsTextTest {

  static final String HOSTILE = "<img src=x onerror=alert(1)> [link](http://example.invalid)\n"
      + "**bold** # heading";

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-process-test.cfg.xml")
      .build();

  @BeforeEach
  void assertOnThisEngine() {
    init(engine.getProcessEngine());
  }

  @Test
  void lessonsInTheDistrictSummaryAreEscapedAndLongOnesFit() {
    ProcessInstance district = runtimeService().startProcessInstanceByKey("district-pilot", "339",
        Variables.createVariables().putValue("districtCode", "339")
            .putValue("periodEnd", "2024-06-30").putValue("reportCycle", "P6M"));
    List<String> pilots = List.of("12679", "12646", "12649");
    complete(task(district), DistrictPilotProcessTest.selection(pilots, List.of("12679")));
    complete(task(district), Variables.createVariables().putValue("selectionDecision", "approve"));
    String longLessons = "Bài học dài. ".repeat(300); // 3,900 characters
    for (ProcessInstance commune : runtimeService().createProcessInstanceQuery()
        .superProcessInstanceId(district.getId()).list()) {
      walk(commune.getId(), "12679".equals(commune.getBusinessKey()) ? HOSTILE : longLessons);
    }
    for (Job job : managementService().createJobQuery().processInstanceId(district.getId()).messages().list()) {
      managementService().executeJob(job.getId());
    }

    assertThat(district).isWaitingAt("DistrictLessons");
    Object summary = runtimeService().getVariable(district.getId(), "pilotResultsSummary");
    assertThat(summary).isInstanceOf(SpinJsonNode.class);
    String text = ((SpinJsonNode) summary).stringValue();
    assertThat(text.length()).isGreaterThan(4000);
    assertThat(text)
        .contains("- Xã Chí Hòa (12679), thí điểm của tỉnh: 100 điểm")
        .contains("Bài học: \n  \\<img src\\=x onerror\\=alert\\(1\\)\\> "
            + "\\[link\\]\\(http\\:\\/\\/example\\.invalid\\)\n  \\*\\*bold\\*\\* \\# heading\n")
        .doesNotContainPattern("[^\\\\]<img").doesNotContain("](http").doesNotContain("**bold**");
  }

  /** Plays one commune to its end, with the given lessons. */
  private static void walk(String communeId, String communeLessons) {
    for (int step = 0; step < 100; step++) {
      for (Job timer : managementService().createJobQuery().processInstanceId(communeId).list()) {
        managementService().executeJob(timer.getId());
      }
      // the interim report (its timer has just run) is answered before the commune's own step
      Task task = taskService().createTaskQuery().processInstanceId(communeId).list().stream()
          .min(Comparator.comparing(open -> !"InterimReport".equals(open.getTaskDefinitionKey()))).orElse(null);
      if (task == null) {
        return;
      }
      VariableMap input = switch (task.getTaskDefinitionKey()) {
        case "InterimReport" -> interimReport();
        case "DraftPlan" -> plan();
        case "ReviewPlan" -> approvePlan();
        case "LaunchModel" -> launch("2023-09-01");
        case "PeriodicReport" -> report();
        case "SelfAssessment" -> selfAssessment(20, 20, 20, 20, 20);
        case "Appraisal" -> appraisal(20, 20, 20, 20, 20);
        case "IssueRecognition" -> recognition();
        case "CommuneLessons" -> Variables.createVariables().putValue("communeLessons", communeLessons);
        default -> throw new IllegalStateException(task.getTaskDefinitionKey());
      };
      taskService().complete(task.getId(), input);
    }
  }
}
