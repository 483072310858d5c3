package vn.thanthien.pilot.organisation;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time zone of the programme ({@code pilot.time-zone}, {@code PILOT_TIME_ZONE}): the day an
 * instant falls on for officials, the hour a report is due. The JSON of the REST API uses the
 * same setting ({@code spring.jackson.time-zone} refers to it).
 *
 * @param timeZone a region id such as the default in application.yaml
 */
@ConfigurationProperties(prefix = "pilot")
public record TimeZoneProperties(ZoneId timeZone) {

  public TimeZoneProperties {
    if (timeZone == null) {
      throw new IllegalArgumentException("pilot.time-zone must name a time zone, e.g. a region id");
    }
  }
}
