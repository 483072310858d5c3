package vn.thanthien.pilot.access;

import jakarta.servlet.Filter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wrong passwords are slowed down per client address and user name ({@link LoginThrottle}) on
 * every login path (HTTP Basic on the REST API, the application's {@code /api} and the actuator, the
 * webapps' login form), instead of Camunda's per-user lock (turned off in application.yaml), which let
 * anyone lock any official out.
 */
@Configuration
public class LoginThrottleConfiguration {

  /**
   * Right after Spring's character-encoding filter ({@link Ordered#HIGHEST_PRECEDENCE}) and before
   * every filter of {@link ApiSecurityConfiguration}, in particular Camunda's authentication filter.
   */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

  @Bean
  public LoginThrottle loginThrottle(LoginThrottleProperties settings) {
    return new LoginThrottle(settings);
  }

  @Bean
  public FilterRegistrationBean<Filter> loginThrottleFilter(LoginThrottle throttle,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      @Value("${management.endpoints.web.base-path:/actuator}") String actuatorPath) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("pilot-login-throttle");
    registration.setFilter(new LoginThrottleFilter(throttle,
        List.of("/engine-rest", ApiSecurityConfiguration.API_PATH, actuatorPath), webappPath));
    registration.addUrlPatterns("/engine-rest/*", ApiSecurityConfiguration.API_PATH + "/*", actuatorPath + "/*",
        webappPath + "/api/admin/auth/user/*");
    registration.setOrder(ORDER);
    return registration;
  }
}
