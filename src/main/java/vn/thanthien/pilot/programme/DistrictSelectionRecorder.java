package vn.thanthien.pilot.programme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.ChosenCodes;

/** After a checked choice of districts ({@link DistrictSelectionValidator}): the districts the model runs. */
@Component("districtSelectionRecorder")
public class DistrictSelectionRecorder implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable("districtCodes", ChosenCodes.checked(execution, "participatingDistricts").asVariable());
  }
}
