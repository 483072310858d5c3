package vn.thanthien.pilot.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.thanthien.pilot.process.CommuneWalker;
import vn.thanthien.pilot.process.ProgrammeWalker;
import vn.thanthien.pilot.process.PilotBeans;

/**
 * History cleanup with the strategy of application.yaml (removal-time based, removal time set
 * when the ROOT instance ends): while a district pilot runs, the history of its finished communes
 * is never removed, however old, so the district's summary still counts them; once the root has
 * ended and its time to live has passed, the whole hierarchy's history goes.
 */
@ExtendWith(PilotBeans.class)
class CleanupKeepsRunningProgrammesTest {

  static final String HUNG_HA = "339";
  static final String TIEN_DUC = "12646";
  static final String CHI_HOA = "12679";
  static final String THAI_HUNG = "12649";
  static final String HOA_BINH = "12655";
  /** historyTimeToLive of district-pilot.bpmn and commune-pilot.bpmn. */
  static final Duration TTL = Duration.ofDays(3650);

  static ProcessEngine engine;
  static RuntimeService runtime;
  static TaskService tasks;
  static HistoryService history;
  static ManagementService management;

  @BeforeAll
  static void startEngine() {
    engine = HistoryEngines.start("history-cleanup-end", "end");
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    history = engine.getHistoryService();
    management = engine.getManagementService();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void finishedCommunesOutliveTheirTimeToLiveWhileTheDistrictRunsAndGoOnlyAfterItEnds() {
    ProcessInstance district = runtime.startProcessInstanceByKey("district-pilot", HUNG_HA,
        Variables.createVariables().putValue("districtCode", HUNG_HA).putValue("periodEnd", "2024-06-30")
            .putValue("reportCycle", "P6M"));
    complete(district, Variables.createVariables()
        .putValue("pilotCommunes", SpinValues.jsonValue(json(TIEN_DUC, CHI_HOA, THAI_HUNG)).create())
        .putValue("provincePilots", SpinValues.jsonValue(json(TIEN_DUC, CHI_HOA)).create())
        .putValue("selectionRationale", "Xã có phong trào tốt"));
    complete(district, Variables.createVariables().putValue("selectionDecision", "approve"));

    // Two of the three pilots end; the third still runs.
    CommuneWalker walker = new CommuneWalker(engine);
    List<ProcessInstance> pilots = runtime.createProcessInstanceQuery()
        .superProcessInstanceId(district.getId()).orderByBusinessKey().asc().list();
    assertThat(pilots).hasSize(3);
    ProcessInstance stillRunning = pilots.get(2);
    walker.walk(pilots.get(0), 19, 19, 19, 19, 19);
    walker.walk(pilots.get(1), 17, 17, 17, 17, 17);
    List<String> finished = List.of(pilots.get(0).getId(), pilots.get(1).getId());

    // Strategy "end": nothing of a running root's hierarchy has a removal time, ended children included.
    assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(district.getId()).list())
        .hasSize(4).allSatisfy(instance -> assertThat(instance.getRemovalTime()).isNull());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(finished))
        .finished().count()).isEqualTo(2);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(finished.toArray(String[]::new))
        .list()).isNotEmpty().allSatisfy(variable -> assertThat(variable.getRemovalTime()).isNull());
    for (String id : finished) {
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).list())
          .isNotEmpty().allSatisfy(activity -> assertThat(activity.getRemovalTime()).isNull());
      assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(id).list())
          .isNotEmpty().allSatisfy(decision -> assertThat(decision.getRemovalTime()).isNull());
    }
    // The scoring-scheme lookup of every score check (ScoreValidator, through the DecisionService
    // inside the commune's transaction) belongs to the hierarchy too: no removal time yet.
    assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey("pilot-scoring-scheme").list())
        .isNotEmpty().allSatisfy(lookup -> {
          assertThat(lookup.getRootProcessInstanceId()).isEqualTo(district.getId());
          assertThat(lookup.getRemovalTime()).isNull();
        });
    long variablesBefore = history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(finished.toArray(String[]::new)).count();

    // Years beyond the time to live, the nightly cleanup runs: the finished communes stay.
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(TTL).plus(Duration.ofDays(800))));
    runHistoryCleanup();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(finished))
        .finished().count()).isEqualTo(2);
    assertThat(history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(finished.toArray(String[]::new)).count()).isEqualTo(variablesBefore);
    ClockUtil.reset();

    // The last pilot ends: the district's summary reads all three from history.
    walker.walk(stillRunning, 10, 10, 10, 10, 10);
    runJobs(district);
    assertThat(runtime.getVariable(district.getId(), "pilotCount")).isEqualTo(3L);
    assertThat(runtime.getVariable(district.getId(), "pilotPassedCount")).isEqualTo(2L);
    assertThat(runtime.getVariable(district.getId(), "pilotResultsSummary").toString())
        .contains("Xã Chí Hòa (12679)").contains("Xã Tiến Đức (12646)").contains("Xã Thái Hưng (12649)");

    // The district goes on to its end: lessons, a rollout to one commune, the final report.
    complete(district, Variables.createVariables().putValue("districtLessons", "Người đứng đầu phải gương mẫu"));
    complete(district, Variables.createVariables()
        .putValue("rolloutCommunes", SpinValues.jsonValue(json(HOA_BINH)).create())
        .putValue("rolloutPeriodEnd", "2024-06-30").putValue("rolloutPlanSummary", "Nhân rộng giai đoạn 1"));
    ProcessInstance rollout = runtime.createProcessInstanceQuery().superProcessInstanceId(district.getId())
        .singleResult();
    walker.walk(rollout, 16, 16, 16, 16, 16);
    runJobs(district);
    assertThat(runtime.getVariable(district.getId(), "rolloutCount")).isEqualTo(1L);
    complete(district, Variables.createVariables().putValue("districtFinalReport", "Hoàn thành"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(district.getId()).count()).isZero();

    // The root has ended: every instance of the hierarchy is removed at the root's end + TTL.
    Date removal = removalOfEveryInstanceUnder(district, 5);

    // A day before that nothing goes; a day after, all of it.
    ClockUtil.setCurrentTime(Date.from(removal.toInstant().minus(Duration.ofDays(1))));
    runHistoryCleanup();
    assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(district.getId()).count())
        .isEqualTo(5);
    ClockUtil.setCurrentTime(Date.from(removal.toInstant().plus(Duration.ofDays(1))));
    runHistoryCleanup();
    assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(district.getId()).count())
        .isZero();
    for (String id : finished) {
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).count()).isZero();
      assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(id).count()).isZero();
    }
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceIdIn(finished.toArray(String[]::new))
        .count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().rootProcessInstanceId(district.getId()).count())
        .isZero();
    assertThat(history.createHistoricDecisionInstanceQuery().count()).isZero();
  }

  /**
   * The production shape: the programme is the root. A district that has ended is itself a
   * child: neither it nor its communes get a removal time while the programme runs, so the
   * province's summary, read from history after the last district, still counts them all.
   */
  @Test
  void anEndedDistrictOfARunningProgrammeKeepsItsHistoryUntilTheProgrammeEnds() {
    ProcessInstance programme = runtime.startProcessInstanceByKey("pilot-programme", Variables.createVariables()
        .putValue("programmeTitle", "Chính quyền thân thiện vì nhân dân phục vụ")
        .putValue("decisionNumber", "08-ĐA/TU").putValue("decisionDate", "2023-07-05")
        .putValue("periodStart", "2023-07-05").putValue("periodEnd", "2024-06-30").putValue("reportCycle", "P6M"));
    complete(programme, Variables.createVariables()
        .putValue("participatingDistricts", SpinValues.jsonValue(json("339", "344")).create()));
    List<ProcessInstance> districts = runtime.createProcessInstanceQuery()
        .superProcessInstanceId(programme.getId()).orderByBusinessKey().asc().list();
    assertThat(districts).hasSize(2);

    runDistrictToItsEnd(districts.get(0));
    List<String> endedHierarchy = history.createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(programme.getId()).finished().list().stream()
        .map(HistoricProcessInstance::getId).toList();
    assertThat(endedHierarchy).hasSize(3).contains(districts.get(0).getId());
    assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(programme.getId()).list())
        .allSatisfy(instance -> assertThat(instance.getRemovalTime()).isNull());

    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(TTL).plus(Duration.ofDays(800))));
    runHistoryCleanup();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(endedHierarchy))
        .count()).isEqualTo(3);
    ClockUtil.reset();

    runDistrictToItsEnd(districts.get(1));
    runJobs(programme);
    assertThat(runtime.getVariable(programme.getId(), "communesTotal")).isEqualTo(4L);
    assertThat(runtime.getVariable(programme.getId(), "districtResultsSummary").toString())
        .contains("#### Huyện Hưng Hà (339): đã kết thúc").contains("#### Huyện Vũ Thư (344): đã kết thúc");
    complete(programme, Variables.createVariables().putValue("provinceConclusion", "Nhân rộng toàn tỉnh"));
    runJobs(programme);

    Date removal = removalOfEveryInstanceUnder(programme, 7);
    ClockUtil.setCurrentTime(Date.from(removal.toInstant().plus(Duration.ofDays(1))));
    runHistoryCleanup();
    assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(programme.getId()).count())
        .isZero();
  }

  /** One pilot (a province pilot), lessons, a rollout to one commune, the final report. */
  private void runDistrictToItsEnd(ProcessInstance district) {
    String pilot = PilotBeans.UNITS.communesOf(district.getBusinessKey()).get(0).code();
    String rollout = PilotBeans.UNITS.communesOf(district.getBusinessKey()).get(1).code();
    CommuneWalker walker = new CommuneWalker(engine);
    complete(district, Variables.createVariables()
        .putValue("pilotCommunes", SpinValues.jsonValue(json(pilot)).create())
        .putValue("provincePilots", SpinValues.jsonValue(json(pilot)).create())
        .putValue("selectionRationale", "Xã có phong trào tốt"));
    complete(district, Variables.createVariables().putValue("selectionDecision", "approve"));
    walker.walk(runtime.createProcessInstanceQuery().superProcessInstanceId(district.getId()).singleResult(),
        20, 20, 20, 20, 20);
    runJobs(district);
    complete(district, Variables.createVariables().putValue("districtLessons", "Bài học của huyện"));
    complete(district, Variables.createVariables()
        .putValue("rolloutCommunes", SpinValues.jsonValue(json(rollout)).create())
        .putValue("rolloutPeriodEnd", "2024-06-30").putValue("rolloutPlanSummary", "Nhân rộng"));
    walker.walk(runtime.createProcessInstanceQuery().superProcessInstanceId(district.getId()).singleResult(),
        10, 10, 10, 10, 10);
    runJobs(district);
    complete(district, Variables.createVariables().putValue("districtFinalReport", "Báo cáo"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(district.getId()).count()).isZero();
  }

  /** What the nightly job does, now: schedule the cleanup job and run it until it has nothing left. */
  private void runHistoryCleanup() {
    Job job = history.cleanUpHistoryAsync(true);
    for (int run = 0; run < 20; run++) {
      long before = countHistory();
      management.executeJob(job.getId());
      if (countHistory() == before) {
        return;
      }
      job = history.findHistoryCleanupJobs().get(0);
    }
  }

  private long countHistory() {
    return history.createHistoricProcessInstanceQuery().count()
        + history.createHistoricActivityInstanceQuery().count()
        + history.createHistoricVariableInstanceQuery().count()
        + history.createHistoricDetailQuery().count()
        + history.createHistoricDecisionInstanceQuery().count();
  }

  /** Every instance of the ended root's hierarchy carries the root's end + TTL; returns it. */
  private Date removalOfEveryInstanceUnder(ProcessInstance root, int instances) {
    HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery()
        .processInstanceId(root.getId()).singleResult();
    Date removal = Date.from(ended.getEndTime().toInstant().plus(TTL));
    assertThat(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root.getId()).list())
        .hasSize(instances).allSatisfy(instance -> assertThat(instance.getRemovalTime()).isEqualTo(removal));
    return removal;
  }

  private void complete(ProcessInstance instance, VariableMap input) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(), input);
  }

  /** Every job of the instance, due or not; an interim review that opens is concluded at once. */
  private void runJobs(ProcessInstance instance) {
    for (Job job : management.createJobQuery().processInstanceId(instance.getId()).list()) {
      management.executeJob(job.getId());
    }
    ProgrammeWalker.concludeInterimReviews(tasks, instance.getId());
  }

  private static String json(String... codes) {
    return "[\"" + String.join("\",\"", codes) + "\"]";
  }
}
