package vn.thanthien.pilot.programme;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.JsonVariables;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.OrganisationProperties;
import vn.thanthien.pilot.organisation.TimeZoneProperties;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.organisation.UnitResolver;

/**
 * When the province launches the scheme: checks the period, fixes the province (never from the
 * start request) and offers its districts, all taking part by default. The province is the one
 * whose group the starting official belongs to ({@code province-<code>}, from the identity
 * service, so a national installation serves every province); an administrator or the
 * application itself starts it for the configured province ({@code pilot.organisation.province-code}).
 * It also fixes the programme's review calendar ({@link ReviewCalendar}): the interim review the
 * province chose (6, 9 or 12 months after the start, inside the period) and the final review on
 * the period's last day.
 */
@Component("programmeContext")
public class ProgrammeContext implements ExecutionListener {

  private final UnitDirectory units;
  private final UnitResolver resolver;
  private final OrganisationProperties organisation;
  private final TimeZoneProperties time;

  public ProgrammeContext(UnitDirectory units, OrganisationProperties organisation, TimeZoneProperties time) {
    this.units = units;
    this.resolver = new UnitResolver(units);
    this.organisation = organisation;
    this.time = time;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // the province is the application's own: never taken from what the starter sends
    AdministrativeUnit province = resolver.provinceOrRefuse(provinceCodeFor(
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication()));
    LocalDate start = FormValues.date(execution.getVariable("periodStart"), time.timeZone()).orElse(null);
    LocalDate end = FormValues.date(execution.getVariable("periodEnd"), time.timeZone()).orElse(null);
    if (start != null && end != null && !end.isAfter(start)) {
      throw ValidationProblems.reject("Ngày kết thúc (" + FormValues.display(end)
          + ") phải sau ngày bắt đầu thực hiện (" + FormValues.display(start) + ")");
    }
    Period interimAfter = ReviewCalendar.interimAfter(execution.getVariable("interimReviewAfter"))
        .orElseThrow(() -> ValidationProblems.reject("Thời điểm sơ kết phải là 6, 9 hoặc 12 tháng sau khi bắt đầu thực hiện"));
    if (start != null && end != null) {
      LocalDate interim = start.plus(interimAfter);
      if (!interim.isBefore(end)) {
        throw ValidationProblems.reject("Thời điểm sơ kết (" + FormValues.display(interim) + ", "
            + interimAfter.toTotalMonths() + " tháng sau khi bắt đầu thực hiện) phải trước ngày kết thúc đề án ("
            + FormValues.display(end) + "): chọn sơ kết sớm hơn hoặc kiểm tra thời gian thực hiện");
      }
      ReviewCalendar.write(execution, interim, end, time.timeZone());
    }
    List<AdministrativeUnit> districts = units.districtsOf(province.code());
    UnitResolver.writeCodeNameAndGroup(execution, province);
    execution.setVariable("districtOptions",
        JsonVariables.options(districts, AdministrativeUnit::label, AdministrativeUnit::code));
    execution.setVariable("participatingDistricts",
        JsonVariables.checklist(districts.stream().map(AdministrativeUnit::code).toList()));
  }

  /**
   * The code of the province a programme started by {@code starter} is for: the province whose
   * group the starter belongs to, when exactly one; else (an administrator, the application, an
   * official of no province or of several) the configured one. Also what the programme's tenant
   * is derived from ({@code access.ProvinceTenantIdProvider}).
   */
  public String provinceCodeFor(Authentication starter) {
    return starterProvince(starter).orElse(organisation.provinceCode());
  }

  /** The province of the official who starts the programme, when exactly one is known. */
  private Optional<String> starterProvince(Authentication starter) {
    if (starter == null || starter.getGroupIds() == null) {
      return Optional.empty();
    }
    List<String> provinces = starter.getGroupIds().stream()
        .map(units::ofGroup).flatMap(Optional::stream)
        .filter(unit -> unit.level() == AdministrativeUnit.Level.PROVINCE)
        .map(AdministrativeUnit::code).distinct().toList();
    return provinces.size() == 1 ? Optional.of(provinces.get(0)) : Optional.empty();
  }
}
