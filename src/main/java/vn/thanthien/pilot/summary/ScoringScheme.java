package vn.thanthien.pilot.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.variable.Variables;
import vn.thanthien.pilot.rating.ScoreValidator;
import vn.thanthien.pilot.summary.ProgrammeSummary.Area;

/**
 * The five content areas and their maximum points, from the latest deployed decision
 * {@value ScoreValidator#SCHEME_DECISION}, evaluated by a DMN engine of its own: reading a summary
 * writes no decision history.
 */
final class ScoringScheme {

  static final int AREAS = ScoreValidator.AREAS;
  /** The areas' names as the scoring forms give them. */
  private static final List<String> NAMES = List.of(
      "Công khai, minh bạch, dân chủ",
      "Chính quyền thân thiện, trách nhiệm",
      "Cán bộ, công chức thân thiện, trách nhiệm, tận tụy",
      "Người đứng đầu gương mẫu, thân thiện, trách nhiệm",
      "Trụ sở khang trang, văn minh, sáng, xanh, sạch, đẹp");

  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  /** Needs a command context. */
  @SuppressWarnings("unchecked")
  List<Area> areas() {
    DecisionDefinitionEntity decision = (DecisionDefinitionEntity) Context.getProcessEngineConfiguration()
        .getDeploymentCache().findDeployedLatestDecisionDefinitionByKey(ScoreValidator.SCHEME_DECISION);
    Map<String, Object> maxima = (Map<String, Object>) dmn.evaluateDecision(decision, Variables.createVariables())
        .getSingleResult().getSingleEntry();
    List<Area> areas = new ArrayList<>();
    for (int area = 1; area <= AREAS; area++) {
      areas.add(new Area(area, NAMES.get(area - 1), ((Number) maxima.get("max" + area)).doubleValue()));
    }
    return List.copyOf(areas);
  }
}
