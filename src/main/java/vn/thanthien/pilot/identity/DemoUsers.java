package vn.thanthien.pilot.identity;

import vn.thanthien.pilot.organisation.AdministrativeUnit;

/** The login names of the demo organisation, derived from the unit codes. */
public final class DemoUsers {

  public static final String ADMIN = "admin";
  public static final String MANAGER = "quanly";

  private DemoUsers() {}

  /** "tinh34", "huyen339", "xa12679": one official per unit. */
  public static String officialOf(AdministrativeUnit unit) {
    String prefix = switch (unit.level()) {
      case PROVINCE -> "tinh";
      case DISTRICT -> "huyen";
      case COMMUNE -> "xa";
    };
    return prefix + unit.code();
  }
}
