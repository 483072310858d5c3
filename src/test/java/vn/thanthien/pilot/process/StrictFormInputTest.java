package vn.thanthien.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.Date;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dates exactly as the date picker submits them, no invisible characters in text, and no String
 * longer than Camunda can store: each refused with a Vietnamese message naming the field.
 */
@Deployment(resources = {"bpmn/commune-pilot.bpmn", "bpmn/pilot-rating.dmn", "bpmn/appraisal-level.dmn", "bpmn/task-deadline.dmn",
    "bpmn/commune-pilot-start.form", "bpmn/commune-plan.form", "bpmn/commune-plan-review.form",
    "bpmn/commune-launch.form", "bpmn/commune-report.form", "bpmn/commune-self-assessment.form",
    "bpmn/commune-appraisal.form", "bpmn/commune-recognition.form", "bpmn/commune-remediation.form",
    "bpmn/commune-lessons.form", "bpmn/commune-interim-report.form"})
@ExtendWith(PilotBeans.class)
class StrictFormInputTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-process-test.cfg.xml")
      .build();

  @BeforeEach
  void assertOnThisEngine() {
    init(engine.getProcessEngine());
  }

  private static ProcessInstance atDraftPlan() {
    return runtimeService().startProcessInstanceByKey("commune-pilot", "12679",
        CommuneInputs.startInput("12679", "province", "2025-12-31"));
  }

  private static void refused(ProcessInstance pi, VariableMap input, String... fragments) {
    String taskId = task(pi).getId();
    var refusal = assertThatThrownBy(() -> taskService().complete(taskId, input))
        .isInstanceOf(FormFieldValidationException.class);
    for (String fragment : fragments) {
      refusal.hasMessageContaining(fragment);
    }
    assertThat(task(pi).getId()).as("the task stays open").isEqualTo(taskId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2023-09-01junk", "2023-09-01T00:00:00", "2023-09-01 ", " 2023-09-01",
      "2023-9-1", "01/09/2023", "2023-02-30", "+2023-09-01", "２０２３-09-01", "2023-09-01\n"})
  void onlyTheDatePickersFormatIsADate(String date) {
    ProcessInstance pi = atDraftPlan();
    refused(pi, CommuneInputs.plan().putValue("plannedLaunchDate", date),
        "«Ngày dự kiến ra mắt mô hình» phải là một ngày hợp lệ");
    assertThat(runtimeService().getVariable(pi.getId(), "plannedLaunchDate")).isNull();
  }

  @Test
  void aDateObjectIsNotWhatTheFormSubmits() {
    ProcessInstance pi = atDraftPlan();
    refused(pi, CommuneInputs.plan().putValue("plannedLaunchDate", new Date()), "phải là một ngày hợp lệ");
    complete(task(pi), CommuneInputs.plan().putValue("plannedLaunchDate", "2023-09-01"));
    assertThat(pi).isWaitingAt("ReviewPlan").variables().containsEntry("plannedLaunchDate", "2023-09-01");
  }

  @Test
  void invisibleCharactersAreRefusedWithTheFieldsLabel() {
    ProcessInstance pi = atDraftPlan();
    refused(pi, CommuneInputs.plan().putValue("planArea2", "Thân thiện\u0007 với dân"),
        "«Tiêu chí 2 — Chính quyền thân thiện, trách nhiệm» chứa ký tự điều khiển không nhìn thấy (U+0007)"
            + " ở vị trí thứ 11");
    refused(pi, CommuneInputs.plan().putValue("planArea1", "a\u0085b"), "(U+0085)");
    refused(pi, CommuneInputs.plan().putValue("planArea1", "a\u202Eb"), "(U+202E)");
    refused(pi, CommuneInputs.plan().putValue("planArea1", "a\u0000"), "(U+0000)");
    refused(pi, CommuneInputs.plan().putValue("planArea1", "a\uD800b"), "ký tự không hợp lệ (U+D800)");
    refused(pi, CommuneInputs.plan().putValue("planArea1", "a\uDC00"), "ký tự không hợp lệ (U+DC00)");
    refused(pi, CommuneInputs.plan().putValue("planArea1", "a\uFFFE"), "ký tự không hợp lệ (U+FFFE)");
    refused(pi, CommuneInputs.plan().putValue("planArea1", "a\uD83F\uDFFF"), "ký tự không hợp lệ (U+1FFFF)");
    // a single-line field takes no line break or tab at all
    refused(pi, CommuneInputs.plan().putValue("planResponsible", "Chủ tịch\nUBND xã"),
        "«Người chịu trách nhiệm chính» chỉ được nhập trên một dòng", "(U+000A)");
    refused(pi, CommuneInputs.plan().putValue("planResponsible", "Chủ tịch\tUBND xã"), "(U+0009)");

    // a textarea keeps its lines and tabs; emoji and Vietnamese are text
    complete(task(pi), CommuneInputs.plan()
        .putValue("planArea1", "Dòng 1\r\nDòng 2\n\tthụt đầu dòng 😀"));
    assertThat(pi).isWaitingAt("ReviewPlan");
  }

  @Test
  void textLongerThanTheDatabaseCanKeepIsRefusedNotAnError() {
    ProcessInstance pi = atDraftPlan();
    // 2,001 emoji: 2,001 characters for the form's maxLength, 4,002 for the database's column
    String emoji = "😀".repeat(2001);
    refused(pi, CommuneInputs.plan().putValue("planArea3", emoji),
        "«Tiêu chí 3 — Cán bộ, công chức, người hoạt động không chuyên trách thân thiện, trách nhiệm, tận tụy»"
            + " quá dài: chỉ lưu được tối đa 4000 ký tự, văn bản đã nhập có 4002 ký tự");
    // a value the form does not even have is refused by the variable contract, long or not
    refused(pi, CommuneInputs.plan().putValue("notInTheForm", "x".repeat(4001)), "«notInTheForm»");
    // exactly 4,000 is kept
    complete(task(pi), CommuneInputs.plan().putValue("planArea3", "😀".repeat(2000)));
    assertThat(pi).isWaitingAt("ReviewPlan");
  }
}
