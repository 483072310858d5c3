package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.process.CommuneWalker;
import vn.thanthien.pilot.process.LongestTexts;

/**
 * The whole of Thái Bình at once, at real sizes: all 8 districts (Đông Hưng, the largest, has 38
 * communes; Hưng Hà 35), every commune piloted or rolled out, and every official writing every
 * text field to its form's maximum length in Vietnamese. Everything ends, every commune has a
 * result, and no step fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class WholeProvinceAtRealSizesTest {

  static final int PILOTS_PER_DISTRICT = 7;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired UnitDirectory units;

  @Test
  void everyDistrictOfThaiBinhRunsToTheEndWithTextsAtTheirMaximumLength() {
    ProcessInstance programme = runtime.startProcessInstanceByKey("pilot-programme",
        LongestTexts.fill("pilot-programme-start", Map.of("decisionDate", "2023-07-05",
            "periodStart", "2023-07-05", "periodEnd", "2023-12-31", "reportCycle", "P6M")));
    Task selectDistricts = taskOf(programme);
    // the default: every district of the province takes part
    complete(selectDistricts, "pilot-programme-districts", Map.of("participatingDistricts",
        runtime.getVariableTyped(programme.getId(), "participatingDistricts")));
    List<ProcessInstance> districts = children(programme);
    assertThat(districts).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrderElementsOf(units.districtsOf("34").stream().map(AdministrativeUnit::code).toList());

    CommuneWalker walker = CommuneWalker.writingAtLength(engine);
    for (ProcessInstance district : districts) {
      runDistrict(district, walker);
    }
    runJobs(programme);
    complete(taskOf(programme), "pilot-programme-final-review", Map.of());

    assertThat(runtime.createIncidentQuery().count()).as("no step failed").isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(programme.getId())
        .singleResult().getEndTime()).isNotNull();
    int communes = 0;
    for (ProcessInstance district : districts) {
      List<HistoricProcessInstance> finished = history.createHistoricProcessInstanceQuery()
          .superProcessInstanceId(district.getId()).finished().list();
      assertThat(finished).extracting(HistoricProcessInstance::getBusinessKey).as(district.getBusinessKey())
          .containsExactlyInAnyOrderElementsOf(
              units.communesOf(district.getBusinessKey()).stream().map(AdministrativeUnit::code).toList());
      for (HistoricProcessInstance commune : finished) {
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(commune.getId())
            .variableName("passed").singleResult().getValue()).as(commune.getBusinessKey()).isNotNull();
      }
      communes += finished.size();
    }
    assertThat(communes).isEqualTo(260);
    Object summary = history.createHistoricVariableInstanceQuery().processInstanceId(programme.getId())
        .variableName("districtResultsSummary").singleResult().getValue();
    assertThat(summary.toString()).as("the province's summary is longer than a String could hold")
        .hasSizeGreaterThan(4000).contains("Huyện Đông Hưng").contains("Huyện Hưng Hà");
  }

  private void runDistrict(ProcessInstance district, CommuneWalker walker) {
    List<String> communes = units.communesOf(district.getBusinessKey()).stream().map(AdministrativeUnit::code).toList();
    List<String> pilots = communes.subList(0, PILOTS_PER_DISTRICT);
    complete(taskOf(district), "district-select-pilots", Map.of(
        "pilotCommunes", SpinValues.jsonValue(json(pilots)).create(),
        "provincePilots", SpinValues.jsonValue(json(pilots.subList(0, 2))).create()));
    complete(taskOf(district), "district-approve-pilots", Map.of("selectionDecision", "approve"));
    List<ProcessInstance> pilotInstances = children(district);
    for (int i = 0; i < pilotInstances.size(); i++) {
      // one pilot per district fails, is remediated and appraised again
      walker.walk(pilotInstances.get(i), i == 0 ? new double[] {9, 20, 20, 20, 20} : new double[] {19, 19, 19, 19, 19});
    }
    runJobs(district);
    complete(taskOf(district), "district-lessons", Map.of());
    complete(taskOf(district), "district-rollout-plan", Map.of(
        "rolloutCommunes", runtime.getVariableTyped(district.getId(), "rolloutCommunes"),
        "rolloutPeriodEnd", "2024-06-30"));
    List<ProcessInstance> rollout = children(district);
    assertThat(rollout).hasSize(communes.size() - PILOTS_PER_DISTRICT);
    for (ProcessInstance commune : rollout) {
      walker.walk(commune, 17, 17, 17, 17, 17);
    }
    runJobs(district);
    complete(taskOf(district), "district-final-report", Map.of());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(district.getId()).count())
        .as(district.getBusinessKey() + " ended").isZero();
  }

  /** Completes the instance's task with the honest values and every text at its maximum. */
  private void complete(Task task, String form, Map<String, Object> values) {
    VariableMap input = LongestTexts.fill(form, values);
    tasks.complete(task.getId(), input);
  }

  private Task taskOf(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private List<ProcessInstance> children(ProcessInstance parent) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).list();
  }

  private void runJobs(ProcessInstance instance) {
    for (Job job : management.createJobQuery().processInstanceId(instance.getId()).list()) {
      management.executeJob(job.getId());
    }
  }

  private static String json(List<String> codes) {
    return "[\"" + String.join("\",\"", codes) + "\"]";
  }
}
