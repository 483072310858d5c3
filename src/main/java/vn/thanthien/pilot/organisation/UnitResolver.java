package vn.thanthien.pilot.organisation;

import org.camunda.bpm.engine.delegate.VariableScope;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.AdministrativeUnit.Level;

/**
 * Resolves the unit a process runs for from the unit list, or refuses the start in Vietnamese:
 * the code must be in the list and, where the caller names the unit above, belong to it. Writes
 * the unit's variables under its level's name ({@code communeCode}, {@code communeName},
 * {@code communeGroup}, likewise for district and province).
 */
public final class UnitResolver {

  private final UnitDirectory units;

  public UnitResolver(UnitDirectory units) {
    this.units = units;
  }

  public AdministrativeUnit provinceOrRefuse(String code) {
    return units.province(code).orElseThrow(() -> unknown("tỉnh", code));
  }

  /** The district, which must belong to {@code givenProvince} when that is not null. */
  public AdministrativeUnit districtOrRefuse(String code, Object givenProvince) {
    AdministrativeUnit district = units.district(code).orElseThrow(() -> unknown("huyện", code));
    refuseOutside(district, givenProvince, "tỉnh");
    return district;
  }

  /** The commune, which must belong to {@code givenDistrict} when that is not null. */
  public AdministrativeUnit communeOrRefuse(String code, Object givenDistrict) {
    AdministrativeUnit commune = units.commune(code).orElseThrow(() -> unknown("xã", code));
    refuseOutside(commune, givenDistrict, "huyện");
    return commune;
  }

  /** The unit above a district or a commune, as the unit list has it. */
  public AdministrativeUnit parentOf(AdministrativeUnit unit) {
    return (unit.level() == Level.COMMUNE ? units.district(unit.parentCode())
        : units.province(unit.parentCode())).orElseThrow();
  }

  /** Writes {@code <level>Code} and {@code <level>Name}. */
  public static void writeCodeAndName(VariableScope variables, AdministrativeUnit unit) {
    String level = unit.level().groupPrefix();
    variables.setVariable(level + "Code", unit.code());
    variables.setVariable(level + "Name", unit.name());
  }

  /** Writes {@code <level>Code}, {@code <level>Name} and {@code <level>Group}. */
  public static void writeCodeNameAndGroup(VariableScope variables, AdministrativeUnit unit) {
    writeCodeAndName(variables, unit);
    variables.setVariable(unit.level().groupPrefix() + "Group", unit.groupId());
  }

  private static RuntimeException unknown(String kind, String code) {
    return ValidationProblems.reject("Không có " + kind + " mã «" + code + "» trong danh mục đơn vị hành chính");
  }

  private static void refuseOutside(AdministrativeUnit unit, Object givenParent, String parentKind) {
    if (givenParent != null && !unit.parentCode().equals(givenParent.toString())) {
      throw ValidationProblems.reject(unit.name() + " không thuộc " + parentKind + " mã «" + givenParent + "»");
    }
  }
}
