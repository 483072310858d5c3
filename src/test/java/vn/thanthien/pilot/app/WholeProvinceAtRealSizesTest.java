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
        new ProgrammeWalker.Calendar("2023-07-05", "2023-07-05", "2024-01-31", "P6M", "2024-06-30", "P6M"));
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
        .hasSizeGreaterThan(4000).contains("Huyện Đông Hưng").contains("Huyện Hưng Hà")
        .containsPattern("Toàn tỉnh: \\d+/260 xã được công nhận, \\d+ xã không được công nhận, 0 xã chưa kết thúc\\.");
    // the interim reviews, with every official's text at its form's maximum length (4,000
    // characters each): Json strings, far beyond what a String variable holds
    Object interim = history.createHistoricVariableInstanceQuery().processInstanceId(programme.getId())
        .variableName("provinceInterimSummary").singleResult().getValue();
    assertThat(interim.toString()).hasSizeGreaterThan(8 * 4000)
        .contains("Sơ kết toàn tỉnh ngày 05/01/2024: 8 huyện, thành phố;")
        .contains("#### Huyện Hưng Hà (339)").contains("- Kết luận sơ kết của huyện: \\n  Ủy ban nhân dân xã");
    for (ProcessInstance district : districts) {
      Object own = history.createHistoricVariableInstanceQuery().processInstanceId(district.getId())
          .variableName("districtInterimSummary").singleResult().getValue();
      assertThat(own.toString()).as(district.getBusinessKey()).hasSizeGreaterThan(4000)
          .contains("xã chưa gửi báo cáo sơ kết").doesNotContain("**chưa gửi báo cáo sơ kết**");
    }
  }
}
