package vn.thanthien.pilot.identity;

import vn.thanthien.pilot.organisation.AdministrativeUnit;

/** The login names of the demo organisation, derived from the unit codes. */
public final class DemoUsers {

  public static final String ADMIN = "admin";
  public static final String MANAGER = "quanly";

  private DemoUsers() {}

  /** "tinh34", "huyen339", "xa12679": one official per unit. */
  public static String officialOf(AdministrativeUnit unit) {
    return prefixOf(unit.level()) + unit.code();
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
