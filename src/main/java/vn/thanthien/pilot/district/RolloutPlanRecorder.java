package vn.thanthien.pilot.district;

import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.JsonVariables;

/** After a checked rollout plan ({@link RolloutPlanValidator}): the communes the model rolls out to. */
@Component("rolloutPlanRecorder")
public class RolloutPlanRecorder implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    List<String> chosen = FormValues.list(execution.getVariable("rolloutCommunes")).orElseThrow();
    execution.setVariable("rolloutCommuneCodes", JsonVariables.codes(List.copyOf(new LinkedHashSet<>(chosen))));
  }
}
