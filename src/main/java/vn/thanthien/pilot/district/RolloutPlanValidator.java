package vn.thanthien.pilot.district;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.SubmissionCheck;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;

/** The rollout covers communes of this district that were not pilots, at least one if any remain. */
@Component("rolloutPlanValidator")
public class RolloutPlanValidator extends SubmissionCheck {

  private final UnitDirectory units;

  public RolloutPlanValidator(UnitDirectory units) {
    this.units = units;
  }

  @Override
  protected void check(DelegateExecution execution) {
    List<AdministrativeUnit> remaining = RolloutCandidates.remaining(execution, units);
    Set<String> allowed = new LinkedHashSet<>(remaining.stream().map(AdministrativeUnit::code).toList());
    Set<String> chosen = new LinkedHashSet<>(FormValues.list(execution.getVariable("rolloutCommunes"))
        .orElseThrow(() -> ValidationProblems.reject("Danh sách xã nhân rộng không hợp lệ")));
    ValidationProblems problems = new ValidationProblems();
    if (chosen.isEmpty() && !allowed.isEmpty()) {
      problems.add("Cần chọn ít nhất một xã để nhân rộng mô hình");
    }
    for (String code : chosen) {
      if (!allowed.contains(code)) {
        problems.add("Xã mã «" + code + "» không thuộc danh sách xã còn lại của "
            + execution.getVariable("districtName") + " (đã thí điểm hoặc thuộc huyện khác)");
      }
    }
    problems.throwIfAny();
  }
}
