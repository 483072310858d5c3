package vn.thanthien.pilot.organisation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * One administrative unit of the GSO catalogue, identified by its code and the day it came into
 * being: names repeat, and a code can be reused after a merger (12613 was Thị trấn Hưng Nhân until
 * 30/06/2025, then Xã Long Hưng).
 *
 * @param level province, district or commune
 * @param code GSO code
 * @param name name as GSO writes it, with its type prefix ("Xã Chí Hòa")
 * @param type unit type ("Xã", "Thị trấn", "Huyện", "Tỉnh", ...)
 * @param parentCode code of the unit above (null for a province; the province for a successor
 *     commune of the two-tier map; in a two-tier unit list, the provincial body standing for the
 *     district, {@link ProvincialBody})
 * @param validFrom the day a successor unit came into being by a reorganisation; null for a unit
 *     of the list the application started from
 * @param groupId the Camunda group of the unit's officials: {@code commune-12679}; a successor that
 *     reuses the code of another unit carries its first day, {@code commune-12613-20250701}
 */
public record AdministrativeUnit(Level level, String code, String name, String type, String parentCode,
    LocalDate validFrom, String groupId) {

  private static final DateTimeFormatter GROUP_DAY = DateTimeFormatter.BASIC_ISO_DATE;

  /**
   * The type of the district-level unit that stands, in the two-tier map, for the provincial body
   * doing the districts' work ({@link ProvincialBody}); its name is already the body's.
   */
  public static final String PROVINCIAL_BODY_TYPE = "Cơ quan cấp tỉnh";

  public AdministrativeUnit {
    if (groupId == null) {
      groupId = level.groupPrefix() + "-" + code;
    }
  }

  /** A unit of the list the application started from. */
  public AdministrativeUnit(Level level, String code, String name, String type, String parentCode) {
    this(level, code, name, type, parentCode, null, null);
  }

  /**
   * A unit that came into being on {@code validFrom}; {@code newIdentity} when its code belonged
   * to another unit before (its group then carries the day).
   */
  public static AdministrativeUnit successor(Level level, String code, String name, String parentCode,
      LocalDate validFrom, boolean newIdentity) {
    String type = name.contains(" ") ? name.substring(0, name.indexOf(' ')) : "";
    if (type.equals("Thị") || type.equals("Thành")) {
      type = name.split(" ")[0] + " " + name.split(" ")[1];
    }
    String group = level.groupPrefix() + "-" + code + (newIdentity ? "-" + GROUP_DAY.format(validFrom) : "");
    return new AdministrativeUnit(level, code, name, type, parentCode, validFrom, group);
  }

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

  /** Whether this unit stands for the provincial body doing the districts' work (two-tier map). */
  public boolean isProvincialBody() {
    return level == Level.DISTRICT && PROVINCIAL_BODY_TYPE.equals(type);
  }

  /**
   * The people's committee of the unit, e.g. "UBND xã Chí Hòa"; for a provincial body, its own
   * name ("UBND tỉnh Hưng Yên", "Sở Nội vụ tỉnh Hưng Yên").
   */
  public String committeeName() {
    if (isProvincialBody()) {
      return name;
    }
    return "UBND " + Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** How an official picks the unit in a list: "Xã Chí Hòa (12679)". */
  public String label() {
    return name + " (" + code + ")";
  }
}
