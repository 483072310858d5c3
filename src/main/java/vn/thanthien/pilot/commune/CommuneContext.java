package vn.thanthien.pilot.commune;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.organisation.UnitResolver;

/**
 * When a commune starts: names the commune, its district and province from the unit list (the
 * caller's codes must agree with it) and opens the counters of reports and appraisals.
 */
@Component("communeContext")
public class CommuneContext implements ExecutionListener {

  private final UnitResolver units;

  public CommuneContext(UnitDirectory units) {
    this.units = new UnitResolver(units);
  }

  @Override
  public void notify(DelegateExecution execution) {
    AdministrativeUnit commune = units.communeOrRefuse(
        String.valueOf(execution.getVariable("communeCode")), execution.getVariable("districtCode"));
    AdministrativeUnit district = units.parentOf(commune);
    AdministrativeUnit province = units.parentOf(district);
    UnitResolver.writeCodeNameAndGroup(execution, commune);
    UnitResolver.writeCodeNameAndGroup(execution, district);
    // the province's group appraises the province's pilots (decision appraisal-level)
    UnitResolver.writeCodeNameAndGroup(execution, province);
    execution.setVariable("appraisalRound", 0);
    execution.setVariable("reportNumber", 0);
  }
}
