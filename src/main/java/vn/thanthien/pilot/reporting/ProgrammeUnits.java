package vn.thanthien.pilot.reporting;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A whole programme as its province reviews it: every district it called and every commune under
 * them, running or finished ({@link UnitInstances}), and each unit's lateness ({@link Lateness}).
 * Read from the programme's own instance, with a constant number of queries.
 */
public record ProgrammeUnits(List<UnitInstances.Instance> districts, List<UnitInstances.Instance> communes,
    Map<String, Lateness.Unit> lateness) {

  /** Read from inside the programme's instance ({@code pilot-programme}), with these variables of each level. */
  public static ProgrammeUnits read(DelegateExecution programme, List<String> districtVariables,
      List<String> communeVariables) {
    String id = programme.getProcessInstanceId();
    return new ProgrammeUnits(
        UnitInstances.calledBy(programme, id, "district-pilot", districtVariables.toArray(String[]::new)),
        UnitInstances.inProgramme(programme, id, "commune-pilot", communeVariables.toArray(String[]::new)),
        Lateness.perUnit(programme.getProcessEngineServices().getHistoryService(), id));
  }

  /** The communes this district called (pilots and rollout), in the order they started. */
  public List<UnitInstances.Instance> communesOf(UnitInstances.Instance district) {
    return communes.stream().filter(commune -> district.id().equals(commune.parentId())).toList();
  }
}
