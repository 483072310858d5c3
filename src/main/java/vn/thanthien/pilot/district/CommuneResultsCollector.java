package vn.thanthien.pilot.district;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.DisplayText;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.reporting.FinishedChildren;
import vn.thanthien.pilot.reporting.Lateness;
import vn.thanthien.pilot.reporting.SummaryText;
import vn.thanthien.pilot.reporting.UnitInstances;

/**
 * Gathers the result of every commune the district ran, for the district's lessons and final
 * report. The model says which round it reads with the input parameter {@code resultKind}:
 * {@code pilot} (province and district pilots) or {@code rollout}.
 *
 * <p>The summary is Markdown for a form's text template; each commune's lessons are its
 * officials' own words, escaped so that they show as typed, each commune's lateness comes from
 * {@link Lateness}, and the summary is a Json string
 * (see {@link DisplayText#longText}) because 35 communes' lessons outgrow a String variable.
 */
@Component("communeResultsCollector")
public class CommuneResultsCollector implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String kind = String.valueOf(execution.getVariableLocal("resultKind"));
    boolean rollout = "rollout".equals(kind);
    Map<String, Lateness.Unit> late = Lateness.perUnit(execution.getProcessEngineServices().getHistoryService(),
        UnitInstances.rootOf(execution));
    List<Map<String, Object>> results = FinishedChildren.of(execution, "commune-pilot",
        "communeCode", "communeName", "tier", "totalScore", "passed", "ratingLevel",
        "appraisalRound", "communeLessons").stream()
        .filter(r -> rollout == "rollout".equals(r.get("tier")))
        .toList();
    long passed = results.stream().filter(r -> Boolean.TRUE.equals(r.get("passed"))).count();
    StringBuilder summary = new StringBuilder("**")
        .append(rollout ? "Kết quả nhân rộng" : "Kết quả thí điểm")
        .append(": ").append(passed).append('/').append(results.size())
        .append(" xã được công nhận**\n\n");
    for (Map<String, Object> r : results) {
      summary.append("- ").append(r.get("communeName")).append(" (").append(r.get("communeCode")).append(')')
          .append(SummaryText.tierLabel(r.get("tier"))).append(": ")
          .append(r.get("totalScore") instanceof Number n ? FormValues.display(n.doubleValue()) : "—")
          .append(" điểm, ").append(r.get("ratingLevel"))
          .append(Boolean.TRUE.equals(r.get("passed")) ? ", được công nhận" : ", không được công nhận")
          .append(" (thẩm định ").append(r.get("appraisalRound")).append(" lần; ")
          .append(Lateness.describe(late.get(String.valueOf(r.get("communeCode"))))).append("). Bài học: ")
          .append(lessons(r.get("communeLessons")))
          .append('\n');
    }
    execution.setVariable(kind + "ResultsSummary", DisplayText.longText(summary.toString()));
    execution.setVariable(kind + "Count", (long) results.size());
    execution.setVariable(kind + "PassedCount", passed);
  }

  /** The commune's own words, shown as typed inside the list item (never as Markdown or HTML). */
  public static String lessons(Object text) {
    return SummaryText.typed(text, "(chưa có)");
  }
}
