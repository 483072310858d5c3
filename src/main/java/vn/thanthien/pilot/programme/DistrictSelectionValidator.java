package vn.thanthien.pilot.programme;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.SubmissionCheck;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.UnitDirectory;

/** The districts taking part must be districts of the province; fixes {@code districtCodes}. */
@Component("districtSelectionValidator")
public class DistrictSelectionValidator extends SubmissionCheck {

  private final UnitDirectory units;

  public DistrictSelectionValidator(UnitDirectory units) {
    this.units = units;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String provinceCode = (String) execution.getVariable("provinceCode");
    List<String> chosen = FormValues.list(execution.getVariable("participatingDistricts"))
        .orElseThrow(() -> ValidationProblems.reject("Danh sách huyện tham gia không hợp lệ"));
    ValidationProblems problems = new ValidationProblems();
    if (chosen.isEmpty()) {
      problems.add("Cần chọn ít nhất một huyện tham gia");
    }
    for (String code : chosen) {
      boolean inProvince = units.district(code)
          .map(d -> d.parentCode().equals(provinceCode)).orElse(false);
      if (!inProvince) {
        problems.add("Huyện mã «" + code + "» không thuộc tỉnh đang thực hiện đề án");
      }
    }
    problems.throwIfAny();
  }
}
