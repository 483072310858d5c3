package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.thanthien.pilot.access.LoginThrottle.Decision;
import vn.thanthien.pilot.access.LoginThrottle.Outcome;

/** The throttle's rules on a clock the test moves: no HTTP, no waiting. */
class LoginThrottleTest {

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(5, Duration.ofSeconds(30),
      Duration.ofMinutes(2), Duration.ofMinutes(10), 1_000), nanos::get);

  Decision fail(String key) {
    Decision decision = throttle.acquire(key);
    if (decision.allowed()) {
      throttle.release(key, decision, Outcome.FAILED);
    }
    return decision;
  }

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Test
  void fiveWrongPasswordsThenOneAttemptPerBlockThatDoublesUpToTheMaximum() {
    String key = LoginThrottle.key("203.0.113.7", "tinh34");
    for (int i = 0; i < 5; i++) {
      assertThat(fail(key).allowed()).isTrue();
    }
    Decision refused = fail(key);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(30);
    advance(Duration.ofSeconds(30));
    assertThat(fail(key).allowed()).isTrue(); // the sixth failure: 60 s
    assertThat(fail(key).retryAfterSeconds()).isEqualTo(60);
    advance(Duration.ofSeconds(60));
    assertThat(fail(key).allowed()).isTrue(); // 120 s
    advance(Duration.ofSeconds(120));
    assertThat(fail(key).allowed()).isTrue(); // capped at 120 s
    assertThat(fail(key).retryAfterSeconds()).isEqualTo(120);
  }

  @Test
  void otherAddressesAndOtherNamesAreNotAffected() {
    String storm = LoginThrottle.key("203.0.113.7", "tinh34");
    for (int i = 0; i < 30; i++) {
      fail(storm);
    }
    assertThat(throttle.acquire(storm).allowed()).isFalse();
    assertThat(throttle.acquire(LoginThrottle.key("203.0.113.8", "tinh34")).allowed()).isTrue();
    assertThat(throttle.acquire(LoginThrottle.key("203.0.113.7", "huyen339")).allowed()).isTrue();
  }

  @Test
  void aRightPasswordForgetsThePairAndSuccessesLeaveNoTrace() {
    String key = LoginThrottle.key("10.0.0.5", "xa12679");
    for (int i = 0; i < 4; i++) {
      fail(key);
    }
    Decision right = throttle.acquire(key);
    throttle.release(key, right, Outcome.VERIFIED);
    for (int i = 0; i < 4; i++) {
      assertThat(fail(key).allowed()).isTrue();
    }
    assertThat(throttle.acquire(LoginThrottle.key("10.0.0.6", "xa12679")).tracked()).isFalse();
    Decision rest = throttle.acquire(LoginThrottle.key("10.0.0.6", "xa12679"));
    throttle.release(LoginThrottle.key("10.0.0.6", "xa12679"), rest, Outcome.UNKNOWN);
    assertThat(throttle.size()).isEqualTo(1);
  }

  @Test
  void attemptsInProgressCountSoThatAParallelBurstGetsNoMoreTries() {
    String key = LoginThrottle.key("203.0.113.9", "admin");
    fail(key);
    int allowed = 0;
    for (int i = 0; i < 50; i++) {
      if (throttle.acquire(key).allowed()) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(4);
  }

  @Test
  void aStrangerCyclingThroughAddressesAndNamesCannotExhaustMemory() {
    for (int i = 0; i < 200_000; i++) {
      fail(LoginThrottle.key("198.51." + (i >> 8 & 255) + "." + (i & 255), "x".repeat(500) + i));
    }
    assertThat(throttle.size()).isLessThanOrEqualTo(1_000);
    assertThat(LoginThrottle.key("198.51.100.1", "x".repeat(500))).hasSizeLessThan(100);
  }
}
