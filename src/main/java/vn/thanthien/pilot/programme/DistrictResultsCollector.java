package vn.thanthien.pilot.programme;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.DisplayText;
import vn.thanthien.pilot.reporting.FinishedChildren;

/**
 * Gathers every district's final figures for the province's final review: Markdown for a form's
 * text template, with each district's lessons escaped so that they show as typed, stored as a Json
 * string (see {@link DisplayText#longText}) because every district's lessons outgrow a String.
 */
@Component("districtResultsCollector")
public class DistrictResultsCollector implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    List<Map<String, Object>> districts = FinishedChildren.of(execution, "district-pilot",
        "districtCode", "districtName", "pilotCount", "pilotPassedCount", "rolloutCount",
        "rolloutPassedCount", "districtLessons", "districtFinalReport");
    StringBuilder summary = new StringBuilder("**Kết quả của " + districts.size() + " huyện, thành phố:**\n\n");
    long communes = 0;
    long passed = 0;
    for (Map<String, Object> d : districts) {
      long pilots = count(d.get("pilotCount"));
      long pilotsPassed = count(d.get("pilotPassedCount"));
      long rollout = count(d.get("rolloutCount"));
      long rolloutPassed = count(d.get("rolloutPassedCount"));
      communes += pilots + rollout;
      passed += pilotsPassed + rolloutPassed;
      summary.append("- **").append(d.get("districtName")).append("** (").append(d.get("districtCode"))
          .append("): thí điểm ").append(pilotsPassed).append('/').append(pilots).append(" xã đạt; nhân rộng ")
          .append(rolloutPassed).append('/').append(rollout).append(" xã đạt.")
          .append(" Bài học: ").append(lessons(d.get("districtLessons"))).append('\n');
    }
    summary.append("\nToàn tỉnh: ").append(passed).append('/').append(communes)
        .append(" xã, phường, thị trấn được công nhận.");
    execution.setVariable("districtResultsSummary", DisplayText.longText(summary.toString()));
    execution.setVariable("communesTotal", communes);
    execution.setVariable("communesRecognised", passed);
  }

  static long count(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }

  /** The district's own words, shown as typed inside the list item (never as Markdown or HTML). */
  static String lessons(Object text) {
    String escaped = DisplayText.escapeMarkdown(text, "  ");
    return escaped.isEmpty() ? "(chưa có)" : "\n  " + escaped;
  }
}
