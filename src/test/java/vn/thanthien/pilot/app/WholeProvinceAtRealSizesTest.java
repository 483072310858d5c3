package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.process.Officials;
import vn.thanthien.pilot.process.ProgrammeWalker;

/**
 * The whole of Thái Bình at once, at real sizes: all 8 districts (Đông Hưng, the largest, has 38
 * communes; Hưng Hà 35), every commune piloted or rolled out, and every official writing every
 * text field to its form's maximum length in Vietnamese. Everything ends, every commune has a
 * result, and no step fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class WholeProvinceAtRealSizesTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired UnitDirectory units;

  @Test
  void everyDistrictOfThaiBinhRunsToTheEndWithTextsAtTheirMaximumLength() {
    ProgrammeWalker walker = new ProgrammeWalker(engine, units, Officials.onTheEngine(engine, true),
        new ProgrammeWalker.Calendar("2023-07-05", "2023-07-05", "2023-12-31", "P6M", "2024-06-30"));
    ProcessInstance programme = walker.start("34", null);
    List<ProcessInstance> districts = walker.chooseDistricts(programme);
    assertThat(districts).extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrderElementsOf(units.districtsOf("34").stream().map(AdministrativeUnit::code).toList());
    for (ProcessInstance district : districts) {
      walker.runDistrict(district);
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(district.getId()).count())
          .as(district.getBusinessKey() + " ended").isZero();
    }
    walker.finish(programme);

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
}
