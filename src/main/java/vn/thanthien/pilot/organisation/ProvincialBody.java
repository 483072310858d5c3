package vn.thanthien.pilot.organisation;

import vn.thanthien.pilot.organisation.AdministrativeUnit.Level;

/**
 * Who does a district's work in a province of the two-tier map (from 01/07/2025 there are no
 * districts): the communes of a unit list without district columns are placed under this one
 * district-level unit, so the models run unchanged (pilot-programme → district-pilot →
 * commune-pilot) and the body's group receives the selection of pilots, plan reviews, appraisal
 * of the district-tier pilots, lessons and rollout. Settings {@code pilot.organisation.provincial-body}.
 *
 * @param code GSO-like code of the body; default the province's code followed by "000" ("33000")
 * @param name the body's name as officials read it; default the province's committee ("UBND tỉnh
 *     Hưng Yên")
 * @param group the Camunda group that receives the work; default the province's own
 *     ({@code province-33}), else {@code district-<code>} (a body with officials of its own)
 */
public record ProvincialBody(String code, String name, String group) {

  /** Every setting at its default: the province's committee does the district's work. */
  public static final ProvincialBody DEFAULTS = new ProvincialBody(null, null, null);

  public ProvincialBody {
    code = blankToNull(code);
    name = blankToNull(name);
    group = blankToNull(group);
  }

  /** The district-level unit standing for this body in {@code province}. */
  public AdministrativeUnit unitFor(AdministrativeUnit province) {
    String unitCode = code != null ? code : province.code() + "000";
    String unitName = name != null ? name : province.committeeName();
    String ownGroup = Level.DISTRICT.groupPrefix() + "-" + unitCode;
    String unitGroup = group != null ? group : province.groupId();
    if (!unitGroup.equals(province.groupId()) && !unitGroup.equals(ownGroup)) {
      throw new IllegalArgumentException("pilot.organisation.provincial-body.group must be " + province.groupId()
          + " (the province does the districts' work) or " + ownGroup + " (the body has its own officials); found "
          + unitGroup);
    }
    return new AdministrativeUnit(Level.DISTRICT, unitCode, unitName, AdministrativeUnit.PROVINCIAL_BODY_TYPE,
        province.code(), null, unitGroup);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
