package vn.thanthien.pilot.database;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The Spring profile {@code it-postgres}: the context's datasource is a new empty database on the
 * embedded PostgreSQL server of this JVM ({@link TestPostgres}), as {@code PILOT_DB_URL},
 * {@code PILOT_DB_USER} and {@code PILOT_DB_PASSWORD} would set it in production. Everything else
 * (schema created by the engine, pool, H2-only settings skipped) is the application's own
 * configuration. Registered in {@code META-INF/spring.factories} of the test resources; contexts
 * without the profile are left alone.
 */
public class PostgresProfile implements EnvironmentPostProcessor {

  public static final String PROFILE = "it-postgres";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains(PROFILE)) {
      return;
    }
    String url = TestPostgres.newDatabase("pilot_it");
    environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", TestPostgres.USER,
        "spring.datasource.password", "")));
  }
}
