package vn.thanthien.pilot.summary;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import vn.thanthien.pilot.summary.ProgrammeSummary.Commune;
import vn.thanthien.pilot.summary.ProgrammeSummary.ProgressPoint;

/** How far the rollout has come, month by month: started, launched, recognised by each month's end. */
final class Progress {

  /** At most ten years of months: a programme runs two or three. */
  static final int MAX_MONTHS = 120;

  private Progress() {}

  /** From the month the first rollout commune started to the month of {@code today}; empty without rollout. */
  static List<ProgressPoint> monthly(List<Commune> communes, LocalDate today) {
    List<Commune> rollout = communes.stream()
        .filter(c -> SummaryReader.Role.ROLLOUT.key.equals(c.role()) && c.startedOn() != null).toList();
    if (rollout.isEmpty()) {
      return List.of();
    }
    YearMonth first = rollout.stream().map(c -> YearMonth.from(c.startedOn())).min(YearMonth::compareTo).orElseThrow();
    YearMonth last = YearMonth.from(today);
    if (last.isBefore(first)) {
      last = first;
    }
    if (first.plusMonths(MAX_MONTHS - 1).isBefore(last)) {
      first = last.minusMonths(MAX_MONTHS - 1);
    }
    List<ProgressPoint> points = new ArrayList<>();
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      LocalDate end = month.atEndOfMonth();
      points.add(new ProgressPoint(month.toString(), count(rollout, c -> c.startedOn(), end),
          count(rollout, Commune::launchDate, end),
          count(rollout.stream().filter(c -> Boolean.TRUE.equals(c.passed())).toList(), Progress::recognisedOn, end)));
    }
    return List.copyOf(points);
  }

  /** The day of the recognition decision, else the day the commune's instance ended. */
  private static LocalDate recognisedOn(Commune commune) {
    if (commune.recognitionDate() != null) {
      return commune.recognitionDate();
    }
    return commune.endedOn();
  }

  private static int count(List<Commune> communes, java.util.function.Function<Commune, LocalDate> day, LocalDate end) {
    return (int) communes.stream().map(day).filter(d -> d != null && !d.isAfter(end)).count();
  }
}
