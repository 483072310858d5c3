package vn.thanthien.pilot.commune;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.organisation.TimeZoneProperties;

/**
 * What the commune's forms show of dates and numbers, written as officials read them: a date
 * "05/03/2025" (never the date picker's "2025-03-05"), a number "87,5" (never "87.5"). Camunda
 * Forms print a template variable as it is stored, so the forms show these texts, not the values.
 * Each call writes the text of every value present, so the listener may run at any step.
 */
@Component("communeDisplayTexts")
public class CommuneDisplayTexts implements ExecutionListener {

  /** Date variable → its text. */
  static final Map<String, String> DATES = Map.of(
      "periodEnd", "periodEndText",
      "plannedLaunchDate", "plannedLaunchDateText");

  /** Number variable → its text. */
  static final Map<String, String> NUMBERS = numbers();

  private final TimeZoneProperties time;

  public CommuneDisplayTexts(TimeZoneProperties time) {
    this.time = time;
  }

  private static Map<String, String> numbers() {
    Map<String, String> numbers = new LinkedHashMap<>();
    numbers.put("totalScore", "totalScoreText");
    for (int area = 1; area <= 5; area++) {
      numbers.put("selfArea" + area, "selfArea" + area + "Text");
    }
    return Map.copyOf(numbers);
  }

  @Override
  public void notify(DelegateExecution execution) {
    DATES.forEach((variable, text) -> FormValues.date(execution.getVariable(variable), time.timeZone())
        .ifPresent(date -> execution.setVariable(text, FormValues.display(date))));
    NUMBERS.forEach((variable, text) -> FormValues.number(execution.getVariable(variable))
        .ifPresent(number -> execution.setVariable(text, FormValues.display(number))));
  }
}
