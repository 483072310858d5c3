package vn.thanthien.pilot.access;

import jakarta.servlet.Filter;
import java.time.Clock;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wrong passwords are slowed down per client address and user name, per client address, and per
 * known device ({@link LoginThrottle}) on every login path (HTTP Basic anywhere, the webapps' login
 * form), instead of Camunda's per-user lock (turned off in application.yaml), which let anyone
 * lock any official out.
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

  /** The installation's device cookies, their key shared by every node through the engine's properties. */
  @Bean
  public DeviceCookies deviceCookies(ProcessEngine engine, LoginThrottleProperties settings) {
    return new DeviceCookies(DeviceCookies.installationKey(engine.getManagementService()),
        settings.deviceLifetime(), Clock.systemUTC());
  }

  /**
   * On every path ({@code /*}): any request with HTTP Basic credentials is a login attempt,
   * wherever it goes, so that no path that checks a password (a bare {@code /api} as much as
   * {@code /api/…}) or one added later escapes the throttle.
   */
  @Bean
  public FilterRegistrationBean<Filter> loginThrottleFilter(LoginThrottle throttle, DeviceCookies devices,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("pilot-login-throttle");
    registration.setFilter(new LoginThrottleFilter(throttle, devices, webappPath));
    registration.addUrlPatterns("/*");
    registration.setOrder(ORDER);
    return registration;
  }
}
