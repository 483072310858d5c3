package vn.thanthien.pilot.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.survey.SurveyAnswers.Count;
import vn.thanthien.pilot.survey.SurveyAnswers.Refusal;
import vn.thanthien.pilot.survey.SurveyQuestions.Level;

/**
 * The citizens' figures of one or more pilot instances, per reporting period: answers counted,
 * answers per level of the overall question, the share satisfied (in percent, one decimal, as the
 * periodic report computes the paper survey's), the answers flagged as possible stuffing (counted
 * all the same) and the answers refused by the limits (not counted).
 */
@Component
public class SurveyFigures {

  /** One reporting period's figures. {@code to} is null while the commune has not launched its model. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record PeriodFigures(String processInstanceId, LocalDate from, LocalDate to, long responses,
      Map<String, Long> perLevel, Double satisfiedShare, long flagged, long refused) {}

  /** All periods' figures. */
  public record Figures(long responses, Map<String, Long> perLevel, Double satisfiedShare, long flagged, long refused,
      List<PeriodFigures> periods) {}

  private final SurveyAnswers answers;
  private final SurveyQuestions questions;

  public SurveyFigures(SurveyAnswers answers, SurveyQuestions questions) {
    this.answers = answers;
    this.questions = questions;
  }

  /**
   * @param instances the pilot instances whose answers count, each with its launch day (null if
   *     none yet), which ends the period before the launch
   * @param communes the codes under which answers were given (refusals are counted per code and day)
   */
  public Figures of(Map<String, LocalDate> instances, Collection<String> communes) {
    record Key(String instance, LocalDate from, LocalDate to) {}
    Map<Key, List<Count>> byPeriod = new TreeMap<>((a, b) -> a.from().equals(b.from())
        ? a.instance().compareTo(b.instance()) : a.from().compareTo(b.from()));
    for (String instance : instances.keySet()) {
      for (Count count : answers.counts(List.of(instance))) {
        LocalDate to = count.to() != null ? count.to() : instances.get(instance);
        byPeriod.computeIfAbsent(new Key(instance, count.from(), to), k -> new ArrayList<>()).add(count);
      }
    }
    Map<LocalDate, Map<Refusal, Long>> refusals = answers.refusals(communes);
    List<PeriodFigures> periods = new ArrayList<>();
    List<Count> all = new ArrayList<>();
    long refusedInPeriods = 0;
    for (Map.Entry<Key, List<Count>> period : byPeriod.entrySet()) {
      Key key = period.getKey();
      long refused = refusals.entrySet().stream()
          .filter(day -> !day.getKey().isBefore(key.from()) && (key.to() == null || day.getKey().isBefore(key.to())))
          .mapToLong(day -> day.getValue().values().stream().mapToLong(Long::longValue).sum()).sum();
      refusedInPeriods += refused;
      periods.add(figures(key.instance(), key.from(), key.to(), period.getValue(), refused));
      all.addAll(period.getValue());
    }
    long refused = refusals.values().stream().flatMap(r -> r.values().stream()).mapToLong(Long::longValue).sum();
    PeriodFigures total = figures(null, null, null, all, Math.max(refused, refusedInPeriods));
    return new Figures(total.responses(), total.perLevel(), total.satisfiedShare(), total.flagged(), total.refused(),
        periods);
  }

  /**
   * The citizens' figures of one periodic report of the instance: the answers counted for the
   * period that starts on {@code from}; the first report also takes those given before the launch.
   */
  public PeriodFigures forReport(String instance, LocalDate from, boolean first) {
    List<Count> counts = answers.counts(List.of(instance)).stream()
        .filter(c -> c.from().equals(from) || (first && c.to() == null)).toList();
    return figures(instance, from, null, counts, 0);
  }

  private PeriodFigures figures(String instance, LocalDate from, LocalDate to, List<Count> counts, long refused) {
    Map<String, Long> perLevel = new LinkedHashMap<>();
    for (Level level : questions.scale()) {
      perLevel.put(String.valueOf(level.value()), 0L);
    }
    long responses = 0;
    long satisfied = 0;
    long flagged = 0;
    for (Count count : counts) {
      perLevel.merge(String.valueOf(count.level()), count.answers(), Long::sum);
      responses += count.answers();
      if (questions.isSatisfied(count.level())) {
        satisfied += count.answers();
      }
      if (count.flagged()) {
        flagged += count.answers();
      }
    }
    return new PeriodFigures(instance, from, to, responses, perLevel, share(satisfied, responses), flagged, refused);
  }

  /** Percent with one decimal, as the periodic report rounds the paper survey's share; null without answers. */
  static Double share(long satisfied, long responses) {
    return responses == 0 ? null : Math.round(satisfied * 1000.0 / responses) / 10.0;
  }

  /** A comment as shown to those who follow the commune: hidden ones without their text. */
  public record ShownComment(String id, LocalDate periodFrom, OffsetDateTime answeredAt, int level, String text,
      boolean hidden) {}

  public List<ShownComment> comments(Collection<String> instances, int limit) {
    return answers.comments(instances, limit).stream()
        .map(c -> new ShownComment(c.id(), c.periodFrom(), c.at(), c.overall(), c.hidden() ? null : c.text(), c.hidden()))
        .toList();
  }
}
