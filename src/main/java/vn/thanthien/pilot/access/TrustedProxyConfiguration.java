package vn.thanthien.pilot.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Forwarded headers are honoured only from the proxies the operator names
 * ({@code PILOT_TRUSTED_PROXIES}, default none): {@link TrustedProxyValve} in Tomcat's engine, with
 * {@code server.forward-headers-strategy: none}, so that Spring Boot installs no
 * {@code RemoteIpValve}. A list entry that is not an address or range fails the start.
 */
@Configuration
public class TrustedProxyConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(TrustedProxyConfiguration.class);

  /**
   * @param strategy Spring Boot's own handling, which must stay off: {@code native} would add
   *     Tomcat's RemoteIpValve (trusting every private address), {@code framework} a filter trusting
   *     everyone; unset, Spring Boot turns {@code native} on by itself on Kubernetes
   */
  @Bean
  public TrustedProxies trustedProxies(@Value("${pilot.http.trusted-proxies:}") String list,
      @Value("${server.forward-headers-strategy:}") String strategy) {
    if (!"none".equalsIgnoreCase(strategy.trim())) {
      throw new IllegalStateException("server.forward-headers-strategy must be 'none' (it is '" + strategy
          + "'): forwarded headers are honoured only from " + TrustedProxies.SETTING);
    }
    TrustedProxies proxies = TrustedProxies.parse(list);
    if (proxies.isEmpty()) {
      LOG.info("Forwarded headers are ignored (no trusted proxy): the client address is the TCP peer's");
    } else {
      LOG.info("X-Forwarded-For and X-Forwarded-Proto are honoured from the trusted proxies {}", proxies);
    }
    return proxies;
  }

  @Bean
  public WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxyValve(TrustedProxies proxies) {
    return factory -> factory.addEngineValves(new TrustedProxyValve(proxies));
  }
}
