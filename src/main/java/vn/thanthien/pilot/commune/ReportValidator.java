package vn.thanthien.pilot.commune;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.SubmissionCheck;
import vn.thanthien.pilot.forms.ValidationProblems;

/** A periodic report needs at least one survey answer on the five-level scale. */
@Component("reportValidator")
public class ReportValidator extends SubmissionCheck {

  static final String[] SCALE = {"surveyVerySatisfied", "surveySatisfied", "surveyNeutral",
      "surveyDissatisfied", "surveyVeryDissatisfied"};

  @Override
  protected void check(DelegateExecution execution) {
    if (answers(execution) <= 0) {
      throw ValidationProblems.reject("Kết quả khảo sát phải có ít nhất một phiếu");
    }
  }

  /** The number of survey answers of the report, over the five levels. */
  static double answers(VariableScope report) {
    double total = 0;
    for (String level : SCALE) {
      total += FormValues.number(report.getVariable(level)).orElse(0d);
    }
    return total;
  }
}
