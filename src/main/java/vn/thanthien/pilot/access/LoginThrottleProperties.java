package vn.thanthien.pilot.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the {@link LoginThrottle}: after {@code maxFailures} wrong passwords from one client
 * address for one user name, that pair waits {@code block} (doubling per further failure, at most
 * {@code maxBlock}); pairs are forgotten after {@code forgetAfter} without attempts, and at most
 * {@code maxEntries} pairs are remembered.
 */
@ConfigurationProperties(prefix = "pilot.login-throttle")
public record LoginThrottleProperties(int maxFailures, Duration block, Duration maxBlock,
    Duration forgetAfter, long maxEntries) {

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
    if (forgetAfter == null || forgetAfter.compareTo(maxBlock) < 0) {
      throw new IllegalArgumentException("pilot.login-throttle.forget-after must not be shorter than max-block");
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("pilot.login-throttle.max-entries must be at least 1");
    }
  }
}
