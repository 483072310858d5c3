package vn.thanthien.pilot.process;

import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** What commune, district and province officials type into the commune-pilot forms. */
public final class CommuneInputs {

  private CommuneInputs() {}

  public static VariableMap startInput(String communeCode, String tier, String periodEnd) {
    return Variables.createVariables()
        .putValue("communeCode", communeCode)
        .putValue("tier", tier)
        .putValue("periodEnd", periodEnd)
        .putValue("reportCycle", "P6M");
  }

  public static VariableMap plan() {
    VariableMap plan = Variables.createVariables();
    for (int area = 1; area <= 5; area++) {
      plan.putValue("planArea" + area, "Nội dung thực hiện tiêu chí " + area);
    }
    return plan.putValue("plannedLaunchDate", "2023-09-01").putValue("planResponsible", "Chủ tịch UBND xã");
  }

  public static VariableMap approvePlan() {
    return Variables.createVariables().putValue("planDecision", "approve");
  }

  public static VariableMap returnPlan(String remarks) {
    return Variables.createVariables().putValue("planDecision", "return").putValue("planRemarks", remarks);
  }

  public static VariableMap launch(String date) {
    return Variables.createVariables()
        .putValue("launchDate", date)
        .putValue("staffTotal", 24)
        .putValue("staffSigned", 24)
        .putValue("conductRules", "4 xin, 4 luôn, 5 không, 5 biết");
  }

  public static VariableMap report() {
    return Variables.createVariables()
        .putValue("progressReport", "Đã niêm yết công khai thủ tục hành chính")
        .putValue("surveyVerySatisfied", 40)
        .putValue("surveySatisfied", 50)
        .putValue("surveyNeutral", 8)
        .putValue("surveyDissatisfied", 2)
        .putValue("surveyVeryDissatisfied", 0);
  }

  public static VariableMap scores(String prefix, double... points) {
    VariableMap scores = Variables.createVariables();
    for (int area = 1; area <= points.length; area++) {
      scores.putValue(prefix + area, points[area - 1]);
    }
    return scores;
  }

  public static VariableMap selfAssessment(double... points) {
    return scores("selfArea", points);
  }

  public static VariableMap appraisal(double... points) {
    return scores("appraisedArea", points).putValue("appraisalRemarks", "Đã thẩm định thực tế tại xã");
  }

  public static VariableMap recognition() {
    return Variables.createVariables()
        .putValue("recognitionDecisionNumber", "123/QĐ-UBND")
        .putValue("recognitionDate", "2025-12-20")
        .putValue("recognitionSigner", "Nguyễn Văn An")
        .putValue("recognitionSignerTitle", "Phó Chủ tịch");
  }

  public static VariableMap remediation() {
    return Variables.createVariables().putValue("remediationActions", "Đã sửa chữa bộ phận một cửa");
  }

  public static VariableMap lessons() {
    return Variables.createVariables().putValue("communeLessons", "Phát huy vai trò người đứng đầu");
  }

  public static VariableMap interimReport() {
    return Variables.createVariables()
        .putValue("interimResults", "Công khai thủ tục hành chính, tiếp dân thân thiện")
        .putValue("interimShortcomings", "Trụ sở chưa có khu vực chờ đủ rộng")
        .putValue("interimProposals", "Hỗ trợ kinh phí sửa trụ sở");
  }

  public static VariableMap with(VariableMap base, Map<String, Object> more) {
    base.putAll(more);
    return base;
  }
}
