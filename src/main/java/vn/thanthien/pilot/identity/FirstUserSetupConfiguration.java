package vn.thanthien.pilot.identity;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Closes Camunda Admin's first-user setup ({@link FirstUserSetupFilter}) on the Admin API's own
 * servlet mapping, so that the filter sees every request the Admin API would, before Camunda's
 * webapp filters (which Camunda registers after the application's).
 */
@Configuration
public class FirstUserSetupConfiguration {

  @Bean
  public FilterRegistrationBean<Filter> firstUserSetupClosed(
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    String adminApi = webappPath.replaceAll("/+$", "") + "/api/admin";
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("pilot-first-user-setup-closed");
    registration.setFilter(new FirstUserSetupFilter(adminApi));
    registration.addUrlPatterns(adminApi + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }
}
