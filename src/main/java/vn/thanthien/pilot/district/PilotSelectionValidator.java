package vn.thanthien.pilot.district;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.ChosenCodes;
import vn.thanthien.pilot.forms.SubmissionCheck;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * The district's choice of pilots: at least one, all communes of this district, and every
 * province pilot among the chosen. Only refuses; {@link PilotSelectionRecorder} writes the lists.
 */
@Component("pilotSelectionValidator")
public class PilotSelectionValidator extends SubmissionCheck {

  private final UnitDirectory units;

  public PilotSelectionValidator(UnitDirectory units) {
    this.units = units;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String districtCode = (String) execution.getVariable("districtCode");
    String districtName = (String) execution.getVariable("districtName");
    ValidationProblems problems = new ValidationProblems();
    ChosenCodes pilots = ChosenCodes.orRefuse(execution, "pilotCommunes", "Danh sách xã thí điểm không hợp lệ");
    ChosenCodes provincePilots = ChosenCodes.orRefuse(execution, "provincePilots",
        "Danh sách thí điểm của tỉnh không hợp lệ");
    if (pilots.isEmpty()) {
      problems.add("Cần chọn ít nhất một xã thí điểm");
    }
    pilots.refuseEach(code -> inDistrict(code, districtCode),
        code -> "Xã mã «" + code + "» không thuộc " + districtName, problems);
    provincePilots.refuseEach(pilots::contains,
        code -> units.commune(code).map(AdministrativeUnit::label).orElse("Xã mã «" + code + "»")
            + " được đánh dấu là thí điểm của tỉnh nhưng chưa được chọn làm xã thí điểm", problems);
    problems.throwIfAny();
  }

  private boolean inDistrict(String communeCode, String districtCode) {
    return units.commune(communeCode).map(c -> c.parentCode().equals(districtCode)).orElse(false);
  }
}
