package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import com.fasterxml.jackson.databind.JsonNode;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.evidence.review.TaskFiles;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.process.CommuneWalker;
import vn.thanthien.pilot.process.ProgrammeWalker;

/**
 * The real case, played on the whole application: Thái Bình launches Đề án 08-ĐA/TU, Hưng Hà
 * selects its 7 pilots (Tiến Đức and Chí Hòa for the province), the province approves, every
 * pilot is appraised by the right level, and the model is rolled out to the other 28 communes.
 * Each pilot attaches its signed plan (over the API): the district's interim review, lessons and
 * final report, and the province's final review, list every commune with its files
 * ({@code /api/tasks/{id}/evidence}), and the programme summary counts them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class HungHaWalkthroughTest {

  static final String HUNG_HA = "339";
  static final Set<String> PROVINCE_PILOTS = Set.of("12646", "12679"); // Tiến Đức, Chí Hòa
  static final Set<String> DISTRICT_PILOTS = Set.of("12649", "12655", "12637", "12619", "12598");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired UnitDirectory units;
  @Autowired vn.thanthien.pilot.evidence.EvidenceFiles evidenceFiles;
  @LocalServerPort int port;

  @Test
  void hungHaPilotsSevenCommunesAndRollsTheModelOutToTheOther28() {
    ProcessInstance programme = runtime.startProcessInstanceByKey("pilot-programme", Variables.createVariables()
        .putValue("programmeTitle", "Chính quyền thân thiện vì nhân dân phục vụ")
        .putValue("decisionNumber", "08-ĐA/TU").putValue("decisionDate", "2023-07-05")
        .putValue("periodStart", "2023-07-05").putValue("periodEnd", "2025-12-31")
        .putValue("reportCycle", "P6M"));
    complete(single(programme, "SelectDistricts", "province-34"),
        Map.of("participatingDistricts", SpinValues.jsonValue("[\"339\"]").create()));

    ProcessInstance district = runtime.createProcessInstanceQuery()
        .superProcessInstanceId(programme.getId()).singleResult();
    assertThat(district.getBusinessKey()).isEqualTo(HUNG_HA);
    complete(single(district, "SelectPilots", "district-339"), Map.of(
        "pilotCommunes", SpinValues.jsonValue(json(List.of("12679", "12649", "12646", "12655", "12637", "12619", "12598"))).create(),
        "provincePilots", SpinValues.jsonValue(json(List.of("12646", "12679"))).create(),
        "selectionRationale", "Theo Đề án 08-ĐA/TU"));
    complete(single(district, "ApproveSelection", "province-34"), Map.of("selectionDecision", "approve"));

    List<ProcessInstance> pilots = children(district);
    assertThat(pilots).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrderElementsOf(union(PROVINCE_PILOTS, DISTRICT_PILOTS));
    ApiClient api = new ApiClient(port);
    for (ProcessInstance pilot : pilots) {
      TaskFiles.attach(api, "xa" + pilot.getBusinessKey(), tasks.createTaskQuery().processInstanceId(pilot.getId())
          .taskDefinitionKey("DraftPlan").singleResult().getId());
    }
    CommuneWalker walker = new CommuneWalker(engine);
    Map<String, String> appraisers = new HashMap<>();
    for (ProcessInstance pilot : pilots) {
      appraisers.put(pilot.getBusinessKey(), walker.walk(pilot, 19, 18, 19, 18, 19));
    }
    PROVINCE_PILOTS.forEach(code -> assertThat(appraisers.get(code)).as(code).isEqualTo("province-34"));
    DISTRICT_PILOTS.forEach(code -> assertThat(appraisers.get(code)).as(code).isEqualTo("district-339"));
    runJobs(district);
    // the interim review's time has long passed: the district reviews its seven pilots, all finished
    Task interim = tasks.createTaskQuery().processInstanceId(district.getId())
        .taskDefinitionKey("DistrictInterimReview").taskCandidateGroup("district-339").singleResult();
    assertThat(runtime.getVariable(district.getId(), "districtInterimSummary").toString())
        .contains("7 xã thí điểm, 7 xã đã gửi báo cáo sơ kết").contains("Xã Chí Hòa (12679), thí điểm của tỉnh");
    Map<String, Integer> pilotFiles = new HashMap<>();
    pilots.forEach(pilot -> pilotFiles.put(pilot.getBusinessKey(), 1));
    assertThat(communeFiles(api, "huyen339", interim.getId())).isEqualTo(pilotFiles);
    complete(interim, Map.of("districtInterimConclusion", "Các xã thí điểm thực hiện tốt"));

    Task lessons = single(district, "DistrictLessons", "district-339");
    assertThat(communeFiles(api, "huyen339", lessons.getId())).isEqualTo(pilotFiles);
    complete(lessons, Map.of("districtLessons", "Người đứng đầu gương mẫu"));
    Task plan = single(district, "PlanRollout", "district-339");
    complete(plan, Map.of("rolloutCommunes", runtime.getVariableTyped(district.getId(), "rolloutCommunes"),
        "rolloutPeriodEnd", "2025-12-31", "rolloutPlanSummary", "Nhân rộng ra toàn huyện"));

    List<ProcessInstance> rollout = children(district);
    assertThat(rollout).hasSize(28);
    for (ProcessInstance commune : rollout) {
      assertThat(walker.walk(commune, 17, 17, 17, 17, 17)).isEqualTo("district-339");
    }
    runJobs(district);
    Task finalReport = single(district, "DistrictFinalReport", "district-339");
    Map<String, Integer> everyCommune = new HashMap<>(pilotFiles);
    rollout.forEach(commune -> everyCommune.put(commune.getBusinessKey(), 0));
    assertThat(communeFiles(api, "huyen339", finalReport.getId())).hasSize(35).isEqualTo(everyCommune);
    complete(finalReport, Map.of("districtFinalReport", "Hoàn thành"));
    runJobs(programme);
    ProgrammeWalker.concludeInterimReviews(tasks, programme.getId());
    assertThat(runtime.getVariable(programme.getId(), "districtResultsSummary").toString())
        .contains("#### Huyện Hưng Hà (339): đã kết thúc")
        .contains("- Thí điểm: 7/7 xã được công nhận, 0 xã không được công nhận, 0 xã chưa kết thúc.");
    Task review = single(programme, "ProvinceFinalReview", "province-34");
    assertThat(communeFiles(api, "tinh34", review.getId())).isEqualTo(everyCommune);
    complete(review, Map.of("provinceConclusion", "Nhân rộng toàn tỉnh"));
    runJobs(programme);

    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(programme.getId())
        .singleResult().getEndTime()).isNotNull();
    List<HistoricProcessInstance> communes = history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(district.getId()).finished().list();
    assertThat(communes).extracting(HistoricProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrderElementsOf(units.communesOf(HUNG_HA).stream().map(u -> u.code()).toList());
    for (HistoricProcessInstance commune : communes) {
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(commune.getId())
          .variableName("passed").singleResult().getValue()).as(commune.getBusinessKey()).isEqualTo(true);
    }
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(programme.getId())
        .variableName("communesRecognised").singleResult().getValue()).isEqualTo(35L);

    // the summary's count of each commune's files by step: one grouped query for the programme, on H2
    // and PostgreSQL (asked for this programme: the summary over HTTP reads the province's running
    // programme, which other tests of the shared context may have started since)
    Map<String, String> codeOf = new HashMap<>();
    communes.forEach(c -> codeOf.put(c.getId(), c.getBusinessKey()));
    Map<String, Integer> counted = new HashMap<>();
    codeOf.values().forEach(code -> counted.put(code, 0));
    for (vn.thanthien.pilot.evidence.EvidenceFiles.StepCount count : evidenceFiles.countsByStep(programme.getId())) {
      if (codeOf.containsKey(count.processInstanceId())) {
        counted.merge(codeOf.get(count.processInstanceId()), count.files(), Integer::sum);
        assertThat(count.step()).as(codeOf.get(count.processInstanceId())).isEqualTo("DraftPlan");
      }
    }
    assertThat(counted).isEqualTo(everyCommune);
  }

  /** Per commune listed in the task's evidence ({@code GET /api/tasks/{id}/evidence}), how many files it has. */
  private static Map<String, Integer> communeFiles(ApiClient api, String user, String taskId) {
    ApiClient.Reply reply = api.get(user, "/api/tasks/" + taskId + "/evidence");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    Map<String, Integer> files = new HashMap<>();
    for (JsonNode commune : reply.json().path("communes")) {
      files.put(commune.path("code").asText(), commune.path("files").size());
      commune.path("files").forEach(file -> assertThat(file.path("url").asText()).startsWith("/api/files/"));
    }
    return files;
  }

  private Task single(ProcessInstance instance, String taskKey, String group) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup(group).count())
        .as(taskKey + " offered to " + group).isEqualTo(1);
    return task;
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

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static String json(List<String> codes) {
    return "[\"" + String.join("\",\"", codes) + "\"]";
  }
}
