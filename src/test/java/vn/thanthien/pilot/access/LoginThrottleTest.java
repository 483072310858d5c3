package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.thanthien.pilot.access.LoginThrottle.Attempt;
import vn.thanthien.pilot.access.LoginThrottle.Budget;
import vn.thanthien.pilot.access.LoginThrottle.Outcome;

/** The throttle's rules on a clock the test moves: no HTTP, no waiting. */
class LoginThrottleTest {

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  /** 5 per pair, 30 s doubling to 2 min; 20 per address per 10 minutes (one forgotten every 30 s). */
  final LoginThrottle throttle = new LoginThrottle(new LoginThrottleProperties(5, Duration.ofSeconds(30),
      Duration.ofMinutes(2), 20, Duration.ofMinutes(10), Duration.ofMinutes(10), 1_000, Duration.ofDays(1)),
      nanos::get);

  Attempt fail(String address, String user) {
    return attempt(address, user, null, Outcome.FAILED);
  }

  Attempt attempt(String address, String user, String device, Outcome outcome) {
    Attempt attempt = throttle.acquire(address, user, device);
    if (attempt.allowed()) {
      throttle.release(attempt, outcome);
    }
    return attempt;
  }

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Test
  void fiveWrongPasswordsThenOneAttemptPerBlockThatDoublesUpToTheMaximum() {
    for (int i = 0; i < 5; i++) {
      assertThat(fail("203.0.113.7", "tinh34").allowed()).isTrue();
    }
    Attempt refused = fail("203.0.113.7", "tinh34");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.refusedBy()).isEqualTo(Budget.USER_AT_ADDRESS);
    assertThat(refused.retryAfterSeconds()).isEqualTo(30);
    advance(Duration.ofSeconds(30));
    assertThat(fail("203.0.113.7", "tinh34").allowed()).isTrue(); // the sixth failure: 60 s
    assertThat(fail("203.0.113.7", "tinh34").retryAfterSeconds()).isEqualTo(60);
    advance(Duration.ofSeconds(60));
    assertThat(fail("203.0.113.7", "tinh34").allowed()).isTrue(); // 120 s
    advance(Duration.ofSeconds(120));
    assertThat(fail("203.0.113.7", "tinh34").allowed()).isTrue(); // capped at 120 s
    assertThat(fail("203.0.113.7", "tinh34").retryAfterSeconds()).isEqualTo(120);
  }

  @Test
  void otherAddressesAndOtherNamesAreNotAffected() {
    for (int i = 0; i < 30; i++) {
      fail("203.0.113.7", "tinh34");
    }
    assertThat(throttle.acquire("203.0.113.7", "tinh34", null).allowed()).isFalse();
    assertThat(throttle.acquire("203.0.113.8", "tinh34", null).allowed()).isTrue();
    assertThat(throttle.acquire("203.0.113.7", "huyen339", null).allowed()).isTrue();
  }

  @Test
  void oneAddressSprayingUserNamesGetsTheAddressBudgetAndNoMore() {
    int allowed = 0;
    for (int i = 0; i < 200; i++) {
      if (fail("203.0.113.20", "canbo" + i).allowed()) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(20);
    Attempt refused = throttle.acquire("203.0.113.20", "canbo-moi", null);
    assertThat(refused.refusedBy()).isEqualTo(Budget.ADDRESS);
    assertThat(refused.retryAfterSeconds()).isEqualTo(30);
    // A right password for the sprayer's own account does not buy new guesses.
    assertThat(throttle.acquire("203.0.113.20", "tinh34", null).allowed()).isFalse();
    // One wrong password is forgotten every 30 s: one more guess, then refused again.
    advance(Duration.ofSeconds(30));
    assertThat(fail("203.0.113.20", "canbo-moi").allowed()).isTrue();
    assertThat(fail("203.0.113.20", "canbo-moi-2").allowed()).isFalse();
    // After the whole window the address has its whole budget again.
    advance(Duration.ofMinutes(10));
    for (int i = 0; i < 20; i++) {
      assertThat(fail("203.0.113.20", "lan2-" + i).allowed()).isTrue();
    }
    assertThat(fail("203.0.113.20", "lan2-x").allowed()).isFalse();
    // Another address is not affected.
    assertThat(throttle.acquire("203.0.113.21", "canbo1", null).allowed()).isTrue();
  }

  @Test
  void aKnownDeviceLogsInWhileAStrangerAtTheSameAddressHasSpentEveryBudget() {
    for (int i = 0; i < 100; i++) {
      fail("203.0.113.30", "xa12679");
      fail("203.0.113.30", "khac" + i);
    }
    assertThat(throttle.acquire("203.0.113.30", "xa12679", null).allowed()).isFalse();
    Attempt official = throttle.acquire("203.0.113.30", "xa12679", "thiet-bi-1");
    assertThat(official.allowed()).isTrue();
    throttle.release(official, Outcome.VERIFIED);
  }

  @Test
  void aDevicesOwnWrongPasswordsBlockOnlyThatDevice() {
    for (int i = 0; i < 5; i++) {
      assertThat(attempt("203.0.113.40", "xa12679", "thiet-bi-2", Outcome.FAILED).allowed()).isTrue();
    }
    Attempt refused = throttle.acquire("203.0.113.40", "xa12679", "thiet-bi-2");
    assertThat(refused.refusedBy()).isEqualTo(Budget.DEVICE);
    assertThat(refused.retryAfterSeconds()).isEqualTo(30);
    // The address and the pair keep their budgets; another device of the same user too.
    assertThat(throttle.acquire("203.0.113.40", "xa12679", null).allowed()).isTrue();
    assertThat(throttle.acquire("203.0.113.40", "xa12679", "thiet-bi-3").allowed()).isTrue();
  }

  @Test
  void aRightPasswordForgetsThePairAndSuccessesLeaveNoTrace() {
    for (int i = 0; i < 4; i++) {
      fail("10.0.0.5", "xa12679");
    }
    attempt("10.0.0.5", "xa12679", null, Outcome.VERIFIED);
    for (int i = 0; i < 4; i++) {
      assertThat(fail("10.0.0.5", "xa12679").allowed()).isTrue();
    }
    long remembered = throttle.size();
    attempt("10.0.0.6", "xa12679", null, Outcome.UNKNOWN);
    attempt("10.0.0.6", "xa12679", null, Outcome.VERIFIED);
    attempt("10.0.0.6", "xa12679", "thiet-bi-4", Outcome.VERIFIED);
    assertThat(throttle.size()).isEqualTo(remembered);
  }

  @Test
  void attemptsInProgressCountSoThatAParallelBurstGetsNoMoreTries() {
    fail("203.0.113.9", "admin");
    int allowed = 0;
    for (int i = 0; i < 50; i++) {
      if (throttle.acquire("203.0.113.9", "admin", null).allowed()) {
        allowed++;
      }
    }
    assertThat(allowed).isEqualTo(4);
    int acrossNames = 0;
    for (int i = 0; i < 50; i++) {
      if (throttle.acquire("203.0.113.10", "ten" + i, null).allowed()) {
        acrossNames++;
      }
    }
    assertThat(acrossNames).isEqualTo(20);
  }

  @Test
  void aStrangerCyclingThroughAddressesAndNamesCannotExhaustMemory() {
    for (int i = 0; i < 200_000; i++) {
      fail("198.51." + (i >> 8 & 255) + "." + (i & 255), "x".repeat(500) + i);
    }
    assertThat(throttle.size()).isLessThanOrEqualTo(1_000);
    assertThat(LoginThrottle.pairKey("198.51.100.1", "x".repeat(500))).hasSizeLessThan(100);
  }
}
