package vn.thanthien.pilot.commune;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.organisation.TimeZoneProperties;

/**
 * The next periodic report: due one reporting cycle after the previous one (counting from the
 * launch), the last one on the day the implementation period ends. The report form shows the
 * period reported on ({@code reportPeriodStart} – {@code reportPeriodEnd}, dd/MM/yyyy). A report whose day has passed
 * is due at once, so late data entry catches up. How long officials have to report is the
 * calendar's ({@code task-deadline}, row PeriodicReport), counted from the end of the period.
 * Hours are those of the programme's time zone ({@code pilot.time-zone}).
 */
@Component("reportScheduler")
public class ReportScheduler implements JavaDelegate {

  private final TimeZoneProperties time;

  public ReportScheduler(TimeZoneProperties time) {
    this.time = time;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int number = ((Number) execution.getVariable("reportNumber")).intValue() + 1;
    LocalDate launch = FormValues.date(execution.getVariable("launchDate"), time.timeZone()).orElseThrow();
    LocalDate end = FormValues.date(execution.getVariable("periodEnd"), time.timeZone()).orElseThrow();
    Period cycle = cycle(execution.getVariable("reportCycle"));
    // the period reported on: from the launch or the previous period's end, to this one's end
    LocalDate from = launch.plus(cycle.multipliedBy(number - 1));
    LocalDate due = launch.plus(cycle.multipliedBy(number));
    boolean last = !due.isBefore(end);
    if (last) {
      due = end;
    }
    execution.setVariable("reportNumber", number);
    execution.setVariable("reportPeriodStart", FormValues.display(from));
    execution.setVariable("reportPeriodEnd", FormValues.display(due));
    execution.setVariable("reportDueAt", Date.from(due.atTime(LocalTime.of(7, 30)).atZone(time.timeZone()).toInstant()));
    execution.setVariable("lastReport", last);
  }

  /** The reporting cycle a commune chose ({@code reportCycle}, ISO-8601, e.g. P3M); three months when it is not one. */
  public static Period cycle(Object value) {
    try {
      Period period = Period.parse(String.valueOf(value));
      return period.isZero() || period.isNegative() ? Period.ofMonths(3) : period;
    } catch (DateTimeParseException e) {
      return Period.ofMonths(3);
    }
  }
}
