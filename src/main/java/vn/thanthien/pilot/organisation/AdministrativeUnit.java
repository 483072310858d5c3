package vn.thanthien.pilot.organisation;

/**
 * One administrative unit of the GSO catalogue, identified by its code (names repeat).
 *
 * @param level province, district or commune
 * @param code GSO code
 * @param name name as GSO writes it, with its type prefix ("Xã Chí Hòa")
 * @param type unit type ("Xã", "Thị trấn", "Huyện", "Tỉnh", ...)
 * @param parentCode code of the unit above (null for a province)
 */
public record AdministrativeUnit(Level level, String code, String name, String type, String parentCode) {

  public enum Level {
    PROVINCE("province"),
    DISTRICT("district"),
    COMMUNE("commune");

    private final String groupPrefix;

    Level(String groupPrefix) {
      this.groupPrefix = groupPrefix;
    }

    public String groupPrefix() {
      return groupPrefix;
    }
  }

  /** The Camunda group of the unit's officials, e.g. {@code commune-12679}. */
  public String groupId() {
    return level.groupPrefix() + "-" + code;
  }

  /** The people's committee of the unit, e.g. "UBND xã Chí Hòa". */
  public String committeeName() {
    return "UBND " + Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** How an official picks the unit in a list: "Xã Chí Hòa (12679)". */
  public String label() {
    return name + " (" + code + ")";
  }
}
