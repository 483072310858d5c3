package vn.thanthien.pilot.commune;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;

/**
 * After a checked periodic report: the share of satisfied citizens ("rất hài lòng" and "hài
 * lòng" over all answers, in percent with one decimal) as {@code satisfactionRate}. Each report's
 * figures stay in the history of the instance.
 */
@Component("reportRecorder")
public class ReportRecorder implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    double total = ReportValidator.answers(execution);
    double satisfied = FormValues.number(execution.getVariable("surveyVerySatisfied")).orElse(0d)
        + FormValues.number(execution.getVariable("surveySatisfied")).orElse(0d);
    execution.setVariable("satisfactionRate", Math.round(satisfied * 1000 / total) / 10.0);
  }
}
