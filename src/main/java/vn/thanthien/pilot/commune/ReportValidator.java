package vn.thanthien.pilot.commune;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.SubmissionCheck;
import vn.thanthien.pilot.forms.ValidationProblems;

/**
 * A periodic report needs at least one survey answer on the five-level scale; it computes the
 * share of satisfied citizens and keeps one line per report in {@code reportsSummary}.
 */
@Component("reportValidator")
public class ReportValidator extends SubmissionCheck {

  static final String[] SCALE = {"surveyVerySatisfied", "surveySatisfied", "surveyNeutral",
      "surveyDissatisfied", "surveyVeryDissatisfied"};

  @Override
  protected void check(DelegateExecution execution) {
    double total = 0;
    for (String level : SCALE) {
      total += FormValues.number(execution.getVariable(level)).orElse(0d);
    }
    if (total <= 0) {
      throw ValidationProblems.reject("Kết quả khảo sát phải có ít nhất một phiếu");
    }
    double satisfied = FormValues.number(execution.getVariable("surveyVerySatisfied")).orElse(0d)
        + FormValues.number(execution.getVariable("surveySatisfied")).orElse(0d);
    double rate = Math.round(satisfied * 1000 / total) / 10.0;
    String line = "Kỳ " + execution.getVariable("reportNumber") + " (đến " + execution.getVariable("reportPeriodEnd")
        + "): " + FormValues.display(total) + " phiếu, " + FormValues.display(rate) + "% hài lòng";
    Object previous = execution.getVariable("reportsSummary");
    execution.setVariable("satisfactionRate", rate);
    execution.setVariable("reportsSummary", previous == null ? line : previous + "\n" + line);
  }
}
