package vn.thanthien.pilot.access;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import vn.thanthien.pilot.evidence.EvidenceProperties;
import vn.thanthien.pilot.evidence.EvidenceUploads;

/**
 * The REST API under {@code /engine-rest} answers only to users who log in with HTTP Basic (the
 * same users as the webapps); without credentials every resource answers 401, except the list of
 * engines ({@code /engine-rest/engine}). The application's own API under {@code /api} takes HTTP
 * Basic or the webapps' session ({@link ApiAuthenticationFilter}). Before anything, every request passes the
 * {@link RequestSizeLimitFilter}, which reads nothing. The actuator under {@code /actuator} is
 * for administrators only, but for its health ({@link ActuatorAccessFilter}). Nothing reads a body
 * before the caller is authenticated (HTTP Basic here, the session for the webapps' {@code /camunda/api}, whose
 * filters Camunda registers after these). Expressions in queries are refused inside the engine
 * ({@link RequestExpressionPlugin}), not here.
 */
@Configuration
public class ApiSecurityConfiguration {

  /** The application's own API (the programme summary), beside Camunda's {@code /engine-rest}. */
  public static final String API_PATH = "/api";

  /**
   * Every request body at most {@code pilot.http.max-request-size}, but the upload of evidence
   * files ({@code POST /api/tasks/{id}/files}), limited by {@code pilot.evidence.*} instead.
   */
  @Bean
  public FilterRegistrationBean<Filter> requestSizeLimit(
      @Value("${pilot.http.max-request-size}") DataSize maxRequestSize, EvidenceProperties evidence) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("pilot-request-size-limit");
    registration.setFilter(new RequestSizeLimitFilter(maxRequestSize.toBytes(), EvidenceUploads::isUpload,
        Math.max(maxRequestSize.toBytes(), evidence.maxUploadRequestBytes())));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<Filter> restAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("pilot-rest-authentication");
    registration.setFilter(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /**
   * The application's own API ({@code /api/*}, the programme summary): HTTP Basic or the webapps'
   * session, else 401 ({@link ApiAuthenticationFilter}).
   */
  @Bean
  public FilterRegistrationBean<Filter> apiAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("pilot-api-authentication");
    registration.setFilter(new ApiAuthenticationFilter(engine.getIdentityService(), engine.getName()));
    registration.addUrlPatterns(API_PATH + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** The actuator: health public, everything else for administrators only. */
  @Bean
  public FilterRegistrationBean<Filter> actuatorAccess(ProcessEngine engine,
      @Value("${management.endpoints.web.base-path:/actuator}") String actuatorPath) {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("pilot-actuator-access");
    registration.setFilter(new ActuatorAccessFilter(engine.getIdentityService(),
        ((ProcessEngineImpl) engine).getProcessEngineConfiguration(), actuatorPath));
    registration.addUrlPatterns(actuatorPath, actuatorPath + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<Filter> orQueriesParameter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>();
    registration.setName("pilot-or-queries-parameter");
    registration.setFilter(new OrQueriesParameterFilter());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
