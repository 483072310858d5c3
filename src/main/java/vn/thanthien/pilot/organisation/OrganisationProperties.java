package vn.thanthien.pilot.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Where the unit list comes from and which province runs the programme.
 *
 * @param unitsFile Spring resource location of a GSO unit list (CSV with the columns of the
 *     national catalogue); any province's slice, or the whole country
 * @param provinceCode GSO code of the province that runs the programme (required; the demo's is in
 *     application.yaml)
 * @param provincialBody who does the districts' work when the list has no districts (two-tier
 *     map, from 01/07/2025); every setting optional ({@link ProvincialBody})
 */
@ConfigurationProperties(prefix = "pilot.organisation")
public record OrganisationProperties(String unitsFile, String provinceCode, ProvincialBody provincialBody) {

  /** With the provincial body at its defaults. */
  public OrganisationProperties(String unitsFile, String provinceCode) {
    this(unitsFile, provinceCode, null);
  }

  @ConstructorBinding
  public OrganisationProperties {
    provincialBody = provincialBody == null ? ProvincialBody.DEFAULTS : provincialBody;
    if (unitsFile == null || unitsFile.isBlank()) {
      unitsFile = "classpath:organisation/units-thai-binh-2023-04-10.csv";
    }
    if (provinceCode == null || provinceCode.isBlank()) {
      throw new IllegalArgumentException(
          "pilot.organisation.province-code must name the province that runs the programme");
    }
  }
}
