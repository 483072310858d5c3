package vn.thanthien.pilot.district;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.ChosenCodes;
import vn.thanthien.pilot.forms.DisplayText;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * After a checked pilot selection ({@link PilotSelectionValidator}): the lists the model runs on
 * ({@code pilotCommuneCodes}, {@code provincePilotCodes}) and what the province reads to approve,
 * a Markdown list that grows with the number of pilots, so a Json string (see
 * {@link DisplayText#longText}).
 */
@Component("pilotSelectionRecorder")
public class PilotSelectionRecorder implements ExecutionListener {

  private final UnitDirectory units;

  public PilotSelectionRecorder(UnitDirectory units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ChosenCodes pilots = ChosenCodes.checked(execution, "pilotCommunes");
    ChosenCodes provincePilots = ChosenCodes.checked(execution, "provincePilots");
    StringBuilder summary = new StringBuilder();
    for (String code : pilots.codes()) {
      summary.append("- ").append(units.commune(code).orElseThrow().label())
          .append(provincePilots.contains(code) ? " — **thí điểm của tỉnh**" : " — thí điểm của huyện")
          .append('\n');
    }
    execution.setVariable("pilotCommuneCodes", pilots.asVariable());
    execution.setVariable("provincePilotCodes", provincePilots.asVariable());
    execution.setVariable("pilotSelectionSummary", DisplayText.longText(summary.toString()));
  }
}
