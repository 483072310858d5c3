package vn.thanthien.pilot.district;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.ChosenCodes;

/** After a checked rollout plan ({@link RolloutPlanValidator}): the communes the model rolls out to. */
@Component("rolloutPlanRecorder")
public class RolloutPlanRecorder implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariable("rolloutCommuneCodes", ChosenCodes.checked(execution, "rolloutCommunes").asVariable());
  }
}
