package vn.thanthien.pilot.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down wrong passwords per (client address, user name), never per user alone: whoever sends
 * wrong passwords for an official only slows himself down, and the official logs in from any other
 * address at once (and from the same address once the block has passed). The state is a bounded
 * Caffeine cache, so a stranger cycling through addresses or names cannot exhaust memory; its
 * frequency-based admission keeps a busy pair (an ongoing attack) rather than one-off newcomers.
 *
 * <p>A pair is tracked from its first failure. It may then have at most {@code maxFailures}
 * failures plus attempts in progress; from {@code maxFailures} failures on, one attempt at a time
 * is let through once the block has passed, and each further failure doubles the block up to
 * {@code maxBlock}. A login proven right (see {@link Outcome#VERIFIED}) forgets the pair.
 */
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** What an attempt turned out to be. */
  public enum Outcome {
    /** The password was checked and was wrong. */
    FAILED,
    /** The password was checked and was right. */
    VERIFIED,
    /** Nothing can be concluded about the password from the answer. */
    UNKNOWN
  }

  /** Whether an attempt may go on; if not, how many seconds to wait. */
  public record Decision(boolean allowed, long retryAfterSeconds, boolean tracked) {}

  /** Longest user name kept in a key: Camunda's user ids have at most 64 characters. */
  static final int MAX_USER_LENGTH = 64;

  private static final class Pair {
    int failures;
    int inProgress;
    long blockedUntilNanos;
  }

  private final LoginThrottleProperties settings;
  private final Ticker ticker;
  private final Cache<String, Pair> pairs;

  public LoginThrottle(LoginThrottleProperties settings) {
    this(settings, Ticker.systemTicker());
  }

  LoginThrottle(LoginThrottleProperties settings, Ticker ticker) {
    this.settings = settings;
    this.ticker = ticker;
    this.pairs = Caffeine.newBuilder()
        .maximumSize(settings.maxEntries())
        .expireAfterWrite(settings.forgetAfter())
        .ticker(ticker)
        .executor(Runnable::run)
        .build();
  }

  public static String key(String clientAddress, String userName) {
    String user = userName.length() > MAX_USER_LENGTH ? userName.substring(0, MAX_USER_LENGTH) : userName;
    return clientAddress + '\n' + user;
  }

  /** Called before the password is checked; an attempt allowed must be followed by {@link #release}. */
  public Decision acquire(String key) {
    long now = ticker.read();
    Decision[] decision = new Decision[1];
    pairs.asMap().computeIfPresent(key, (k, pair) -> {
      int max = settings.maxFailures();
      if (pair.failures >= max) {
        if (now < pair.blockedUntilNanos || pair.inProgress > 0) {
          decision[0] = refuse(pair.blockedUntilNanos - now);
          return pair;
        }
      } else if (pair.failures + pair.inProgress >= max) {
        decision[0] = refuse(0);
        return pair;
      }
      pair.inProgress++;
      decision[0] = new Decision(true, 0, true);
      return pair;
    });
    return decision[0] != null ? decision[0] : new Decision(true, 0, false);
  }

  /** Called once the answer to an allowed attempt is known. */
  public void release(String key, Decision decision, Outcome outcome) {
    long now = ticker.read();
    pairs.asMap().compute(key, (k, pair) -> {
      if (pair != null && decision.tracked() && pair.inProgress > 0) {
        pair.inProgress--;
      }
      switch (outcome) {
        case FAILED -> {
          if (pair == null) {
            pair = new Pair();
          }
          pair.failures++;
          int over = pair.failures - settings.maxFailures();
          if (over >= 0) {
            java.time.Duration block = blockFor(over);
            pair.blockedUntilNanos = now + block.toNanos();
            LOG.warn("{} wrong passwords for user name '{}' from {}: next attempt in {} s", pair.failures,
                printable(k.substring(k.indexOf('\n') + 1)), k.substring(0, k.indexOf('\n')), block.toSeconds());
          }
          return pair;
        }
        case VERIFIED -> {
          if (pair == null || pair.inProgress == 0) {
            return null;
          }
          pair.failures = 0;
          pair.blockedUntilNanos = 0;
          return pair;
        }
        default -> {
          return pair == null || (pair.failures == 0 && pair.inProgress == 0) ? null : pair;
        }
      }
    });
  }

  /** How many pairs are remembered at the moment (for tests and monitoring). */
  public long size() {
    pairs.cleanUp();
    return pairs.estimatedSize();
  }

  private java.time.Duration blockFor(int failuresOverLimit) {
    java.time.Duration block = settings.block();
    for (int i = 0; i < failuresOverLimit && block.compareTo(settings.maxBlock()) < 0; i++) {
      block = block.multipliedBy(2);
    }
    return block.compareTo(settings.maxBlock()) > 0 ? settings.maxBlock() : block;
  }

  private static String printable(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }

  private static Decision refuse(long waitNanos) {
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1));
    return new Decision(false, seconds, false);
  }
}
