package vn.thanthien.pilot.programme;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.organisation.TimeZoneProperties;

/**
 * The times of the interim reviews' timers, for the models' expressions
 * ({@code ${reviewTimers.communeInterim(execution)}}). The engine declares an event
 * sub-process's timer as the instance starts, before the start event's listeners have derived
 * anything, so the time is made sure of here ({@link ReviewCalendar}), and the variables the
 * forms and the called processes read are written with it.
 */
@Component("reviewTimers")
public class ReviewTimers {

  private final TimeZoneProperties time;

  public ReviewTimers(TimeZoneProperties time) {
    this.time = time;
  }

  /** When a pilot commune's interim report opens. */
  public Date communeInterim(DelegateExecution execution) {
    ReviewCalendar.ensure(execution, time.timeZone(), ReviewCalendar.INTERIM_AT, ReviewCalendar.INTERIM_DATE);
    return (Date) execution.getVariable(ReviewCalendar.INTERIM_AT);
  }

  /** When the district's interim review opens. */
  public Date districtInterim(DelegateExecution execution) {
    ReviewCalendar.ensure(execution, time.timeZone(), ReviewCalendar.INTERIM_AT,
        ReviewCalendar.DISTRICT_INTERIM_AT, ReviewCalendar.INTERIM_DATE);
    return (Date) execution.getVariable(ReviewCalendar.DISTRICT_INTERIM_AT);
  }

  /** When the province's interim review opens. */
  public Date provinceInterim(DelegateExecution execution) {
    ReviewCalendar.ensure(execution, time.timeZone(), ReviewCalendar.INTERIM_AT, ReviewCalendar.DISTRICT_INTERIM_AT,
        ReviewCalendar.PROVINCE_INTERIM_AT, ReviewCalendar.FINAL_AT, ReviewCalendar.INTERIM_DATE);
    return (Date) execution.getVariable(ReviewCalendar.PROVINCE_INTERIM_AT);
  }
}
