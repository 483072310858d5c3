package vn.thanthien.pilot.district;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.JsonVariables;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;

/** Every commune of the district that was not a pilot: all proposed for the rollout by default. */
@Component("rolloutCandidates")
public class RolloutCandidates implements JavaDelegate {

  private final UnitDirectory units;

  public RolloutCandidates(UnitDirectory units) {
    this.units = units;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<AdministrativeUnit> remaining = remaining(execution, units);
    execution.setVariable("rolloutOptions", JsonVariables.options(remaining, AdministrativeUnit::label, AdministrativeUnit::code));
    execution.setVariable("rolloutCommunes",
        JsonVariables.checklist(remaining.stream().map(AdministrativeUnit::code).toList()));
    execution.setVariable("remainingCommuneCount", remaining.size());
  }

  /** The communes of the execution's district that are not among its pilots. */
  static List<AdministrativeUnit> remaining(org.camunda.bpm.engine.delegate.VariableScope scope,
      UnitDirectory units) {
    List<String> pilots = FormValues.list(scope.getVariable("pilotCommuneCodes")).orElse(List.of());
    return units.communesOf((String) scope.getVariable("districtCode")).stream()
        .filter(c -> !pilots.contains(c.code()))
        .toList();
  }
}
