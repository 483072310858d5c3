package vn.thanthien.pilot.access;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The REST API under {@code /engine-rest} answers only to users who log in with HTTP Basic (the
 * same users as the webapps); without credentials every resource answers 401, except the list of
 * engines ({@code /engine-rest/engine}). Both the REST API and the webapps' own engine API pass the
 * {@link OrQueryExpressionGuard} first.
 */
@Configuration
public class ApiSecurityConfiguration {

  @Bean
  public FilterRegistrationBean<Filter> restAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("pilot-rest-authentication");
    registration.setFilter(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<Filter> orQueryExpressionGuard() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("pilot-or-query-guard");
    registration.setFilter(new OrQueryExpressionGuard());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
