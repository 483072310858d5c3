package vn.thanthien.pilot.survey;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.commune.ReportScheduler;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.TimeZoneProperties;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.organisation.UnitMapping;
import vn.thanthien.pilot.organisation.UnitMappings;

/**
 * Whose survey a code is, read from data the application owns (the unit list, the reorganisations,
 * the running {@code commune-pilot} instances), never from the request: a commune of the unit list
 * with a running pilot takes answers; one without a running pilot does not (409); one whose
 * pilot a reorganisation handed to its successor, or a code a reorganisation ended that the unit
 * list no longer holds, names its successor (410); anything else is unknown (404). A successor
 * that took a pilot over takes the answers for it under its own code.
 *
 * <p>Answers count for the reporting period that holds the day they are given: the commune's
 * launch plus whole reporting cycles ({@code reportCycle}), the last ending with the
 * implementation period ({@code periodEnd}), as the periodic reports count them
 * ({@link ReportScheduler}); before the launch, from the pilot's start.
 */
@Component
public class SurveyCommunes {

  static final String COMMUNE_PILOT = "commune-pilot";

  /** What a code stands for. */
  public sealed interface Status permits Unknown, NoProgramme, Merged, Open {}

  public record Unknown() implements Status {}

  public record NoProgramme(String name) implements Status {}

  /** @param name the old commune's name, or null when the unit list no longer holds it */
  public record Merged(String name, String successorCode, String successorName) implements Status {}

  public record Open(String code, String name, String instanceId, ReportingPeriod period) implements Status {}

  /** A reporting period; {@code to} null while the commune has not launched its model yet. */
  public record ReportingPeriod(LocalDate from, LocalDate to) {}

  private final UnitDirectory units;
  private final UnitMappings mappings;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final ZoneId zone;

  public SurveyCommunes(UnitDirectory units, UnitMappings mappings, ProcessEngine engine, TimeZoneProperties time) {
    this.units = units;
    this.mappings = mappings;
    this.runtime = engine.getRuntimeService();
    this.history = engine.getHistoryService();
    this.zone = time.timeZone();
  }

  /** The status of {@code code} on {@code day}. */
  public Status status(String code, LocalDate day) {
    if (code == null || !code.matches("\\d{1,10}")) {
      return new Unknown();
    }
    Optional<AdministrativeUnit> unit = units.commune(code);
    HistoricProcessInstance own = latestRunning(pilots().processInstanceBusinessKey(code));
    if (own != null) {
      Object successorCode = runtime.getVariable(own.getId(), "successorCode");
      Object successorName = runtime.getVariable(own.getId(), "successorName");
      if (successorCode != null && !code.equals(successorCode)) {
        return new Merged(unit.map(AdministrativeUnit::name).orElse(null), successorCode.toString(),
            String.valueOf(successorName));
      }
      String name = successorName != null ? successorName.toString()
          : unit.map(AdministrativeUnit::name).orElse(code);
      return new Open(code, name, own.getId(), period(own, day));
    }
    HistoricProcessInstance takenOver = latestRunning(pilots().variableValueEquals("successorCode", code));
    if (takenOver != null) {
      Object successorName = runtime.getVariable(takenOver.getId(), "successorName");
      return new Open(code, String.valueOf(successorName), takenOver.getId(), period(takenOver, day));
    }
    if (unit.isPresent()) {
      return new NoProgramme(unit.get().name());
    }
    String oldName = mappings.all().stream().map(m -> m.oldNames().get(code)).filter(java.util.Objects::nonNull)
        .findFirst().orElse(null);
    return successor(code, day).<Status>map(s -> new Merged(oldName, s.code(), s.name())).orElseGet(Unknown::new);
  }

  /** The unit a code that a reorganisation ended became, following later reorganisations. */
  private Optional<AdministrativeUnit> successor(String code, LocalDate day) {
    AdministrativeUnit found = null;
    String current = code;
    for (UnitMapping mapping : mappings.all()) {
      AdministrativeUnit next = mapping.communes().get(current);
      if (next != null && !mapping.effective().isAfter(day)) {
        found = next;
        current = next.code();
      }
    }
    return Optional.ofNullable(found).filter(s -> !s.code().equals(code));
  }

  private HistoricProcessInstanceQuery pilots() {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(COMMUNE_PILOT).unfinished();
  }

  private static HistoricProcessInstance latestRunning(HistoricProcessInstanceQuery query) {
    List<HistoricProcessInstance> latest = query.orderByProcessInstanceStartTime().desc().listPage(0, 1);
    return latest.isEmpty() ? null : latest.get(0);
  }

  private ReportingPeriod period(HistoricProcessInstance instance, LocalDate day) {
    Map<String, Object> variables = runtime.getVariables(instance.getId(), List.of("launchDate", "reportCycle", "periodEnd"));
    LocalDate started = instance.getStartTime().toInstant().atZone(zone).toLocalDate();
    return periodOf(day, started, FormValues.date(variables.get("launchDate"), zone),
        ReportScheduler.cycle(variables.get("reportCycle")), FormValues.date(variables.get("periodEnd"), zone));
  }

  /**
   * The period that holds {@code day}: before the launch (or without one), from the pilot's start;
   * then launch + n cycles to launch + (n + 1) cycles, the last ending with the implementation
   * period and holding every later day.
   */
  static ReportingPeriod periodOf(LocalDate day, LocalDate started, Optional<LocalDate> launch, Period cycle,
      Optional<LocalDate> end) {
    if (launch.isEmpty() || day.isBefore(launch.get())) {
      return new ReportingPeriod(started.isAfter(day) ? day : started, null);
    }
    LocalDate from = launch.get();
    int n = 1;
    LocalDate to = launch.get().plus(cycle);
    while (!day.isBefore(to) && (end.isEmpty() || to.isBefore(end.get())) && n < 1000) {
      n++;
      from = to;
      to = launch.get().plus(cycle.multipliedBy(n));
    }
    if (end.isPresent() && !to.isBefore(end.get())) {
      to = end.get();
    }
    return new ReportingPeriod(from, to);
  }
}
