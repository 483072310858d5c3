package vn.thanthien.pilot.identity;

import vn.thanthien.pilot.organisation.AdministrativeUnit;

/** The login names of the demo organisation, derived from the unit codes. */
public final class DemoUsers {

  public static final String ADMIN = "admin";
  public static final String MANAGER = "quanly";

  private DemoUsers() {}

  /**
   * "tinh34", "huyen339", "xa12679": one official per unit; a provincial body with a group of its
   * own (two-tier map) is a provincial office: "tinh33000".
   */
  public static String officialOf(AdministrativeUnit unit) {
    return (unit.isProvincialBody() ? prefixOf(AdministrativeUnit.Level.PROVINCE) : prefixOf(unit.level())) + unit.code();
  }

  /** What a demo official's login starts with, before the unit's code. */
  static String prefixOf(AdministrativeUnit.Level level) {
    return switch (level) {
      case PROVINCE -> "tinh";
      case DISTRICT -> "huyen";
      case COMMUNE -> "xa";
    };
  }
}
