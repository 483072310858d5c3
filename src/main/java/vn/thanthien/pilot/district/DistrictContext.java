package vn.thanthien.pilot.district;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.JsonVariables;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;

/** When a district starts: names the district and its province and offers its communes. */
@Component("districtContext")
public class DistrictContext implements ExecutionListener {

  private final UnitDirectory units;

  public DistrictContext(UnitDirectory units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String code = String.valueOf(execution.getVariable("districtCode"));
    AdministrativeUnit district = units.district(code).orElseThrow(() -> ValidationProblems.reject(
        "Không có huyện mã «" + code + "» trong danh mục đơn vị hành chính"));
    Object province = execution.getVariable("provinceCode");
    if (province != null && !district.parentCode().equals(province.toString())) {
      throw ValidationProblems.reject(district.name() + " không thuộc tỉnh mã «" + province + "»");
    }
    AdministrativeUnit provinceUnit = units.province(district.parentCode()).orElseThrow();
    execution.setVariable("provinceCode", provinceUnit.code());
    execution.setVariable("provinceName", provinceUnit.name());
    execution.setVariable("provinceGroup", provinceUnit.groupId());
    execution.setVariable("districtCode", district.code());
    execution.setVariable("districtGroup", district.groupId());
    execution.setVariable("districtName", district.name());
    execution.setVariable("communeOptions", JsonVariables.options(units.communesOf(code)));
  }
}
