package vn.thanthien.pilot.programme;

import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.JsonVariables;

/** After a checked choice of districts ({@link DistrictSelectionValidator}): the districts the model runs. */
@Component("districtSelectionRecorder")
public class DistrictSelectionRecorder implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    List<String> chosen = FormValues.list(execution.getVariable("participatingDistricts")).orElseThrow();
    execution.setVariable("districtCodes", JsonVariables.codes(List.copyOf(new LinkedHashSet<>(chosen))));
  }
}
