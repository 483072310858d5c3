package vn.thanthien.pilot.district;

import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.SubmissionCheck;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * The district's choice of pilots: at least one, all communes of this district, and every
 * province pilot among the chosen. Fixes the lists the model iterates over.
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
    Set<String> pilots = new LinkedHashSet<>(FormValues.list(execution.getVariable("pilotCommunes"))
        .orElseThrow(() -> ValidationProblems.reject("Danh sách xã thí điểm không hợp lệ")));
    Set<String> provincePilots = new LinkedHashSet<>(FormValues.list(execution.getVariable("provincePilots"))
        .orElseThrow(() -> ValidationProblems.reject("Danh sách điểm của tỉnh không hợp lệ")));
    if (pilots.isEmpty()) {
      problems.add("Cần chọn ít nhất một xã thí điểm");
    }
    for (String code : pilots) {
      if (!inDistrict(code, districtCode)) {
        problems.add("Xã mã «" + code + "» không thuộc " + districtName);
      }
    }
    for (String code : provincePilots) {
      if (!pilots.contains(code)) {
        problems.add(units.commune(code).map(AdministrativeUnit::label).orElse("Xã mã «" + code + "»")
            + " được đánh dấu là điểm của tỉnh nhưng chưa được chọn làm xã thí điểm");
      }
    }
    problems.throwIfAny();
  }

  private boolean inDistrict(String communeCode, String districtCode) {
    return units.commune(communeCode).map(c -> c.parentCode().equals(districtCode)).orElse(false);
  }
}
