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
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * When the province launches the scheme: checks the period, fixes the province (from the
 * configuration, never from the start request) and offers its districts, all taking part by default.
 */
@Component("programmeContext")
public class ProgrammeContext implements ExecutionListener {

  private final UnitDirectory units;
  private final OrganisationProperties organisation;

  public ProgrammeContext(UnitDirectory units, OrganisationProperties organisation) {
    this.units = units;
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    // the province is the application's own: never taken from what the starter sends
    String provinceCode = organisation.provinceCode();
    AdministrativeUnit province = units.province(provinceCode)
        .orElseThrow(() -> ValidationProblems.reject(
            "Không có tỉnh mã «" + provinceCode + "» trong danh mục đơn vị hành chính"));
    LocalDate start = FormValues.date(execution.getVariable("periodStart")).orElse(null);
    LocalDate end = FormValues.date(execution.getVariable("periodEnd")).orElse(null);
    if (start != null && end != null && !end.isAfter(start)) {
      throw ValidationProblems.reject("Ngày kết thúc (" + FormValues.display(end)
          + ") phải sau ngày bắt đầu thực hiện (" + FormValues.display(start) + ")");
    }
    List<AdministrativeUnit> districts = units.districtsOf(province.code());
    execution.setVariable("provinceCode", province.code());
    execution.setVariable("provinceName", province.name());
    execution.setVariable("provinceGroup", province.groupId());
    execution.setVariable("districtOptions", JsonVariables.options(districts));
    execution.setVariable("participatingDistricts",
        JsonVariables.checklist(districts.stream().map(AdministrativeUnit::code).toList()));
  }
}
