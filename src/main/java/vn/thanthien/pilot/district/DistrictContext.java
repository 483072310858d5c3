package vn.thanthien.pilot.district;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.JsonVariables;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.organisation.UnitResolver;

/** When a district starts: names the district and its province and offers its communes. */
@Component("districtContext")
public class DistrictContext implements ExecutionListener {

  private final UnitDirectory units;
  private final UnitResolver resolver;

  public DistrictContext(UnitDirectory units) {
    this.units = units;
    this.resolver = new UnitResolver(units);
  }

  @Override
  public void notify(DelegateExecution execution) {
    AdministrativeUnit district = resolver.districtOrRefuse(
        String.valueOf(execution.getVariable("districtCode")), execution.getVariable("provinceCode"));
    UnitResolver.writeCodeNameAndGroup(execution, resolver.parentOf(district));
    UnitResolver.writeCodeNameAndGroup(execution, district);
    execution.setVariable("communeOptions", JsonVariables.options(units.communesOf(district.code()),
        AdministrativeUnit::label, AdministrativeUnit::code));
  }
}
