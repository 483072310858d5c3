package vn.thanthien.pilot.reorganisation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.DisplayText;
import vn.thanthien.pilot.organisation.UnitMapping;

/**
 * After the administrator's confirmation: moves what the reorganisation moves now (read again, not
 * taken from the preview, in case work moved on meanwhile) and records what it did.
 */
@Component("reorganisationApply")
public class ReorganisationApply implements JavaDelegate {

  private final Reorganisation reorganisation;

  public ReorganisationApply(Reorganisation reorganisation) {
    this.reorganisation = reorganisation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UnitMapping mapping = ReorganisationPreview.mapping(reorganisation, execution);
    Reorganisation.Plan plan = reorganisation.plan(mapping, execution.getProcessEngineServices());
    String done = ReorganisationPreview.text(plan);
    int moved = reorganisation.apply(plan, execution.getProcessEngineServices());
    execution.setVariable("movedCount", (long) moved);
    execution.setVariable("reorganisationResult", DisplayText.longText("**Đã áp dụng** " + mapping.name()
        + ": " + moved + " công việc và biến định tuyến được chuyển.\n\n" + done));
  }
}
