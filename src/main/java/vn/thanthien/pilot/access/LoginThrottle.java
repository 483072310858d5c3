package vn.thanthien.pilot.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows down wrong passwords, never per user alone: whoever sends wrong passwords for an official
 * only slows himself down, and the official logs in from any other address at once. Three budgets:
 *
 * <ul>
 *   <li>per (client address, user name): {@code maxFailures} failures, then one attempt per block,
 *       the block doubling with each further failure up to {@code maxBlock}; a login proven right
 *       (see {@link Outcome#VERIFIED}) forgets it;</li>
 *   <li>per client address, across user names (password spraying): at most
 *       {@code addressMaxFailures} failures per {@code addressWindow}, a leaky bucket that
 *       empties at that rate; a right password does not empty it (a sprayer would log in with his
 *       own account between guesses);</li>
 *   <li>per known device ({@link DeviceCookies}): an attempt with a valid device cookie for the
 *       user it logs in as counts under that device, with the (address, user) rules, and not
 *       under the address's budgets, so a stranger's guesses from the same address (a commune
 *       office behind one NAT) never keep that official out, and the device's own wrong passwords
 *       block only the device.</li>
 * </ul>
 *
 * <p>The state is one bounded Caffeine cache, so a stranger cycling through addresses, names or
 * devices cannot exhaust memory; its frequency-based admission keeps busy entries (an ongoing
 * attack) rather than one-off newcomers. Attempts in progress count, so that a parallel burst gets
 * no more tries.
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

  /** The budget an attempt counts against. */
  public enum Budget {
    /** One user name from one client address. */
    USER_AT_ADDRESS,
    /** Every user name from one client address. */
    ADDRESS,
    /** One user name from one known device (a browser the user logged in with). */
    DEVICE
  }

  /**
   * Whether an attempt may go on; if not, how many seconds to wait and which budget is spent. An
   * attempt allowed must be followed by {@link #release}.
   */
  public record Attempt(boolean allowed, long retryAfterSeconds, Budget refusedBy, List<Held> held) {}

  /** One counter an allowed attempt holds (as an attempt in progress). */
  record Held(String key) {}

  /** Longest user name kept in a key: Camunda's user ids have at most 64 characters. */
  static final int MAX_USER_LENGTH = 64;

  private abstract static class Counter {
    int inProgress;
  }

  /** The (address, user) and device budget: failures, then doubling blocks. */
  private static final class Pair extends Counter {
    int failures;
    long blockedUntilNanos;
  }

  /** The address budget: a level that rises by one per failure and leaks at a steady rate. */
  private static final class Bucket extends Counter {
    double level;
    long updatedNanos;

    void leak(long now, double perNano) {
      level = Math.max(0, level - (now - updatedNanos) * perNano);
      updatedNanos = now;
    }
  }

  private final LoginThrottleProperties settings;
  private final Ticker ticker;
  private final Cache<String, Counter> counters;
  /** How much of the address bucket leaks per nanosecond. */
  private final double leakPerNano;

  public LoginThrottle(LoginThrottleProperties settings) {
    this(settings, Ticker.systemTicker());
  }

  LoginThrottle(LoginThrottleProperties settings, Ticker ticker) {
    this.settings = settings;
    this.ticker = ticker;
    this.leakPerNano = settings.addressMaxFailures() / (double) settings.addressWindow().toNanos();
    this.counters = Caffeine.newBuilder()
        .maximumSize(settings.maxEntries())
        .expireAfterWrite(settings.forgetAfter())
        .ticker(ticker)
        .executor(Runnable::run)
        .build();
  }

  static String pairKey(String clientAddress, String userName) {
    String user = userName.length() > MAX_USER_LENGTH ? userName.substring(0, MAX_USER_LENGTH) : userName;
    return "p\n" + clientAddress + '\n' + user;
  }

  static String addressKey(String clientAddress) {
    return "a\n" + clientAddress;
  }

  static String deviceKey(String device) {
    return "d\n" + device;
  }

  /**
   * Called before the password is checked.
   *
   * @param clientAddress {@link ClientAddress#limitKey}
   * @param device the device of a valid device cookie for {@code userName}, or null
   */
  public Attempt acquire(String clientAddress, String userName, String device) {
    List<String> keys = device != null ? List.of(deviceKey(device))
        : List.of(pairKey(clientAddress, userName), addressKey(clientAddress));
    List<Held> held = new java.util.ArrayList<>();
    for (String key : keys) {
      long[] refusedFor = new long[1];
      Held one = key.startsWith("a\n") ? acquireBucket(key, refusedFor) : acquirePair(key, refusedFor);
      if (one == null) {
        held.forEach(h -> releaseOne(h, Outcome.UNKNOWN));
        return new Attempt(false, seconds(refusedFor[0]), budgetOf(key), List.of());
      }
      held.add(one);
    }
    return new Attempt(true, 0, null, List.copyOf(held));
  }

  /** Called once the answer to an allowed attempt is known. */
  public void release(Attempt attempt, Outcome outcome) {
    attempt.held().forEach(held -> releaseOne(held, outcome));
  }

  private static Budget budgetOf(String key) {
    return switch (key.charAt(0)) {
      case 'a' -> Budget.ADDRESS;
      case 'd' -> Budget.DEVICE;
      default -> Budget.USER_AT_ADDRESS;
    };
  }

  /** Null when refused; an attempt is counted in progress from the first, so a parallel burst gets no more. */
  private Held acquirePair(String key, long[] refusedFor) {
    long now = ticker.read();
    boolean[] refused = new boolean[1];
    counters.asMap().compute(key, (k, counter) -> {
      Pair pair = counter == null ? new Pair() : (Pair) counter;
      int max = settings.maxFailures();
      if (pair.failures >= max) {
        if (now < pair.blockedUntilNanos || pair.inProgress > 0) {
          refused[0] = true;
          refusedFor[0] = pair.blockedUntilNanos - now;
          return pair;
        }
      } else if (pair.failures + pair.inProgress >= max) {
        refused[0] = true;
        return pair;
      }
      pair.inProgress++;
      return pair;
    });
    return refused[0] ? null : new Held(key);
  }

  private Held acquireBucket(String key, long[] refusedFor) {
    long now = ticker.read();
    boolean[] refused = new boolean[1];
    counters.asMap().compute(key, (k, counter) -> {
      Bucket bucket = counter == null ? new Bucket() : (Bucket) counter;
      if (counter == null) {
        bucket.updatedNanos = now;
      }
      bucket.leak(now, leakPerNano);
      int max = settings.addressMaxFailures();
      if (bucket.level + bucket.inProgress > max - 1) {
        refused[0] = true;
        // Until the level has leaked enough for one more attempt beside those in progress.
        refusedFor[0] = (long) ((bucket.level + bucket.inProgress - (max - 1)) / leakPerNano);
        return bucket;
      }
      bucket.inProgress++;
      return bucket;
    });
    return refused[0] ? null : new Held(key);
  }

  private void releaseOne(Held held, Outcome outcome) {
    long now = ticker.read();
    if (held.key().startsWith("a\n")) {
      releaseBucket(held, outcome, now);
    } else {
      releasePair(held, outcome, now);
    }
  }

  private void releasePair(Held held, Outcome outcome, long now) {
    counters.asMap().compute(held.key(), (k, counter) -> {
      Pair pair = (Pair) counter;
      if (pair != null && pair.inProgress > 0) {
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
            Duration block = blockFor(over);
            pair.blockedUntilNanos = now + block.toNanos();
            String[] parts = k.split("\n", 3);
            LOG.warn("{} wrong passwords for user name '{}' {} {}: next attempt in {} s", pair.failures,
                printable(parts.length == 3 ? parts[2] : ""), parts[0].equals("d") ? "on device" : "from",
                parts[1], block.toSeconds());
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

  private void releaseBucket(Held held, Outcome outcome, long now) {
    counters.asMap().compute(held.key(), (k, counter) -> {
      Bucket bucket = (Bucket) counter;
      if (bucket == null) {
        if (outcome != Outcome.FAILED) {
          return null;
        }
        bucket = new Bucket();
        bucket.updatedNanos = now;
      }
      if (bucket.inProgress > 0) {
        bucket.inProgress--;
      }
      bucket.leak(now, leakPerNano);
      if (outcome == Outcome.FAILED) {
        bucket.level += 1;
        if (bucket.level > settings.addressMaxFailures() - 1) {
          LOG.warn("{} wrong passwords from {} within {} across user names: further attempts from there "
              + "without a known device are refused for a while", settings.addressMaxFailures(),
              k.substring(2), settings.addressWindow());
        }
      }
      return bucket.level == 0 && bucket.inProgress == 0 ? null : bucket;
    });
  }

  /**
   * Forgets every counter: tests sharing one application (and one client address, 127.0.0.1) use it
   * so that another test's deliberate wrong passwords do not spend their budget.
   */
  public void forgetAll() {
    counters.invalidateAll();
    counters.cleanUp();
  }

  /** How many counters are remembered at the moment (for tests and monitoring). */
  public long size() {
    counters.cleanUp();
    return counters.estimatedSize();
  }

  private Duration blockFor(int failuresOverLimit) {
    Duration block = settings.block();
    for (int i = 0; i < failuresOverLimit && block.compareTo(settings.maxBlock()) < 0; i++) {
      block = block.multipliedBy(2);
    }
    return block.compareTo(settings.maxBlock()) > 0 ? settings.maxBlock() : block;
  }

  private static String printable(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }

  private static long seconds(long waitNanos) {
    return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1));
  }
}
