package vn.thanthien.pilot.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Loads the unit list named by {@code pilot.organisation.units-file} once, at start. */
@Configuration
public class OrganisationConfiguration {

  @Bean
  public UnitDirectory unitDirectory(OrganisationProperties properties, ResourceLoader loader) {
    try (InputStream csv = loader.getResource(properties.unitsFile()).getInputStream()) {
      return UnitDirectory.read(csv);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the unit list " + properties.unitsFile(), e);
    }
  }
}
