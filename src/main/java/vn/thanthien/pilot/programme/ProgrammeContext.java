package vn.thanthien.pilot.programme;

import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
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
 * When the province launches the scheme: checks the period, fixes the province (from the
 * configuration, never from the start request) and offers its districts, all taking part by default.
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
    AdministrativeUnit province = resolver.provinceOrRefuse(organisation.provinceCode());
    LocalDate start = FormValues.date(execution.getVariable("periodStart"), time.timeZone()).orElse(null);
    LocalDate end = FormValues.date(execution.getVariable("periodEnd"), time.timeZone()).orElse(null);
    if (start != null && end != null && !end.isAfter(start)) {
      throw ValidationProblems.reject("Ngày kết thúc (" + FormValues.display(end)
          + ") phải sau ngày bắt đầu thực hiện (" + FormValues.display(start) + ")");
    }
    List<AdministrativeUnit> districts = units.districtsOf(province.code());
    UnitResolver.writeCodeNameAndGroup(execution, province);
    execution.setVariable("districtOptions",
        JsonVariables.options(districts, AdministrativeUnit::label, AdministrativeUnit::code));
    execution.setVariable("participatingDistricts",
        JsonVariables.checklist(districts.stream().map(AdministrativeUnit::code).toList()));
  }
}
