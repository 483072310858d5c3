package vn.thanthien.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static vn.thanthien.pilot.process.CommuneInputs.approvePlan;
import static vn.thanthien.pilot.process.CommuneInputs.launch;
import static vn.thanthien.pilot.process.CommuneInputs.plan;
import static vn.thanthien.pilot.process.CommuneInputs.report;
import static vn.thanthien.pilot.process.CommuneInputs.startInput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.thanthien.pilot.calendar.LateWorkJobHandler;
import vn.thanthien.pilot.reporting.Lateness;

/**
 * The calendar of one pilot with the clock moved as in real life (Vietnam's time): due dates from
 * the task-deadline table, the reminder date, a missed report that raises Hưng Hà's follow-up
 * "Đôn đốc …" and the follow-up that disappears when Chí Hòa reports; a follow-up re-offered
 * after a week; a province's own late work; a table a province changed without Java.
 */
@Deployment(resources = {"bpmn/commune-pilot.bpmn", "bpmn/late-work-follow-up.bpmn", "bpmn/pilot-rating.dmn",
    "bpmn/appraisal-level.dmn", "bpmn/task-deadline.dmn", "bpmn/late-work-follow-up.form",
    "bpmn/commune-pilot-start.form", "bpmn/commune-plan.form", "bpmn/commune-plan-review.form",
    "bpmn/commune-launch.form", "bpmn/commune-report.form", "bpmn/commune-self-assessment.form",
    "bpmn/commune-appraisal.form", "bpmn/commune-recognition.form", "bpmn/commune-remediation.form",
    "bpmn/commune-lessons.form"})
@ExtendWith(PilotBeans.class)
class LateWorkProcessTest {

  static final String CHI_HOA = "12679";
  static final String TIEN_DUC = "12646";
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .configurationResource("camunda-process-test.cfg.xml")
      .excludeProcessDefinitionKeys("commune-pilot")
      .assertClassCoverageAtLeast(0.9)
      .build();

  @BeforeEach
  void assertOnThisEngine() {
    init(engine.getProcessEngine());
  }

  @AfterEach
  void realClock() {
    ClockUtil.reset();
  }

  @Test
  void aMissedReportRaisesHungHasFollowUpWhichEndsWhenChiHoaReports() {
    ProcessInstance pilot = launchedOn(CHI_HOA, "2023-09-01");
    clock("2024-02-29T12:00");
    runDueJobs();
    assertThat(pilot).as("the half-yearly report is not offered before its day").isWaitingAt("ReportDue");

    clock("2024-03-01T08:00");
    runDueJobs();
    Task report = task("PeriodicReport", pilot);
    assertThat(report.getDueDate()).as("15 days after the period's end, at 17:00").isEqualTo(at("2024-03-16T17:00"));
    assertThat(report.getFollowUpDate()).as("reminded 3 days before").isEqualTo(at("2024-03-13T07:30"));

    clock("2024-03-16T16:59");
    runDueJobs();
    assertThat(followUps(CHI_HOA)).as("not late before 17:00 on the due day").isEmpty();

    clock("2024-03-17T08:00");
    runDueJobs();
    ProcessInstance followUp = followUps(CHI_HOA).get(0);
    Task followUpTask = taskService().createTaskQuery().processInstanceId(followUp.getId()).singleResult();
    assertThat(followUpTask.getName()).isEqualTo("Đôn đốc UBND xã Chí Hòa: Báo cáo định kỳ, khảo sát sự hài lòng");
    assertThat(followUpTask).hasCandidateGroup("district-339");
    assertThat(followUp).variables()
        .containsEntry("lateDueText", "16/03/2024")
        .containsEntry("lateUnitName", "UBND xã Chí Hòa")
        .containsEntry("lateConcerning", "Thực hiện mô hình tại xã — Xã Chí Hòa (mã 12679)")
        .containsEntry("followUpUnitName", "UBND huyện Hưng Hà")
        .containsEntry(Lateness.ROOT_VARIABLE, pilot.getId());
    assertThat(taskService().createTaskQuery().taskId(report.getId()).count())
        .as("the commune's own task is not cancelled").isEqualTo(1);
    assertThat(Lateness.perUnit(historyService(), pilot.getId()).get(CHI_HOA))
        .isEqualTo(new Lateness.Unit(CHI_HOA, 1, 1, at("2024-03-17T08:00")));

    complete(report, report());

    assertThat(followUp).as("gone by itself when the report is done").isEnded();
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(followUp.getId())
        .activityId("EndedWhileFollowingUp").count()).isEqualTo(1);
    assertThat(taskService().createTaskQuery().processInstanceId(followUp.getId()).count()).isZero();
    assertThat(Lateness.perUnit(historyService(), pilot.getId()).get(CHI_HOA))
        .as("counted, no longer open").isEqualTo(new Lateness.Unit(CHI_HOA, 1, 0, null));
    assertThat(Lateness.describe(Lateness.perUnit(historyService(), pilot.getId()).get(CHI_HOA)))
        .isEqualTo("trễ hạn 1 lần");
    assertThat(calendarTimers(pilot)).as("the done task's timers are gone").isEmpty();
  }

  @Test
  void aFollowUpTheDistrictHasActedOnIsOfferedAgainAfterAWeekUntilTheCommuneIsDone() {
    ProcessInstance pilot = launchedOn(TIEN_DUC, "2023-09-01");
    clock("2024-03-01T08:00");
    runDueJobs();
    Task report = task("PeriodicReport", pilot);
    clock("2024-03-17T08:00");
    runDueJobs();
    ProcessInstance followUp = followUps(TIEN_DUC).get(0);
    complete(taskService().createTaskQuery().processInstanceId(followUp.getId()).singleResult(),
        Map.of("followUpNote", "Đã gọi điện cho Chủ tịch UBND xã Tiến Đức ngày 17/03/2024."));
    assertThat(followUp).isWaitingAt("AwaitDone");

    clock("2024-03-24T09:00");
    runDueJobs();
    assertThat(followUp).as("still late a week later: offered again").isWaitingAt("FollowUpLateWork");
    complete(taskService().createTaskQuery().processInstanceId(followUp.getId()).singleResult(),
        Map.of("followUpNote", "Đã làm việc trực tiếp với xã ngày 24/03/2024."));

    complete(report, report());
    assertThat(followUp).isEnded();
    assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(followUp.getId())
        .activityId("EndedAfterFollowUp").count()).isEqualTo(1);
    assertThat(Lateness.perUnit(historyService(), pilot.getId()).get(TIEN_DUC).times()).isEqualTo(1);
  }

  @Test
  void workDoneOnTimeIsNeverFollowedUpAndATimerRunEarlyWaitsForItsTime() {
    clock("2023-08-01T09:00");
    ProcessInstance pilot = runtimeService().startProcessInstanceByKey("commune-pilot", CHI_HOA,
        startInput(CHI_HOA, "province", "2025-12-31"));
    Task draftPlan = task("DraftPlan", pilot);
    assertThat(draftPlan.getDueDate()).as("30 days from the day it is offered").isEqualTo(at("2023-08-31T17:00"));
    List<Job> timers = calendarTimers(pilot);
    assertThat(timers).hasSize(2);
    timers.forEach(job -> managementService().executeJob(job.getId()));
    assertThat(calendarTimers(pilot)).as("an early run stores them again for their time").hasSize(2);
    assertThat(followUps(CHI_HOA)).isEmpty();

    complete(draftPlan, plan());
    String review = task("ReviewPlan", pilot).getId();
    assertThat(calendarTimers(pilot)).as("the plan's timers went with it; the review has its own").hasSize(2)
        .allMatch(job -> ((JobEntity) job).getJobHandlerConfigurationRaw().contains(" " + review + " "));
    clock("2023-12-31T09:00");
    runDueJobs();
    assertThat(followUps(CHI_HOA)).as("the plan was on time").isEmpty();
    assertThat(followUps("339")).as("the district's late review goes to the province").hasSize(1);
    assertThat(taskService().createTaskQuery().processInstanceId(followUps("339").get(0).getId()).singleResult())
        .hasCandidateGroup("province-34");
  }

  @Test
  void aProvinceChangesADeadlineInTheTableWithoutJava() throws IOException {
    String table;
    try (InputStream in = getClass().getResourceAsStream("/bpmn/task-deadline.dmn")) {
      table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String changed = table.replace("<outputEntry id=\"Days_DraftPlan\"><text>30</text>",
        "<outputEntry id=\"Days_DraftPlan\"><text>10</text>");
    assertThat(changed).isNotEqualTo(table);
    String deployment = repositoryService().createDeployment().addString("task-deadline.dmn", changed).deploy().getId();
    try {
      clock("2023-08-01T09:00");
      ProcessInstance pilot = runtimeService().startProcessInstanceByKey("commune-pilot", CHI_HOA,
          startInput(CHI_HOA, "province", "2025-12-31"));
      assertThat(task("DraftPlan", pilot).getDueDate()).isEqualTo(at("2023-08-11T17:00"));
    } finally {
      repositoryService().deleteDeployment(deployment, true);
    }
  }

  /** Planned, approved and launched on {@code launchDate}, with the clock at those days. */
  private ProcessInstance launchedOn(String commune, String launchDate) {
    clock("2023-08-01T09:00");
    ProcessInstance pilot = runtimeService().startProcessInstanceByKey("commune-pilot", commune,
        startInput(commune, "province", "2025-12-31"));
    complete(task("DraftPlan", pilot), plan());
    complete(task("ReviewPlan", pilot), approvePlan());
    clock(launchDate + "T10:00");
    complete(task("LaunchModel", pilot), launch(launchDate));
    return pilot;
  }

  private static void clock(String localDateTime) {
    ClockUtil.setCurrentTime(at(localDateTime));
  }

  private static Date at(String localDateTime) {
    return Date.from(LocalDateTime.parse(localDateTime).atZone(VIETNAM).toInstant());
  }

  /** What the job executor would run now: the jobs due at the (moved) clock. */
  private static void runDueJobs() {
    for (Job job : managementService().createJobQuery().executable().list()) {
      managementService().executeJob(job.getId());
    }
  }

  private static List<Job> calendarTimers(ProcessInstance instance) {
    return managementService().createJobQuery().processInstanceId(instance.getId()).list().stream()
        .filter(job -> LateWorkJobHandler.TYPE.equals(((JobEntity) job).getJobHandlerType())).toList();
  }

  private static List<ProcessInstance> followUps(String lateUnitCode) {
    return runtimeService().createProcessInstanceQuery().processDefinitionKey(Lateness.FOLLOW_UP_PROCESS)
        .processInstanceBusinessKey(lateUnitCode).list();
  }

  private static Task task(String key, ProcessInstance instance) {
    return taskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }
}
