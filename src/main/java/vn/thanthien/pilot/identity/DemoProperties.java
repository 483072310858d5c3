package vn.thanthien.pilot.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo organisation: when enabled, an admin, a manager and one official per unit group are
 * created with the same documented password. Turn it off in production.
 */
@ConfigurationProperties(prefix = "pilot.demo")
public record DemoProperties(boolean enabled, String password) {}
