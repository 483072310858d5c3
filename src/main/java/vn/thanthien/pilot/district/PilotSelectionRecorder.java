package vn.thanthien.pilot.district;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.JsonVariables;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * After a checked pilot selection ({@link PilotSelectionValidator}): the lists the model runs on
 * ({@code pilotCommuneCodes}, {@code provincePilotCodes}) and what the province reads to approve.
 */
@Component("pilotSelectionRecorder")
public class PilotSelectionRecorder implements ExecutionListener {

  private final UnitDirectory units;

  public PilotSelectionRecorder(UnitDirectory units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Set<String> pilots = new LinkedHashSet<>(FormValues.list(execution.getVariable("pilotCommunes")).orElseThrow());
    Set<String> provincePilots = new LinkedHashSet<>(
        FormValues.list(execution.getVariable("provincePilots")).orElseThrow());
    StringBuilder summary = new StringBuilder();
    for (String code : pilots) {
      summary.append("- ").append(units.commune(code).orElseThrow().label())
          .append(provincePilots.contains(code) ? " — **điểm của tỉnh**" : " — điểm của huyện")
          .append('\n');
    }
    execution.setVariable("pilotCommuneCodes", JsonVariables.codes(List.copyOf(pilots)));
    execution.setVariable("provincePilotCodes", JsonVariables.codes(List.copyOf(provincePilots)));
    execution.setVariable("pilotSelectionSummary", summary.toString());
  }
}
