package vn.thanthien.pilot.rating;

import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.SubmissionCheck;
import vn.thanthien.pilot.forms.ValidationProblems;

/**
 * Scores per content area may not exceed the area's maximum. The maxima are not written here:
 * they come from the decision {@code pilot-scoring-scheme}, the same one {@code pilot-rating}
 * uses, so a province that changes its scheme in the DMN changes the check too.
 */
@Component("scoreValidator")
public class ScoreValidator extends SubmissionCheck {

  public static final String SCHEME_DECISION = "pilot-scoring-scheme";
  public static final int AREAS = 5;
  private static final String[] PREFIXES = {"selfArea", "appraisedArea"};

  @Override
  protected void check(DelegateExecution execution) {
    Map<String, Object> scheme = maxima(execution.getProcessEngineServices().getDecisionService());
    ValidationProblems problems = new ValidationProblems();
    for (String prefix : PREFIXES) {
      for (int area = 1; area <= AREAS; area++) {
        Object value = execution.getVariable(prefix + area);
        if (value == null) {
          continue;
        }
        double max = ((Number) scheme.get("max" + area)).doubleValue();
        double score = FormValues.number(value).orElse(Double.NaN);
        if (Double.isNaN(score)) {
          problems.add("Điểm tiêu chí " + area + " phải là một số");
        } else if (score < 0 || score > max) {
          problems.add("Điểm tiêu chí " + area + " (" + FormValues.display(score)
              + ") phải từ 0 đến điểm tối đa của tiêu chí (" + FormValues.display(max) + ")");
        }
      }
    }
    problems.throwIfAny();
  }

  /** The maximum points per area: {@code {max1: 20, ...}}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> maxima(DecisionService decisions) {
    return (Map<String, Object>) decisions.evaluateDecisionByKey(SCHEME_DECISION).evaluate()
        .getSingleEntry();
  }
}
