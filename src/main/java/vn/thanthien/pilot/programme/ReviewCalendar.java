package vn.thanthien.pilot.programme;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import vn.thanthien.pilot.forms.FormValues;

/**
 * When the programme's reviews take place: the interim review (sơ kết) some months after the
 * implementation starts, first in the communes, then in the districts, then in the province; the
 * final review (tổng kết) on the period's last day. Every offset between the levels is here, in
 * one place, so that a calendar decision can later supply them.
 *
 * <p>Variables written (all derived, never taken from a request): {@code interimReviewAt} (the
 * communes' interim report opens), {@code districtInterimReviewAt}, {@code provinceInterimReviewAt},
 * {@code finalReviewAt} (Dates at {@link #REVIEW_TIME} in the programme's time zone) and
 * {@code interimReviewDate} (the interim date as officials read it, dd/MM/yyyy).
 */
public final class ReviewCalendar {

  /** The interim review, counted from the start of the implementation, unless the province chooses otherwise. */
  public static final Period DEFAULT_INTERIM_AFTER = Period.ofMonths(9);
  /** Days the communes have to send their interim report before the district reviews. */
  public static final int DAYS_FOR_COMMUNES = 15;
  /** Days the districts have to conclude before the province reviews. */
  public static final int DAYS_FOR_DISTRICTS = 15;
  /** Reviews open at the start of a working day. */
  public static final LocalTime REVIEW_TIME = LocalTime.of(7, 30);

  public static final String INTERIM_AT = "interimReviewAt";
  public static final String DISTRICT_INTERIM_AT = "districtInterimReviewAt";
  public static final String PROVINCE_INTERIM_AT = "provinceInterimReviewAt";
  public static final String FINAL_AT = "finalReviewAt";
  public static final String INTERIM_DATE = "interimReviewDate";

  private ReviewCalendar() {}

  /** The province's choice ("P6M", "P9M", "P12M"), or the default when none was made; empty when unreadable. */
  public static Optional<Period> interimAfter(Object choice) {
    if (choice == null || String.valueOf(choice).isBlank()) {
      return Optional.of(DEFAULT_INTERIM_AFTER);
    }
    try {
      Period period = Period.parse(String.valueOf(choice));
      return period.isZero() || period.isNegative() ? Optional.empty() : Optional.of(period);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Writes every review time of a programme whose interim review is on {@code interimDay} and
   * whose period ends on {@code periodEnd}.
   */
  public static void write(VariableScope scope, LocalDate interimDay, LocalDate periodEnd, ZoneId zone) {
    scope.setVariables(times(interimDay, periodEnd, zone));
  }

  /**
   * The review times a process needs ({@code names}) when its timers are declared, which the
   * engine does as an instance starts, before any listener of its start event has run. A
   * programme has its start form's period and choice; a district or commune called by the
   * programme has the times it passed down; one started on its own (by an administrator) gets the
   * default interim review after today (the engine's clock), not after its period's end. Only the
   * missing ones are written.
   */
  static void ensure(VariableScope scope, ZoneId zone, String... names) {
    Map<String, Object> times = null;
    for (String name : names) {
      if (scope.getVariable(name) == null) {
        times = times != null ? times : derive(scope, zone);
        scope.setVariable(name, times.get(name));
      }
    }
  }

  private static Map<String, Object> derive(VariableScope scope, ZoneId zone) {
    Optional<LocalDate> start = FormValues.date(scope.getVariable("periodStart"), zone);
    Optional<LocalDate> end = FormValues.date(scope.getVariable("periodEnd"), zone);
    if (start.isPresent() && end.isPresent() && scope.getVariable(INTERIM_AT) == null) {
      // the programme itself: ProgrammeContext checks the period and the choice right after
      return times(start.get().plus(interimAfter(scope.getVariable("interimReviewAfter")).orElse(DEFAULT_INTERIM_AFTER)),
          end.get(), zone);
    }
    Optional<LocalDate> passed = FormValues.date(scope.getVariable(INTERIM_AT), zone);
    if (passed.isPresent()) {
      return times(passed.get(), end.orElse(passed.get()), zone);
    }
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
    LocalDate interim = today.plus(DEFAULT_INTERIM_AFTER);
    LocalDate last = end.orElse(interim);
    return times(interim.isAfter(last) ? last : interim, last, zone);
  }

  private static Map<String, Object> times(LocalDate interimDay, LocalDate periodEnd, ZoneId zone) {
    Map<String, Object> times = new LinkedHashMap<>();
    times.put(INTERIM_AT, at(interimDay, zone));
    times.put(DISTRICT_INTERIM_AT, at(districtDay(interimDay), zone));
    times.put(PROVINCE_INTERIM_AT, at(provinceDay(interimDay), zone));
    times.put(FINAL_AT, at(periodEnd, zone));
    times.put(INTERIM_DATE, FormValues.display(interimDay));
    return times;
  }

  /** The day the district reviews: the communes have had their days to report. */
  public static LocalDate districtDay(LocalDate interimDay) {
    return interimDay.plusDays(DAYS_FOR_COMMUNES);
  }

  /** The day the province reviews: the districts have had their days to conclude. */
  public static LocalDate provinceDay(LocalDate interimDay) {
    return districtDay(interimDay).plusDays(DAYS_FOR_DISTRICTS);
  }

  /** {@link #REVIEW_TIME} on that day in the programme's time zone. */
  public static Date at(LocalDate day, ZoneId zone) {
    return Date.from(day.atTime(REVIEW_TIME).atZone(zone).toInstant());
  }
}
