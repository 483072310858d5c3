package vn.thanthien.pilot.access;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.http.ResponseCookie;

/**
 * Known devices (OWASP's "device cookie"): after a login on the webapps' form proven right, the
 * browser gets a cookie that binds the user name to a random device id with an HMAC under the
 * installation's key. A later login attempt for that user carrying it is counted under the device
 * ({@link LoginThrottle.Budget#DEVICE}), not under the client address, so that a stranger
 * guessing from the same address (a commune office behind one NAT, a province behind one proxy)
 * does not keep the official out. Nobody can make one without the key, and one is good only for
 * the user it was issued to, so it buys a guesser nothing.
 *
 * <p>The cookie ({@code pilot-device-<tag>}, one per user name, the tag an HMAC of the name, which
 * the cookie does not reveal) is {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} over HTTPS,
 * valid for {@code pilot.login-throttle.device-lifetime} and renewed at every login. The key is
 * created once and kept in the engine's property table, so every node of a cluster shares it (it
 * is created at start, while a node of a PostgreSQL cluster holds the cluster's start lock).
 */
public class DeviceCookies {

  /** The engine property (ACT_GE_PROPERTY) that holds the key, Base64. */
  static final String KEY_PROPERTY = "pilot.login.device-cookie-key";
  static final String NAME_PREFIX = "pilot-device-";
  /** A cookie issued up to this far in the future (another node's clock) is still accepted. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;
  private final Duration lifetime;
  private final Clock clock;

  public DeviceCookies(byte[] key, Duration lifetime, Clock clock) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** The installation's key: read from the engine's properties, created there the first time. */
  public static byte[] installationKey(ManagementService management) {
    return installationKey(management, KEY_PROPERTY);
  }

  /** A key of the installation kept in the engine property {@code property}, created there the first time. */
  public static byte[] installationKey(ManagementService management, String property) {
    String stored = management.getProperties().get(property);
    if (stored == null) {
      byte[] fresh = new byte[32];
      RANDOM.nextBytes(fresh);
      management.setProperty(property, Base64.getEncoder().encodeToString(fresh));
      stored = management.getProperties().get(property);
    }
    return Base64.getDecoder().decode(stored);
  }

  /** The name of {@code user}'s device cookie. */
  String cookieName(String user) {
    return NAME_PREFIX + B64.encodeToString(mac("name\0" + user)).substring(0, 16);
  }

  /**
   * The device of the request's valid device cookie for {@code user}, or null (none, another
   * user's, forged, expired).
   */
  public String deviceOf(HttpServletRequest request, String user) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    String name = cookieName(user);
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName())) {
        String device = verify(user, cookie.getValue());
        if (device != null) {
          return device;
        }
      }
    }
    return null;
  }

  /** The device id of a cookie value issued to {@code user} and still valid, or null. */
  String verify(String user, String value) {
    String[] parts = value == null ? new String[0] : value.split("\\.", -1);
    if (parts.length != 3 || !parts[1].matches("\\d{1,12}")) {
      return null;
    }
    long issued = Long.parseLong(parts[1]);
    long now = clock.instant().getEpochSecond();
    if (issued > now + CLOCK_SKEW.toSeconds() || now - issued >= lifetime.toSeconds()) {
      return null;
    }
    byte[] expected = mac(signed(user, parts[0], issued));
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    return MessageDigest.isEqual(expected, given) ? parts[0] : null;
  }

  /** A new device cookie for {@code user} (a new device id). */
  public ResponseCookie issue(String user, boolean secure) {
    byte[] id = new byte[16];
    RANDOM.nextBytes(id);
    String device = B64.encodeToString(id);
    long issued = clock.instant().getEpochSecond();
    String value = device + "." + issued + "." + B64.encodeToString(mac(signed(user, device, issued)));
    return ResponseCookie.from(cookieName(user), value)
        .path("/").httpOnly(true).secure(secure).sameSite("Lax").maxAge(lifetime).build();
  }

  private static String signed(String user, String device, long issued) {
    return "device\0" + user + "\0" + device + "\0" + issued;
  }

  private byte[] mac(String text) {
    return hmacSha256(key, text);
  }

  /** HMAC-SHA256 of the text's UTF-8 bytes under the key. */
  public static byte[] hmacSha256(SecretKeySpec key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
