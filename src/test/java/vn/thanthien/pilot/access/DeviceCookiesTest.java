package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;

/** A device cookie is good only for its user, under the installation's key, while it lasts. */
class DeviceCookiesTest {

  static final byte[] KEY = "khoa-thu-nghiem-32-byte-cho-hmac".getBytes();
  static final Instant NOW = Instant.parse("2026-03-02T01:00:00Z");

  DeviceCookies at(Instant instant, byte[] key) {
    return new DeviceCookies(key, Duration.ofDays(90), Clock.fixed(instant, ZoneOffset.UTC));
  }

  @Test
  void aCookieNamesItsDeviceForItsUserAlone() {
    DeviceCookies devices = at(NOW, KEY);
    ResponseCookie cookie = devices.issue("xa12679", true);
    assertThat(cookie.getName()).isEqualTo(devices.cookieName("xa12679")).startsWith("pilot-device-")
        .doesNotContain("xa12679").isNotEqualTo(devices.cookieName("xa12680"));
    assertThat(cookie.toString()).contains("HttpOnly").contains("SameSite=Lax").contains("Secure")
        .contains("Path=/").contains("Max-Age=" + Duration.ofDays(90).toSeconds());
    assertThat(devices.issue("xa12679", false).toString()).doesNotContain("Secure");

    String device = devices.verify("xa12679", cookie.getValue());
    assertThat(device).isNotBlank();
    assertThat(devices.verify("xa12679", devices.issue("xa12679", true).getValue())).isNotEqualTo(device);
    assertThat(devices.verify("xa12680", cookie.getValue())).isNull();
    // Another installation's key (another node would share this one: it is in the database).
    assertThat(at(NOW, "mot-khoa-khac-cua-cai-dat-khac!!".getBytes()).verify("xa12679", cookie.getValue())).isNull();
    assertThat(at(NOW, KEY).verify("xa12679", cookie.getValue())).isEqualTo(device);
  }

  @Test
  void aForgedOrExpiredCookieIsNone() {
    DeviceCookies devices = at(NOW, KEY);
    String value = devices.issue("xa12679", false).getValue();
    String[] parts = value.split("\\.");
    assertThat(devices.verify("xa12679", "AAAAAAAAAAAAAAAAAAAAAA." + parts[1] + "." + parts[2])).isNull();
    assertThat(devices.verify("xa12679", parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2])).isNull();
    assertThat(devices.verify("xa12679", parts[0] + "." + parts[1] + ".%%%")).isNull();
    for (String junk : new String[] {"", ".", "..", "a.b.c", parts[0] + "." + parts[1], value + ".x"}) {
      assertThat(devices.verify("xa12679", junk)).as(junk).isNull();
    }
    assertThat(at(NOW.plus(Duration.ofDays(90)).minusSeconds(1), KEY).verify("xa12679", value)).isNotNull();
    assertThat(at(NOW.plus(Duration.ofDays(90)), KEY).verify("xa12679", value)).isNull();
  }
}
