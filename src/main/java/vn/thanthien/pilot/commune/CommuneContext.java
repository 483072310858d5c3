package vn.thanthien.pilot.commune;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * When a commune starts: names the commune, its district and province from the unit list (the
 * caller's codes must agree with it) and opens the counters of reports and appraisals.
 */
@Component("communeContext")
public class CommuneContext implements ExecutionListener {

  private final UnitDirectory units;

  public CommuneContext(UnitDirectory units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String code = String.valueOf(execution.getVariable("communeCode"));
    AdministrativeUnit commune = units.commune(code).orElseThrow(() -> ValidationProblems.reject(
        "Không có xã mã «" + code + "» trong danh mục đơn vị hành chính"));
    AdministrativeUnit district = units.district(commune.parentCode()).orElseThrow();
    Object givenDistrict = execution.getVariable("districtCode");
    if (givenDistrict != null && !district.code().equals(givenDistrict.toString())) {
      throw ValidationProblems.reject(commune.name() + " không thuộc huyện mã «" + givenDistrict + "»");
    }
    AdministrativeUnit province = units.province(district.parentCode()).orElseThrow();
    execution.setVariable("communeCode", commune.code());
    execution.setVariable("communeName", commune.name());
    execution.setVariable("communeGroup", commune.groupId());
    execution.setVariable("districtCode", district.code());
    execution.setVariable("districtName", district.name());
    execution.setVariable("districtGroup", district.groupId());
    execution.setVariable("provinceCode", province.code());
    execution.setVariable("provinceName", province.name());
    execution.setVariable("appraisalRound", 0);
    execution.setVariable("reportNumber", 0);
  }
}
