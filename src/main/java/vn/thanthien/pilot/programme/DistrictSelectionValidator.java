package vn.thanthien.pilot.programme;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.ChosenCodes;
import vn.thanthien.pilot.forms.SubmissionCheck;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * The districts taking part must be districts of the province. Only refuses;
 * {@link DistrictSelectionRecorder} writes {@code districtCodes}.
 */
@Component("districtSelectionValidator")
public class DistrictSelectionValidator extends SubmissionCheck {

  private final UnitDirectory units;

  public DistrictSelectionValidator(UnitDirectory units) {
    this.units = units;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String provinceCode = (String) execution.getVariable("provinceCode");
    ChosenCodes chosen = ChosenCodes.orRefuse(execution, "participatingDistricts",
        "Danh sách huyện tham gia không hợp lệ");
    ValidationProblems problems = new ValidationProblems();
    if (chosen.isEmpty()) {
      problems.add("Cần chọn ít nhất một huyện tham gia");
    }
    chosen.refuseEach(code -> units.district(code).map(d -> d.parentCode().equals(provinceCode)).orElse(false),
        code -> "Huyện mã «" + code + "» không thuộc tỉnh đang thực hiện đề án", problems);
    problems.throwIfAny();
  }
}
