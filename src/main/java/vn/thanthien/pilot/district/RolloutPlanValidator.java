package vn.thanthien.pilot.district;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.ChosenCodes;
import vn.thanthien.pilot.forms.SubmissionCheck;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * The rollout covers communes of this district that were not pilots, at least one if any remain.
 * Only refuses; {@link RolloutPlanRecorder} writes {@code rolloutCommuneCodes}.
 */
@Component("rolloutPlanValidator")
public class RolloutPlanValidator extends SubmissionCheck {

  private final UnitDirectory units;

  public RolloutPlanValidator(UnitDirectory units) {
    this.units = units;
  }

  @Override
  protected void check(DelegateExecution execution) {
    Set<String> allowed = RolloutCandidates.remaining(execution, units).stream()
        .map(AdministrativeUnit::code).collect(Collectors.toSet());
    ChosenCodes chosen = ChosenCodes.orRefuse(execution, "rolloutCommunes", "Danh sách xã nhân rộng không hợp lệ");
    ValidationProblems problems = new ValidationProblems();
    if (chosen.isEmpty() && !allowed.isEmpty()) {
      problems.add("Cần chọn ít nhất một xã để nhân rộng mô hình");
    }
    chosen.refuseEach(allowed::contains, code -> "Xã mã «" + code + "» không thuộc danh sách xã còn lại của "
        + execution.getVariable("districtName") + " (đã thí điểm hoặc thuộc huyện khác)", problems);
    problems.throwIfAny();
  }
}
