package vn.thanthien.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.thanthien.pilot.rating.ScoreValidator;

/** The default scoring scheme at its boundaries, and which level appraises which tier. */
@Deployment(resources = {"bpmn/pilot-rating.dmn", "bpmn/appraisal-level.dmn", "bpmn/task-deadline.dmn"})
class PilotRatingDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("camunda-process-test.cfg.xml").build();


  private DmnDecisionResultEntries rate(double s1, double s2, double s3, double s4, double s5) {
    return engine.getDecisionService().evaluateDecisionByKey("pilot-rating")
        .variables(Variables.createVariables().putValue("score1", s1).putValue("score2", s2)
            .putValue("score3", s3).putValue("score4", s4).putValue("score5", s5))
        .evaluate().getSingleResult();
  }

  @ParameterizedTest(name = "{0}+{1}+{2}+{3}+{4} -> passed={5}, {6}")
  @CsvSource({
      // total 79: fails though every area is at least half
      "16, 16, 16, 16, 15, false, Không đạt (tổng điểm dưới 80)",
      // total 80: the lowest pass
      "16, 16, 16, 16, 16, true, Đạt",
      // exactly 50% in one area (10 of 20) with 80 in total: passes
      "10, 20, 20, 20, 10.5, true, Đạt",
      // 9.5 of 20 in one area (below half): fails although the total is 89.5
      "9.5, 20, 20, 20, 20, false, Không đạt (có tiêu chí dưới 50% điểm tối đa)",
      "18, 18, 18, 18, 17.5, true, Đạt",
      "18, 18, 18, 18, 18, true, Tốt",
      "19, 19, 19, 19, 18.5, true, Tốt",
      "19, 19, 19, 19, 19, true, Xuất sắc",
      "20, 20, 20, 20, 20, true, Xuất sắc",
      "0, 0, 0, 0, 0, false, Không đạt (có tiêu chí dưới 50% điểm tối đa)",
  })
  void ratesAtTheBoundaries(double s1, double s2, double s3, double s4, double s5,
      boolean passed, String level) {
    DmnDecisionResultEntries result = rate(s1, s2, s3, s4, s5);
    assertThat((Boolean) result.getEntry("passed")).isEqualTo(passed);
    assertThat((String) result.getEntry("ratingLevel")).isEqualTo(level);
    assertThat(((Number) result.getEntry("totalScore")).doubleValue()).isEqualTo(s1 + s2 + s3 + s4 + s5);
  }

  @Test
  void schemeGivesTwentyPointsPerAreaByDefault() {
    var maxima = ScoreValidator.maxima(engine.getDecisionService());
    for (int area = 1; area <= 5; area++) {
      assertThat(((Number) maxima.get("max" + area)).intValue()).isEqualTo(20);
    }
  }

  @ParameterizedTest(name = "tier {0} is appraised by {1}")
  @CsvSource({"province, province-34", "district, district-339", "rollout, district-339"})
  void appraisalGoesToTheRightLevel(String tier, String group) {
    String appraiser = engine.getDecisionService().evaluateDecisionByKey("appraisal-level")
        .variables(Variables.createVariables().putValue("tier", tier)
            .putValue("provinceGroup", "province-34").putValue("districtGroup", "district-339"))
        .evaluate().getSingleEntry();
    assertThat(appraiser).isEqualTo(group);
  }
}
