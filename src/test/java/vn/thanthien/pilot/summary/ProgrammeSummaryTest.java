package vn.thanthien.pilot.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.evidence.EvidenceFiles;
import vn.thanthien.pilot.evidence.StoredFiles;
import vn.thanthien.pilot.process.CommuneInputs;
import vn.thanthien.pilot.process.CommuneWalker;
import vn.thanthien.pilot.process.LongestTexts;
import vn.thanthien.pilot.process.ProgrammeWalker;
import vn.thanthien.pilot.summary.ProgrammeSummary.Commune;
import vn.thanthien.pilot.summary.ProgrammeSummary.District;
import vn.thanthien.pilot.summary.ProgrammeSummary.EvidenceStep;

/**
 * What the province, a district and a commune read in the programme's summary, on a whole Hưng Hà
 * lifecycle (7 pilots, 28 rollout communes, every text at its form's maximum length) with a failed
 * appraisal put right (Thái Hưng), a pilot that fails twice (Dân Chủ), and a second district, Quỳnh
 * Phụ, still planning: one of its pilots late, one with an incident.
 */
@SpringBootTest
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeSummaryTest {

  static final String HUNG_HA = "339";
  static final String QUYNH_PHU = "338";
  static final String CHI_HOA = "12679";
  static final String TIEN_DUC = "12646";
  static final String THAI_HUNG = "12649";
  static final String DAN_CHU = "12598";
  static final List<String> HUNG_HA_PILOTS = List.of(CHI_HOA, THAI_HUNG, TIEN_DUC, "12655", "12637", "12619", DAN_CHU);
  static final double[] PASS = {19, 18, 19, 18, 19};
  static final double[] FAIL = {9, 20, 20, 20, 20};

  @Autowired ProgrammeSummaries summaries;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired EvidenceFiles evidenceFiles;

  String programmeId;
  String lateCommune;
  String incidentCommune;

  @BeforeAll
  void playHungHaToTheEndAndStartQuynhPhu() {
    ProcessInstance programme = runtime.startProcessInstanceByKey("pilot-programme", Variables.createVariables()
        .putValue("programmeTitle", "Chính quyền thân thiện vì nhân dân phục vụ")
        .putValue("decisionNumber", "08-ĐA/TU").putValue("decisionDate", "2023-07-05")
        .putValue("periodStart", "2023-07-05").putValue("periodEnd", "2025-12-31").putValue("reportCycle", "P6M"));
    programmeId = programme.getId();
    complete(only(programme), Map.of("participatingDistricts", SpinValues.jsonValue("[\"339\",\"338\"]").create()));
    List<ProcessInstance> districts = children(programme);
    ProcessInstance hungHa = districts.stream().filter(d -> d.getBusinessKey().equals(HUNG_HA)).findFirst().orElseThrow();
    ProcessInstance quynhPhu = districts.stream().filter(d -> d.getBusinessKey().equals(QUYNH_PHU)).findFirst().orElseThrow();

    CommuneWalker walker = CommuneWalker.writingAtLength(engine);
    for (ProcessInstance pilot : selectPilots(hungHa, HUNG_HA_PILOTS, List.of(TIEN_DUC, CHI_HOA))) {
      switch (pilot.getBusinessKey()) {
        case THAI_HUNG -> {
          // fails its first appraisal, puts it right, passes the second
          walker.walkUntil(pilot.getId(), "Appraisal", FAIL);
          complete(tasks.createTaskQuery().processInstanceId(pilot.getId()).taskDefinitionKey("Appraisal").singleResult(),
              CommuneInputs.appraisal(FAIL));
          walker.walk(pilot, PASS);
        }
        case CHI_HOA -> {
          // two files for its plan, one for its launch, as its official attached them
          StoredFiles.attach(engine, evidenceFiles, openTask(pilot, "DraftPlan"), "xa" + CHI_HOA, null, 2);
          walker.walkUntil(pilot.getId(), "LaunchModel", PASS);
          StoredFiles.attach(engine, evidenceFiles, openTask(pilot, "LaunchModel"), "xa" + CHI_HOA, null, 1);
          walker.walk(pilot, PASS);
        }
        case DAN_CHU -> walker.walk(pilot, FAIL);
        case TIEN_DUC -> walker.walk(pilot, 20, 20, 19, 19, 19);
        default -> walker.walk(pilot, PASS);
      }
    }
    runJobs(hungHa);
    ProgrammeWalker.concludeInterimReviews(tasks, hungHa.getId());
    complete(only(hungHa), Map.of("districtLessons", LongestTexts.text(4000, true)));
    complete(only(hungHa), Map.of("rolloutCommunes", runtime.getVariableTyped(hungHa.getId(), "rolloutCommunes"),
        "rolloutPeriodEnd", "2025-12-31", "rolloutPlanSummary", "Nhân rộng ra toàn huyện"));
    List<ProcessInstance> rollout = children(hungHa).stream()
        .filter(c -> !HUNG_HA_PILOTS.contains(c.getBusinessKey())).toList();
    assertThat(rollout).hasSize(28);
    for (ProcessInstance commune : rollout) {
      walker.walk(commune, 17, 17, 17, 17, 17);
    }
    runJobs(hungHa);
    complete(only(hungHa), Map.of("districtFinalReport", "Hoàn thành"));

    List<ProcessInstance> quynhPhuPilots = selectPilots(quynhPhu,
        List.of("12475", "12478"), List.of("12475"));
    lateCommune = quynhPhuPilots.get(0).getBusinessKey();
    incidentCommune = quynhPhuPilots.get(1).getBusinessKey();
    makeLate(quynhPhuPilots.get(0));
    StoredFiles.attach(engine, evidenceFiles, openTask(quynhPhuPilots.get(0), "DraftPlan"), "xa" + lateCommune, null, 1);
    runtime.createIncident("failedJob", quynhPhuPilots.get(1).getId(), "summary-test", "Lỗi thử nghiệm");
  }

  /** Other tests of this application start programmes of their own: one runs at a time. */
  @AfterAll
  void endTheProgramme() {
    runtime.deleteProcessInstance(programmeId, "test over");
  }

  @AfterEach
  void logOut() {
    identity.clearAuthentication();
  }

  @Test
  void theProvinceSeesEveryDistrictWithItsCountsPerPhase() {
    ProgrammeSummary summary = as("tinh34", () -> summaries.read(Optional.empty()));

    assertThat(summary.programme().title()).isEqualTo("Chính quyền thân thiện vì nhân dân phục vụ");
    assertThat(summary.programme().decisionDate()).isEqualTo(LocalDate.of(2023, 7, 5));
    assertThat(summary.programme().periodEnd()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(summary.programme().finished()).isFalse();
    assertThat(summary.areas()).extracting(ProgrammeSummary.Area::maxPoints).containsOnly(20.0);
    assertThat(summary.districts()).extracting(District::name).containsExactly("Huyện Hưng Hà", "Huyện Quỳnh Phụ");

    District hungHa = district(summary, HUNG_HA);
    assertThat(hungHa.finished()).isTrue();
    assertThat(hungHa.lessons()).hasSize(4000);
    assertThat(hungHa.counts().communes()).isEqualTo(35);
    assertThat(hungHa.counts().pilots()).isEqualTo(7);
    assertThat(hungHa.counts().rollouts()).isEqualTo(28);
    assertThat(hungHa.counts().pilotsByPhase()).containsEntry("recognised", 6).containsEntry("not-passed", 1)
        .containsEntry("planning", 0).containsKeys("launched", "reporting", "self-assessment", "appraisal", "ended");
    assertThat(hungHa.counts().rolloutsByPhase()).containsEntry("recognised", 28);
    assertThat(hungHa.counts().recognised()).isEqualTo(34);
    assertThat(hungHa.counts().notPassed()).isEqualTo(1);
    assertThat(hungHa.rolloutProgress()).last()
        .satisfies(point -> {
          assertThat(point.started()).isEqualTo(28);
          assertThat(point.launched()).isEqualTo(28);
          assertThat(point.recognised()).isEqualTo(28);
        });

    District quynhPhu = district(summary, QUYNH_PHU);
    assertThat(quynhPhu.finished()).isFalse();
    assertThat(quynhPhu.counts().pilotsByPhase()).containsEntry("planning", 2);
    assertThat(quynhPhu.counts().lateNow()).as(quynhPhu.communes().toString()).isEqualTo(1);
    assertThat(quynhPhu.counts().openIncidents()).isEqualTo(1);
    assertThat(summary.totals().communes()).isEqualTo(37);
    assertThat(summary.totals().recognised()).isEqualTo(34);
    assertThat(summary.totals().lateNow()).isEqualTo(1);
    assertThat(summary.totals().openIncidents()).isEqualTo(1);
  }

  @Test
  void eachCommuneShowsItsPointsLevelAppraiserReportsAndLessons() {
    ProgrammeSummary summary = as("quanly", () -> summaries.read(Optional.empty()));

    Commune chiHoa = commune(summary, CHI_HOA);
    assertThat(chiHoa.name()).isEqualTo("Xã Chí Hòa");
    assertThat(chiHoa.role()).isEqualTo("province-pilot");
    assertThat(chiHoa.roleName()).isEqualTo("Thí điểm của tỉnh");
    assertThat(chiHoa.scores()).containsExactly(19.0, 18.0, 19.0, 18.0, 19.0);
    assertThat(chiHoa.totalScore()).isEqualTo(93.0);
    assertThat(chiHoa.passed()).isTrue();
    assertThat(chiHoa.ratingLevel()).isEqualTo("Tốt");
    assertThat(chiHoa.appraiserLevel()).isEqualTo("province");
    assertThat(chiHoa.appraiserName()).isEqualTo("UBND tỉnh Thái Bình");
    assertThat(chiHoa.appraisalRounds()).isEqualTo(1);
    assertThat(chiHoa.phase()).isEqualTo("recognised");
    assertThat(chiHoa.phaseName()).isEqualTo("Đã được công nhận");
    assertThat(chiHoa.launchDate()).isEqualTo(LocalDate.of(2023, 9, 1));
    assertThat(chiHoa.reports()).isNotEmpty().allSatisfy(report -> {
      assertThat(report.periodEnd()).isNotNull();
      assertThat(report.satisfactionPercent()).isBetween(0.0, 100.0);
    });
    assertThat(chiHoa.lessons()).hasSize(4000);
    assertThat(chiHoa.cockpitUrl()).as("finished: Cockpit's community edition cannot show it").isNull();

    assertThat(commune(summary, TIEN_DUC).ratingLevel()).isEqualTo("Xuất sắc");
    Commune thaiHung = commune(summary, THAI_HUNG);
    assertThat(thaiHung.appraisalRounds()).isEqualTo(2);
    assertThat(thaiHung.passed()).isTrue();
    assertThat(thaiHung.appraiserLevel()).isEqualTo("district");
    assertThat(thaiHung.appraiserName()).isEqualTo("UBND huyện Hưng Hà");
    Commune danChu = commune(summary, DAN_CHU);
    assertThat(danChu.phase()).isEqualTo("not-passed");
    assertThat(danChu.passed()).isFalse();
    assertThat(danChu.appraisalRounds()).isEqualTo(2);
    assertThat(danChu.ratingLevel()).startsWith("Không đạt");
    assertThat(danChu.scores().get(0)).isEqualTo(9.0);

    Commune late = commune(summary, lateCommune);
    assertThat(late.lateNow()).isEqualTo(1);
    assertThat(late.lateTimes()).isEqualTo(1);
    assertThat(late.openSteps()).filteredOn(step -> !step.name().startsWith("Báo cáo sơ kết")).singleElement().satisfies(step -> {
      assertThat(step.name()).isEqualTo("Xây dựng kế hoạch thực hiện mô hình");
      assertThat(step.late()).isTrue();
      assertThat(step.tasklistUrl()).isEqualTo("/camunda/app/tasklist/default/#/?task=" + step.taskId());
    });
    assertThat(late.cockpitUrl()).isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + late.instanceId() + "/runtime");
    assertThat(commune(summary, incidentCommune).openIncidents()).isEqualTo(1);
  }

  @Test
  void eachCommuneShowsItsEvidenceByStepToWhoeverReadsIt() {
    ProgrammeSummary province = as("tinh34", () -> summaries.read(Optional.empty()));
    Commune chiHoa = commune(province, CHI_HOA);
    assertThat(chiHoa.evidence()).as("finished: its files still count").containsExactly(
        new EvidenceStep("DraftPlan", "Xây dựng kế hoạch thực hiện mô hình", 2),
        new EvidenceStep("LaunchModel", "Ra mắt mô hình và ký cam kết", 1));
    assertThat(chiHoa.evidenceFiles()).isEqualTo(3);
    assertThat(chiHoa.evidenceUrl()).isEqualTo("/api/process-instances/" + chiHoa.instanceId() + "/files");
    Commune thaiHung = commune(province, THAI_HUNG);
    assertThat(thaiHung.evidence()).isEmpty();
    assertThat(thaiHung.evidenceFiles()).isZero();
    assertThat(thaiHung.evidenceUrl()).isEqualTo("/api/process-instances/" + thaiHung.instanceId() + "/files");
    assertThat(commune(province, lateCommune).evidence()).singleElement()
        .isEqualTo(new EvidenceStep("DraftPlan", "Xây dựng kế hoạch thực hiện mô hình", 1));

    // the district and the commune itself read the same counts; another district nothing of them
    assertThat(commune(as("huyen339", () -> summaries.read(Optional.empty())), CHI_HOA).evidenceFiles()).isEqualTo(3);
    assertThat(commune(as("xa" + CHI_HOA, () -> summaries.read(Optional.empty())), CHI_HOA).evidence())
        .isEqualTo(chiHoa.evidence());
    ProgrammeSummary quynhPhu = as("huyen338", () -> summaries.read(Optional.empty()));
    assertThat(quynhPhu.districts()).flatExtracting(District::communes).extracting(Commune::code)
        .doesNotContain(CHI_HOA);
    assertThat(commune(quynhPhu, lateCommune).evidenceFiles()).isEqualTo(1);
  }

  @Test
  void aDistrictSeesOnlyItsOwnCommunes() {
    ProgrammeSummary hungHa = as("huyen339", () -> summaries.read(Optional.empty()));
    assertThat(hungHa.districts()).extracting(District::code).containsExactly(HUNG_HA);
    assertThat(hungHa.totals().communes()).isEqualTo(35);
    assertThat(district(hungHa, HUNG_HA).lessons()).hasSize(4000);

    ProgrammeSummary quynhPhu = as("huyen338", () -> summaries.read(Optional.empty()));
    assertThat(quynhPhu.districts()).extracting(District::code).containsExactly(QUYNH_PHU);
    assertThat(quynhPhu.districts().get(0).communes()).extracting(Commune::code)
        .containsExactlyInAnyOrder(lateCommune, incidentCommune);

    // asking for the other district gives nothing, not its communes
    assertThat(as("huyen339", () -> summaries.read(Optional.of(QUYNH_PHU))).districts()).isEmpty();
    assertThat(as("tinh34", () -> summaries.read(Optional.of(QUYNH_PHU))).districts())
        .extracting(District::code).containsExactly(QUYNH_PHU);
  }

  @Test
  void aCommuneSeesOnlyItself() {
    ProgrammeSummary chiHoa = as("xa" + CHI_HOA, () -> summaries.read(Optional.empty()));
    assertThat(chiHoa.districts()).singleElement().satisfies(district -> {
      assertThat(district.instanceId()).as("the district's own instance is not the commune's to read").isNull();
      assertThat(district.lessons()).isNull();
      assertThat(district.communes()).extracting(Commune::code).containsExactly(CHI_HOA);
    });
    assertThatThrownBy(() -> as("xa12481", () -> summaries.read(Optional.empty())))
        .as("a commune of Quỳnh Phụ that is not a pilot: nothing, not even the programme's header")
        .isInstanceOf(ProgrammeSummaries.NothingToShowException.class)
        .hasMessage("Đơn vị của anh/chị không tham gia đề án của tỉnh Thái Bình nên không có số liệu tổng hợp để xem.");
  }

  @Test
  void aCodeThatIsNoDistrictIsRefusedInVietnamese() {
    assertThatThrownBy(() -> as("tinh34", () -> summaries.read(Optional.of("339,338"))))
        .isInstanceOf(ProgrammeSummaries.UnknownDistrictException.class).hasMessageContaining("chỉ gồm chữ số");
    assertThatThrownBy(() -> as("tinh34", () -> summaries.read(Optional.of("99999"))))
        .isInstanceOf(ProgrammeSummaries.UnknownDistrictException.class)
        .hasMessage("Không có huyện nào mang mã 99999 trong danh mục đơn vị hành chính");
    assertThatThrownBy(() -> as("tinh34", () -> summaries.read(Optional.of(CHI_HOA))))
        .as("a commune's code").isInstanceOf(ProgrammeSummaries.UnknownDistrictException.class);
    assertThatThrownBy(() -> summaries.read(Optional.empty()))
        .isInstanceOf(ProgrammeSummaries.NotAuthenticatedException.class);
  }

  private <T> T as(String userId, Supplier<T> read) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    assertThat(groups).as(userId + "'s groups").isNotEmpty();
    // as the REST API and the webapps authenticate: with the tenants of the user's groups
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
    identity.setAuthentication(userId, groups, tenants);
    try {
      return read.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static District district(ProgrammeSummary summary, String code) {
    return summary.districts().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
  }

  private static Commune commune(ProgrammeSummary summary, String code) {
    return summary.districts().stream().flatMap(d -> d.communes().stream()).filter(c -> c.code().equals(code))
        .findFirst().orElseThrow(() -> new AssertionError("no row for commune " + code));
  }

  private List<ProcessInstance> selectPilots(ProcessInstance district, List<String> pilots, List<String> provincePilots) {
    complete(only(district), Map.of("pilotCommunes", json(pilots), "provincePilots", json(provincePilots),
        "selectionRationale", "Theo Đề án 08-ĐA/TU"));
    complete(only(district), Map.of("selectionDecision", "approve"));
    List<ProcessInstance> started = children(district);
    assertThat(started).extracting(ProcessInstance::getBusinessKey).containsExactlyInAnyOrderElementsOf(pilots);
    return started.stream().sorted(java.util.Comparator.comparing(p -> pilots.indexOf(p.getBusinessKey()))).toList();
  }

  /** Its plan's due date passes: the calendar's escalation runs a month later, and a follow-up starts. */
  private void makeLate(ProcessInstance commune) {
    try {
      ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 40L * 24 * 3600 * 1000));
      // the plan's reminder and escalation, not the interim review's timer
      for (Job job : management.createJobQuery().processInstanceId(commune.getId()).timers().list()) {
        if (job.getJobDefinitionId() == null) { // the calendar's jobs have no definition in the model
          management.executeJob(job.getId());
        }
      }
    } finally {
      ClockUtil.reset();
    }
    // as the district sees it today: the plan's due date has passed
    Task plan = tasks.createTaskQuery().processInstanceId(commune.getId()).taskDefinitionKey("DraftPlan").singleResult();
    plan.setDueDate(new Date(System.currentTimeMillis() - 24L * 3600 * 1000));
    tasks.saveTask(plan);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("late-work-follow-up")
        .processInstanceBusinessKey(commune.getBusinessKey()).list()).as("follow-ups").hasSize(1);
  }

  private String openTask(ProcessInstance commune, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(commune.getId()).taskDefinitionKey(taskKey).singleResult().getId();
  }

  private Task only(ProcessInstance instance) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
    assertThat(open).as("open tasks of " + instance.getBusinessKey()).hasSize(1);
    return open.get(0);
  }

  private void complete(Task task, Map<String, Object> variables) {
    tasks.complete(task.getId(), variables);
  }

  private List<ProcessInstance> children(ProcessInstance parent) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).list();
  }

  private void runJobs(ProcessInstance instance) {
    for (Job job : management.createJobQuery().processInstanceId(instance.getId()).list()) {
      management.executeJob(job.getId());
    }
  }

  private static Object json(List<String> codes) {
    return SpinValues.jsonValue("[\"" + String.join("\",\"", codes) + "\"]").create();
  }
}
