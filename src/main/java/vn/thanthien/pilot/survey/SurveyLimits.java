package vn.thanthien.pilot.survey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseCookie;
import vn.thanthien.pilot.access.DeviceCookies;

/**
 * What keeps the public survey honest without knowing who answers:
 * <ul>
 *   <li>a <b>form token</b> in every page served: the commune, when it was served and a random
 *       nonce, signed with an HMAC under the installation's key; an answer needs one no older than
 *       {@code pilot.survey.form-lifetime}, and each token counts once;</li>
 *   <li>a <b>device cookie</b> once a device has answered for a commune: the commune and the day,
 *       signed likewise, valid until the end of that day; a device carrying it answers again the
 *       next day (a fresh browser has none: the limits below still hold);</li>
 *   <li><b>hourly limits</b> per client address ({@code access.ClientAddress}: forwarded headers
 *       only from trusted proxies, IPv6 per /64) and per commune.</li>
 * </ul>
 * The addresses are never kept: a counter is keyed by an HMAC of the address under a salt drawn at
 * random each day and held only in memory, and counters are forgotten after two hours.
 */
public class SurveyLimits {

  /** The answer a request gets from the limits. */
  public enum Decision {
    ACCEPTED,
    /** Counted, and flagged to the district as possible stuffing. */
    FLAGGED,
    ADDRESS_LIMIT,
    COMMUNE_LIMIT
  }

  static final String COOKIE_PREFIX = "pilot-survey-";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;
  private final SurveyProperties settings;
  private final Clock clock;
  private final ZoneId zone;
  /** Nonces of tokens already used, until they would have expired anyway. */
  private final Cache<String, Boolean> usedTokens;
  /** Answers per hour and (hashed) address, and per hour and commune. */
  private final Cache<String, AtomicInteger> counters;
  private volatile DailySalt salt;

  private record DailySalt(LocalDate day, SecretKeySpec key) {}

  public SurveyLimits(byte[] key, SurveyProperties settings, Clock clock, ZoneId zone) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.settings = settings;
    this.clock = clock;
    this.zone = zone;
    this.usedTokens = Caffeine.newBuilder().expireAfterWrite(settings.formLifetime()).maximumSize(500_000).build();
    this.counters = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(2)).maximumSize(500_000).build();
  }

  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  // ---- form tokens ----

  /** A new form token for the commune's page. */
  public String issueToken(String commune) {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    String body = commune + "." + clock.instant().getEpochSecond() + "." + B64.encodeToString(nonce);
    return body + "." + B64.encodeToString(mac(key, "form\0" + body));
  }

  /** A valid token's issue time, or null: forged, for another commune, expired or malformed. */
  public Instant verifyToken(String token, String commune) {
    String[] parts = token == null || token.length() > 200 ? new String[0] : token.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals(commune) || !parts[1].matches("\\d{1,12}")) {
      return null;
    }
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(parts[3]);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    String body = parts[0] + "." + parts[1] + "." + parts[2];
    if (!MessageDigest.isEqual(mac(key, "form\0" + body), given)) {
      return null;
    }
    Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[1]));
    Instant now = clock.instant();
    if (issued.isAfter(now.plusSeconds(300)) || !issued.plus(settings.formLifetime()).isAfter(now)) {
      return null;
    }
    return issued;
  }

  /** Marks a valid token used; false when it was used already. */
  public boolean useToken(String token) {
    return usedTokens.asMap().putIfAbsent(token.substring(token.lastIndexOf('.') + 1), Boolean.TRUE) == null;
  }

  // ---- device cookies ----

  static String cookieName(String commune) {
    return COOKIE_PREFIX + commune;
  }

  /** Whether the request carries this device's valid cookie of an answer to the commune today. */
  public boolean answeredToday(HttpServletRequest request, String commune) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return false;
    }
    String expected = deviceValue(commune, today());
    for (Cookie cookie : cookies) {
      if (cookieName(commune).equals(cookie.getName())
          && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
              String.valueOf(cookie.getValue()).getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }

  /** The cookie of a device that answered for the commune today, valid until midnight. */
  public ResponseCookie answeredCookie(String commune, boolean secure) {
    LocalDate today = today();
    Duration untilMidnight = Duration.between(clock.instant(), today.plusDays(1).atStartOfDay(zone).toInstant());
    return ResponseCookie.from(cookieName(commune), deviceValue(commune, today))
        .path("/survey/" + commune).httpOnly(true).secure(secure).sameSite("Strict")
        .maxAge(Math.max(60, untilMidnight.toSeconds())).build();
  }

  private String deviceValue(String commune, LocalDate day) {
    return day + "." + B64.encodeToString(mac(key, "answered\0" + commune + "\0" + day));
  }

  // ---- hourly limits ----

  /**
   * Counts one answer from the address for the commune, or refuses it: the address's limit first,
   * then the commune's. An answer within the limits is flagged when its address already gave
   * {@code pilot.survey.flag-from-per-address} in the hour, or when it came sooner after its page
   * than a person answers ({@code pilot.survey.quickest-human}).
   */
  public Decision acquire(String clientAddress, String commune, Instant served) {
    long hour = clock.instant().getEpochSecond() / 3600;
    int fromAddress = counter("a" + hour + "." + addressHash(clientAddress)).incrementAndGet();
    if (fromAddress > settings.perAddressPerHour()) {
      return Decision.ADDRESS_LIMIT;
    }
    int forCommune = counter("c" + hour + "." + commune).incrementAndGet();
    if (forCommune > settings.perCommunePerHour()) {
      return Decision.COMMUNE_LIMIT;
    }
    boolean quick = served != null && served.plus(settings.quickestHuman()).isAfter(clock.instant());
    return fromAddress > settings.flagFromPerAddress() || quick ? Decision.FLAGGED : Decision.ACCEPTED;
  }

  /** Seconds until the current hour's counters end (Retry-After). */
  public long secondsToNextHour() {
    return 3600 - clock.instant().getEpochSecond() % 3600;
  }

  private AtomicInteger counter(String name) {
    return counters.get(name, k -> new AtomicInteger());
  }

  /** The address under today's salt: the same address gives the same key all day, and nothing after. */
  String addressHash(String address) {
    LocalDate today = today();
    DailySalt current = salt;
    if (current == null || !current.day().equals(today)) {
      byte[] fresh = new byte[32];
      RANDOM.nextBytes(fresh);
      current = new DailySalt(today, new SecretKeySpec(fresh, "HmacSHA256"));
      salt = current;
    }
    return B64.encodeToString(mac(current.key(), address)).substring(0, 22);
  }

  /** Forgets every counter and used token (tests). */
  public void forgetAll() {
    counters.invalidateAll();
    usedTokens.invalidateAll();
  }

  private static byte[] mac(SecretKeySpec key, String text) {
    return DeviceCookies.hmacSha256(key, text);
  }
}
