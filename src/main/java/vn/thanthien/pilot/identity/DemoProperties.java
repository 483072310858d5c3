package vn.thanthien.pilot.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo organisation: when enabled, an admin, a manager and one official per unit group are
 * created with the same documented password. Turn it off in production.
 *
 * @param enabled whether the demo users are created
 * @param password every demo user's password
 * @param featuredUnits GSO codes of the districts and communes whose officials the start-up
 *     message names (the README's walkthrough); when none is in the unit list, the province's
 *     first district and that district's first communes
 * @param map the demo's map, {@code PILOT_DEMO_MAP}: "2023" (Thái Bình, three tiers, the default)
 *     or "2025" (Hưng Yên, two tiers); it chooses the unit list, the province and the featured
 *     units (application.yaml, {@code pilot.demo.maps})
 */
@ConfigurationProperties(prefix = "pilot.demo")
public record DemoProperties(boolean enabled, String password, List<String> featuredUnits, String map) {

  public DemoProperties {
    featuredUnits = featuredUnits == null ? List.of() : List.copyOf(featuredUnits);
  }
}
