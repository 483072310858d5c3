package vn.thanthien.pilot.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Loads the unit list named by {@code pilot.organisation.units-file} once, at start, and the
 * reorganisations of {@code pilot.organisation.successions-file}, whose new units it then knows.
 */
@Configuration
public class OrganisationConfiguration {

  @Bean
  public UnitDirectory unitDirectory(OrganisationProperties properties, ResourceLoader loader,
      @Value("${pilot.organisation.successions-file:classpath:organisation/successions.yaml}") String successions) {
    UnitDirectory units;
    try (InputStream csv = loader.getResource(properties.unitsFile()).getInputStream()) {
      units = UnitDirectory.read(csv, properties.provinceCode(), properties.provincialBody());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the unit list " + properties.unitsFile(), e);
    }
    return units.withSuccessors(read(loader, successions, units));
  }

  /** The reorganisations, as the unit directory read them (once, at start). */
  @Bean
  public UnitMappings unitMappings(UnitDirectory units) {
    return units.mappings();
  }

  private static UnitMappings read(ResourceLoader loader, String location, UnitDirectory units) {
    try (InputStream index = loader.getResource(location).getInputStream()) {
      return UnitMappings.read(index, file -> {
        try {
          return loader.getResource("classpath:" + file).getInputStream();
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot open " + file, e);
        }
      }, units);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the reorganisations " + location, e);
    }
  }
}
