package vn.thanthien.pilot.commune;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;

/**
 * After a checked periodic report: the share of satisfied citizens ("rất hài lòng" and "hài
 * lòng" over all answers, in percent with one decimal) as {@code satisfactionRate}. Each report's
 * figures stay in the history of the instance, and {@code reportHistory} (Json) keeps every report
 * so far — number, end of its period, share satisfied — so that a summary reads them with the
 * instance's other variables instead of searching the history's variable updates.
 */
@Component("reportRecorder")
public class ReportRecorder implements ExecutionListener {

  public static final String HISTORY = "reportHistory";

  @Override
  public void notify(DelegateExecution execution) {
    double total = ReportValidator.answers(execution);
    double satisfied = FormValues.number(execution.getVariable("surveyVerySatisfied")).orElse(0d)
        + FormValues.number(execution.getVariable("surveySatisfied")).orElse(0d);
    double rate = Math.round(satisfied * 1000 / total) / 10.0;
    execution.setVariable("satisfactionRate", rate);
    execution.setVariable(HISTORY, appended(execution.getVariable(HISTORY), execution.getVariable("reportNumber"),
        execution.getVariable("reportPeriodEnd"), rate));
  }

  /** The reports so far with this one added: {@code [{"number":1,"periodEnd":"05/01/2024","satisfactionRate":90.0}, …]}. */
  static JsonValue appended(Object history, Object number, Object periodEnd, double rate) {
    SpinJsonNode reports = history instanceof SpinJsonNode node && node.isArray() ? node : Spin.JSON("[]");
    SpinJsonNode report = Spin.JSON("{}");
    report.prop("number", number instanceof Number n ? n.intValue() : reports.elements().size() + 1);
    report.prop("periodEnd", periodEnd == null ? "" : periodEnd.toString());
    report.prop("satisfactionRate", rate);
    reports.append(report);
    return SpinValues.jsonValue(reports.toString()).create();
  }
}
