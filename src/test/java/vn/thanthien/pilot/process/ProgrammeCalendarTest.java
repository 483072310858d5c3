package vn.thanthien.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processEngine;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static vn.thanthien.pilot.process.CommuneInputs.approvePlan;
import static vn.thanthien.pilot.process.CommuneInputs.interimReport;
import static vn.thanthien.pilot.process.CommuneInputs.launch;
import static vn.thanthien.pilot.process.CommuneInputs.plan;
import static vn.thanthien.pilot.process.CommuneInputs.report;
import static vn.thanthien.pilot.process.DistrictPilotProcessTest.json;
import static vn.thanthien.pilot.process.DistrictPilotProcessTest.selection;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thái Bình's Đề án 08-ĐA/TU on its own calendar: the engine's clock moves from 05/07/2023 to the
 * programme's end, and only the jobs that are due by then run. Hưng Hà takes part with its seven
 * pilots; the reports open on their days, the interim review runs at 9 months (communes, then the
 * district 15 days later, then the province 15 days after that), and the final review opens on
 * 31/12/2025 whatever state the pilots are in; the rest still runs to the programme's end.
 */
@Deployment(resources = {"bpmn/pilot-programme.bpmn", "bpmn/district-pilot.bpmn", "bpmn/commune-pilot.bpmn",
    "bpmn/pilot-rating.dmn", "bpmn/appraisal-level.dmn", "bpmn/task-deadline.dmn", "bpmn/late-work-follow-up.bpmn", "bpmn/late-work-follow-up.form", "bpmn/pilot-programme-start.form",
    "bpmn/pilot-programme-districts.form", "bpmn/pilot-programme-interim-review.form",
    "bpmn/pilot-programme-final-review.form", "bpmn/district-pilot-start.form", "bpmn/district-select-pilots.form",
    "bpmn/district-approve-pilots.form", "bpmn/district-interim-review.form", "bpmn/district-lessons.form",
    "bpmn/district-rollout-plan.form", "bpmn/district-final-report.form", "bpmn/commune-pilot-start.form",
    "bpmn/commune-plan.form", "bpmn/commune-plan-review.form", "bpmn/commune-launch.form",
    "bpmn/commune-report.form", "bpmn/commune-interim-report.form", "bpmn/commune-self-assessment.form",
    "bpmn/commune-appraisal.form", "bpmn/commune-recognition.form", "bpmn/commune-remediation.form",
    "bpmn/commune-lessons.form"})
@ExtendWith(PilotBeans.class)
class ProgrammeCalendarTest {

  static final ZoneId VIETNAM = PilotBeans.TIME.timeZone();
  static final String HUNG_HA = "339";
  static final List<String> PROVINCE_PILOTS = List.of("12646", "12679"); // Tiến Đức, Chí Hòa
  // Thái Hưng, Hòa Bình, Liên Hiệp, Duyên Hải, Dân Chủ
  static final List<String> DISTRICT_PILOTS = List.of("12649", "12655", "12637", "12619", "12598");
  static final String CHI_HOA = "12679";
  static final String DAN_CHU = "12598";

  /** The process test engine, with coverage of the paths this test takes. */
  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder().configurationResource("camunda-process-test.cfg.xml").build();

  /** Every other test runs on the real clock. */
  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void thaiBinhsProgrammeRunsOnItsCalendarFromLaunchToTheFinalReviewAndItsEnd() {
    init(engine.getProcessEngine()); // several engines live in the test JVM: assert on this one
    clockAt("2023-07-05T08:00");
    ProcessInstance programme = runtimeService().startProcessInstanceByKey("pilot-programme", Variables.createVariables()
        .putValue("programmeTitle", "Chính quyền thân thiện vì nhân dân phục vụ").putValue("decisionNumber", "08-ĐA/TU")
        .putValue("decisionDate", "2023-07-05").putValue("periodStart", "2023-07-05").putValue("periodEnd", "2025-12-31")
        .putValue("reportCycle", "P6M").putValue("interimReviewAfter", "P9M"));
    assertThat(programme).variables().containsEntry("interimReviewDate", "05/04/2024")
        .containsEntry("interimReviewAt", at("2024-04-05T07:30")).containsEntry("finalReviewAt", at("2025-12-31T07:30"));
    complete(only("SelectDistricts"), Variables.createVariables()
        .putValue("participatingDistricts", SpinValues.jsonValue(json(List.of(HUNG_HA))).create()));
    ProcessInstance district = runtimeService().createProcessInstanceQuery()
        .superProcessInstanceId(programme.getId()).singleResult();

    clockAt("2023-07-20T09:00");
    List<String> pilots = new java.util.ArrayList<>(PROVINCE_PILOTS);
    pilots.addAll(DISTRICT_PILOTS);
    complete(only("SelectPilots"), selection(pilots, PROVINCE_PILOTS));
    complete(only("ApproveSelection"), Variables.createVariables().putValue("selectionDecision", "approve"));
    assertThat(open("DraftPlan")).hasSize(7);
    open("DraftPlan").forEach(task -> complete(task, plan()));
    open("ReviewPlan").forEach(task -> complete(task, approvePlan()));
    clockAt("2023-09-01T09:00");
    open("LaunchModel").forEach(task -> complete(task, launch("2023-09-01")));

    // the first half-yearly report: not before its day, then for every pilot
    clockAt("2024-02-29T17:00");
    assertThat(open("PeriodicReport")).as("no report before 01/03/2024").isEmpty();
    clockAt("2024-03-01T07:30");
    assertThat(open("PeriodicReport")).hasSize(7);
    fileReports();

    // the communes' interim report: at 9 months, not before
    clockAt("2024-04-04T17:00");
    assertThat(open("InterimReport")).as("no interim report before 05/04/2024").isEmpty();
    clockAt("2024-04-05T07:30");
    assertThat(open("InterimReport")).hasSize(7).allSatisfy(task -> assertThat(task.getDueDate()).isNotNull());
    assertThat(open("DistrictInterimReview")).isEmpty();
    for (Task task : open("InterimReport")) {
      if (!DAN_CHU.equals(businessKeyOf(task))) { // Dân Chủ does not send its interim report
        complete(task, interimReport());
      }
    }

    // the district reviews 15 days later: every pilot's reports and satisfaction, who has not sent
    clockAt("2024-04-19T17:00");
    assertThat(open("DistrictInterimReview")).isEmpty();
    clockAt("2024-04-20T07:30");
    Task districtReview = only("DistrictInterimReview");
    assertThat(districtReview).hasCandidateGroup("district-" + HUNG_HA);
    assertThat(runtimeService().getVariable(district.getId(), "districtInterimSummary").toString())
        .contains("Sơ kết ngày 05/04/2024: 7 xã thí điểm, 6 xã đã gửi báo cáo sơ kết, 1 xã chưa gửi báo cáo sơ kết")
        .contains("#### Xã Chí Hòa (12679), thí điểm của tỉnh")
        .contains("1 báo cáo định kỳ (kỳ 1 đến 01/03/2024: 80% hài lòng); tỷ lệ hài lòng bình quân 80%")
        .contains("#### Xã Tiến Đức (12646), thí điểm của tỉnh")
        .contains("1 báo cáo định kỳ (kỳ 1 đến 01/03/2024: 90% hài lòng)")
        .contains("#### Xã Dân Chủ (12598), thí điểm của huyện\\n\\n- Tình hình: đang ở bước «Báo cáo sơ kết thực hiện mô hình»")
        .contains("- Báo cáo sơ kết: **chưa gửi báo cáo sơ kết**")
        .contains("Trụ sở chưa có khu vực chờ đủ rộng");
    complete(districtReview, Variables.createVariables()
        .putValue("districtInterimConclusion", "Đôn đốc xã Dân Chủ gửi báo cáo sơ kết"));

    // then the province, 15 days after the districts
    clockAt("2024-05-04T17:00");
    assertThat(open("ProvinceInterimReview")).isEmpty();
    clockAt("2024-05-05T07:30");
    Task provinceReview = only("ProvinceInterimReview");
    assertThat(provinceReview).hasCandidateGroup("province-34");
    assertThat(runtimeService().getVariable(programme.getId(), "provinceInterimSummary").toString())
        .contains("Sơ kết toàn tỉnh ngày 05/04/2024: 1 huyện, thành phố; 7 xã thí điểm, 6 xã đã gửi báo cáo sơ kết; "
            + "7 báo cáo định kỳ, tỷ lệ hài lòng bình quân 88,6%")
        .contains("- Xã Dân Chủ (12598), thí điểm của huyện: 1 báo cáo, hài lòng bình quân 90%, **chưa gửi báo cáo sơ kết**")
        .contains("- Trễ hạn: huyện không trễ hạn")
        .contains("- Kết luận sơ kết của huyện: \\n  Đôn đốc xã Dân Chủ gửi báo cáo sơ kết");
    complete(provinceReview, Variables.createVariables()
        .putValue("provinceInterimConclusion", "Tiếp tục thực hiện, chuẩn bị nhân rộng"));

    // the remaining half-yearly reports, each on its day
    for (String day : List.of("2024-09-01", "2025-03-01", "2025-09-01")) {
      clockAt(day + "T07:29");
      assertThat(open("PeriodicReport")).as("before " + day).isEmpty();
      clockAt(day + "T07:30");
      assertThat(open("PeriodicReport")).as(day).hasSize(7);
      fileReports();
    }

    // 31/12/2025: the final review opens although no pilot has finished (their last report is due today)
    clockAt("2025-12-30T17:00");
    assertThat(open("ProvinceFinalReview")).isEmpty();
    clockAt("2025-12-31T07:30");
    Task finalReview = only("ProvinceFinalReview");
    assertThat(programme).isWaitingAt("RunDistricts", "ProvinceFinalReview");
    assertThat(programme).variables().containsEntry("communesTotal", 7L).containsEntry("communesRecognised", 0L)
        .containsEntry("communesUnfinished", 7L).containsEntry("districtsUnfinished", 1L);
    assertThat(runtimeService().getVariable(programme.getId(), "districtResultsSummary").toString())
        .contains("Toàn tỉnh: 0/7 xã được công nhận, 0 xã không được công nhận, 7 xã chưa kết thúc.")
        .contains("#### Huyện Hưng Hà (339): chưa kết thúc — đang thực hiện")
        .contains("- Xã Chí Hòa (12679), thí điểm của tỉnh: **chưa kết thúc")
        // Dân Chủ never sent its interim report: late, and still late, as the final review shows
        .contains("- Xã Dân Chủ (12598), thí điểm của huyện: **chưa kết thúc — đang ở bước "
            + "«Báo cáo sơ kết thực hiện mô hình»")
        .contains("Xã Dân Chủ trễ hạn 2 lần, 1 việc đang quá hạn");
    clockAt("2026-01-15T09:00");
    complete(finalReview, Variables.createVariables().putValue("provinceConclusion", "Tổng kết, nhân rộng toàn tỉnh"));
    assertThat(programme).as("the districts go on after the final review").isWaitingAt("RunDistricts");

    // after the final review the pilots finish: Dân Chủ without ever sending its interim report
    fileReports();
    CommuneWalker walker = new CommuneWalker(processEngine());
    for (ProcessInstance pilot : children(district)) {
      if (DAN_CHU.equals(pilot.getBusinessKey())) {
        finishWithoutInterimReport(pilot);
      } else {
        walker.walk(pilot, 19, 19, 19, 19, 19);
      }
      assertThat(pilot).isEnded();
    }
    runDueJobs();
    assertThat(district).isWaitingAt("DistrictLessons");
    assertThat(runtimeService().getVariable(district.getId(), "pilotResultsSummary").toString())
        .contains("7/7 xã được công nhận").contains("Xã Dân Chủ (12598), thí điểm của huyện: 95 điểm")
        .contains("thẩm định 1 lần; trễ hạn");
    complete(only("DistrictLessons"), Variables.createVariables().putValue("districtLessons", "Người đứng đầu gương mẫu"));
    complete(only("PlanRollout"), Variables.createVariables()
        .putValue("rolloutCommunes", SpinValues.jsonValue(json(List.of("12586", "12589"))).create())
        .putValue("rolloutPeriodEnd", "2026-06-30").putValue("rolloutPlanSummary", "Nhân rộng giai đoạn 1"));
    clockAt("2026-07-01T08:00");
    for (ProcessInstance commune : children(district)) {
      walker.walk(commune, 17, 17, 17, 17, 17);
      assertThat(commune).as("a rollout commune has no interim review").hasPassed("InterimNotForRollout").isEnded();
    }
    runDueJobs();
    complete(only("DistrictFinalReport"), Variables.createVariables().putValue("districtFinalReport", "Hoàn thành"));
    assertThat(district).isEnded();
    runDueJobs();
    assertThat(programme).isEnded().hasPassed("ProvinceInterimEnded", "ProvinceFinalReview", "ProgrammeEnded");
    DeclaredVariables.assertEveryVariableIsDeclared(engine.getProcessEngine());
  }

  /** Every open periodic report filed: Chí Hòa's citizens are 80% satisfied, the others' 90%. */
  private void fileReports() {
    for (Task task : open("PeriodicReport")) {
      VariableMap input = report();
      if (CHI_HOA.equals(businessKeyOf(task))) {
        input.putValue("surveyVerySatisfied", 30).putValue("surveySatisfied", 50).putValue("surveyNeutral", 18);
      }
      complete(task, input);
    }
  }

  /** Plays the commune to its end, leaving its interim report unanswered: the end closes it. */
  private void finishWithoutInterimReport(ProcessInstance commune) {
    for (int step = 0; step < 50; step++) {
      runDueJobs();
      Task task = taskService().createTaskQuery().processInstanceId(commune.getId()).list().stream()
          .filter(t -> !"InterimReport".equals(t.getTaskDefinitionKey())).findFirst().orElse(null);
      if (task == null) {
        return;
      }
      complete(task, CommuneWalker.inputFor(task.getTaskDefinitionKey(), new double[] {19, 19, 19, 19, 19}));
    }
  }

  /** Moves the engine's clock and runs the jobs that are due by then (timers, continuations), as the job executor would. */
  private static void clockAt(String localDateTime) {
    ClockUtil.setCurrentTime(at(localDateTime));
    runDueJobs();
  }

  private static void runDueJobs() {
    for (int run = 0; run < 1000; run++) {
      List<Job> due = managementService().createJobQuery().executable().listPage(0, 1);
      if (due.isEmpty()) {
        return;
      }
      managementService().executeJob(due.get(0).getId());
    }
    throw new IllegalStateException("jobs keep coming");
  }

  private static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(VIETNAM).toInstant());
  }

  private static List<Task> open(String taskKey) {
    return taskService().createTaskQuery().taskDefinitionKey(taskKey).list();
  }

  private static Task only(String taskKey) {
    List<Task> tasks = open(taskKey);
    assertThat(tasks).as(taskKey).hasSize(1);
    return tasks.get(0);
  }

  private static void complete(Task task, Map<String, Object> input) {
    taskService().complete(task.getId(), input);
  }

  private static String businessKeyOf(Task task) {
    return runtimeService().createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .singleResult().getBusinessKey();
  }

  private static List<ProcessInstance> children(ProcessInstance parent) {
    return runtimeService().createProcessInstanceQuery().superProcessInstanceId(parent.getId()).list();
  }
}
