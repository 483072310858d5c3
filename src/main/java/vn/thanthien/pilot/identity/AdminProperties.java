package vn.thanthien.pilot.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The administrator's password ({@code PILOT_ADMIN_PASSWORD}). There is no default: without it
 * (and without the demo organisation) no administrator is created.
 */
@ConfigurationProperties(prefix = "pilot.admin")
public record AdminProperties(String password) {}
