package vn.thanthien.pilot.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@link LoginThrottle}: after {@code maxFailures} wrong passwords from one client
 * address for one user name (or from one known device), that pair waits {@code block} (doubling
 * per further failure, at most {@code maxBlock}); one client address may send at most
 * {@code addressMaxFailures} wrong passwords per {@code addressWindow} whatever the user names;
 * entries are forgotten after {@code forgetAfter} without attempts, and at most
 * {@code maxEntries} are remembered. A device cookie ({@link DeviceCookies}) is valid for
 * {@code deviceLifetime} after the login that set it.
 */
@ConfigurationProperties(prefix = "pilot.login-throttle")
public record LoginThrottleProperties(int maxFailures, Duration block, Duration maxBlock,
    int addressMaxFailures, Duration addressWindow, Duration forgetAfter, long maxEntries,
    Duration deviceLifetime) {

  public LoginThrottleProperties {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("pilot.login-throttle.max-failures must be at least 1");
    }
    if (block == null || block.isNegative() || block.isZero()) {
      throw new IllegalArgumentException("pilot.login-throttle.block must be positive");
    }
    if (maxBlock == null || maxBlock.compareTo(block) < 0) {
      throw new IllegalArgumentException("pilot.login-throttle.max-block must not be shorter than block");
    }
    if (addressMaxFailures < maxFailures) {
      throw new IllegalArgumentException(
          "pilot.login-throttle.address-max-failures must be at least max-failures");
    }
    if (addressWindow == null || addressWindow.isNegative() || addressWindow.isZero()) {
      throw new IllegalArgumentException("pilot.login-throttle.address-window must be positive");
    }
    if (forgetAfter == null || forgetAfter.compareTo(maxBlock) < 0 || forgetAfter.compareTo(addressWindow) < 0) {
      throw new IllegalArgumentException(
          "pilot.login-throttle.forget-after must not be shorter than max-block or address-window");
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("pilot.login-throttle.max-entries must be at least 1");
    }
    if (deviceLifetime == null || deviceLifetime.isNegative() || deviceLifetime.isZero()) {
      throw new IllegalArgumentException("pilot.login-throttle.device-lifetime must be positive");
    }
  }
}
