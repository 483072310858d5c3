package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.LoopbackHttp.Reply;

/**
 * Nobody locks an official out without knowing the password, and no header buys a guesser more
 * tries. Each client is its own loopback address (application-it.yaml: 5 failures per address and
 * user name, blocks of 6 s doubling to 12 s; 20 failures per address every 10 minutes; 127.0.0.5
 * and 127.0.4.0/24 are the trusted proxies). Each test uses its own users and addresses, so no
 * other test is affected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class LoginThrottleOverHttpTest {

  static final String RIGHT = "Thu-Nghiem@2025x";
  static final String PROXY = "127.0.0.5";
  static final String REST = "/engine-rest/task/count";
  /** application-it.yaml: pilot.login-throttle.address-max-failures and the 30 s in which one is forgotten. */
  static final int ADDRESS_BUDGET = 20;
  static final long SECONDS_PER_FORGOTTEN_FAILURE = 30;

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;

  private void createUser(String id, String group) {
    User user = identity.newUser(id);
    user.setFirstName("Thử");
    user.setLastName("Nghiệm");
    user.setPassword(RIGHT);
    identity.saveUser(user);
    if (group != null) {
      identity.createMembership(id, group);
    }
  }

  LoopbackHttp from(String address) {
    return new LoopbackHttp(address, port);
  }

  private static void assertThrottled(Reply reply, String message) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(429);
    long retryAfter = Long.parseLong(reply.header("Retry-After"));
    assertThat(retryAfter).isPositive();
    assertThat(reply.json().path("message").asText()).contains(message).contains(retryAfter + " giây");
  }

  private static void assertThrottled(Reply reply) {
    assertThrottled(reply, "Đăng nhập sai quá nhiều lần với tên đăng nhập này từ địa chỉ của anh/chị");
    assertThat(Long.parseLong(reply.header("Retry-After"))).isBetween(1L, 12L);
  }

  private static void sleepUntilRetry(Reply refused) throws InterruptedException {
    Thread.sleep(Long.parseLong(refused.header("Retry-After")) * 1000 + 200);
  }

  @Test
  void aStormOfWrongPasswordsOnTheRestApiSlowsOnlyTheStormingClient() throws Exception {
    String user = "thuthrottlerest";
    createUser(user, null);
    try {
      LoopbackHttp stranger = from("127.0.0.2");
      int unauthorized = 0;
      int throttled = 0;
      for (int i = 0; i < 30; i++) {
        Reply wrong = stranger.get(REST, user, "sai-mat-khau-" + i);
        if (wrong.status() == 401) {
          unauthorized++;
        } else {
          assertThrottled(wrong);
          throttled++;
        }
      }
      assertThat(unauthorized).isEqualTo(5);
      assertThat(throttled).isEqualTo(25);

      // The official, elsewhere, logs in at once; the storming client waits, even with the right password.
      assertThat(from("127.0.0.3").get(REST, user, RIGHT).status()).isEqualTo(200);
      Reply stillBlocked = stranger.get(REST, user, RIGHT);
      assertThrottled(stillBlocked);
      sleepUntilRetry(stillBlocked);
      assertThat(stranger.get(REST, user, RIGHT).status()).isEqualTo(200);

      // Camunda's own lock stays off: the user carries no lock.
      UserEntity entity = (UserEntity) identity.createUserQuery().userId(user).singleResult();
      assertThat(entity.getLockExpirationTime()).satisfiesAnyOf(
          time -> assertThat(time).isNull(), time -> assertThat(time).isBeforeOrEqualTo(new java.util.Date()));
    } finally {
      identity.deleteUser(user);
    }
  }

  @Test
  void aStormOfWrongPasswordsOnTheWebappLoginSlowsOnlyTheStormingClient() throws Exception {
    String user = "thuthrottleweb";
    createUser(user, "commune-12679");
    try {
      LoopbackHttp.Browser stranger = from("127.0.0.6").browser();
      for (int i = 0; i < 5; i++) {
        assertThat(stranger.login(user, "sai-mat-khau-" + i).status()).isEqualTo(401);
      }
      for (int i = 0; i < 25; i++) {
        // HTTP Basic for another name alongside does not move the count to that name.
        assertThrottled(stranger.login(user, "sai-mat-khau-" + i,
            "Authorization", LoopbackHttp.basic("moi" + i, "sai")));
      }
      assertThat(from("127.0.0.7").browser().login(user, RIGHT).status()).isEqualTo(200);
      Reply stillBlocked = stranger.login(user, RIGHT);
      assertThrottled(stillBlocked);
      sleepUntilRetry(stillBlocked);
      assertThat(stranger.login(user, RIGHT).status()).isEqualTo(200);
      // Logged in: the count for the storming client is forgotten, five new tries are allowed.
      assertThat(from("127.0.0.6").browser().login(user, "sai").status()).isEqualTo(401);
    } finally {
      identity.deleteUser(user);
    }
  }

  @Test
  void aStrangerRotatingForwardedHeadersAndUserNamesGetsNoMoreThanTheAddressBudget() {
    String official = "thuthrottlespray";
    createUser(official, null);
    try {
      LoopbackHttp stranger = from("127.0.0.8");
      long start = System.nanoTime();
      int unauthorized = 0;
      for (int i = 0; i < 3 * ADDRESS_BUDGET; i++) {
        String client = "198.51.100." + (i + 1);
        Reply reply = switch (i % 6) {
          case 0 -> stranger.get(REST, "nguoi" + i, "sai", "X-Forwarded-For", client);
          case 1 -> stranger.get(REST, "nguoi" + i, "sai", "X-Real-IP", client);
          case 2 -> stranger.get(REST, "nguoi" + i, "sai", "Forwarded", "for=" + client + ";proto=https");
          case 3 -> stranger.get(REST, "nguoi" + i, "sai", "True-Client-IP", client);
          // Claiming to come through the trusted proxy, or to be it.
          case 4 -> stranger.get(REST, "nguoi" + i, "sai", "X-Forwarded-For", client + ", " + PROXY);
          default -> stranger.get(REST, "nguoi" + i, "sai", "X-Forwarded-For", PROXY,
              "X-Forwarded-Host", "khac.example", "X-Forwarded-Port", "8443", "X-Cluster-Client-IP", client);
        };
        if (reply.status() == 401) {
          unauthorized++;
        } else {
          assertThrottled(reply, "Có quá nhiều lần đăng nhập sai từ địa chỉ của anh/chị");
        }
      }
      long forgotten = (System.nanoTime() - start) / 1_000_000_000L / SECONDS_PER_FORGOTTEN_FAILURE;
      assertThat(unauthorized).isBetween(ADDRESS_BUDGET, ADDRESS_BUDGET + (int) forgotten);

      // Even the right password of a user never guessed from there is refused from that address ...
      assertThrottled(stranger.get(REST, official, RIGHT), "Có quá nhiều lần đăng nhập sai từ địa chỉ");
      // ... while an official at another address logs in during the attack.
      assertThat(from("127.0.0.9").get(REST, official, RIGHT).status()).isEqualTo(200);
    } finally {
      identity.deleteUser(official);
    }
  }

  @Test
  void theForwardedClientAddressIsUsedForRequestsFromTheTrustedProxyAndNotFromElsewhere() {
    String user = "thuthrottleproxy";
    createUser(user, null);
    try {
      LoopbackHttp proxy = from(PROXY);
      // Five wrong passwords from 203.0.113.50 through the proxy (whatever the client put on the left).
      for (int i = 0; i < 5; i++) {
        assertThat(proxy.get(REST, user, "sai-" + i, "X-Forwarded-For", "6.6.6." + i + ", 203.0.113.50").status())
            .isEqualTo(401);
      }
      assertThrottled(proxy.get(REST, user, RIGHT, "X-Forwarded-For", "203.0.113.50"));
      // The same client through a second trusted hop (127.0.4.0/24) is still 203.0.113.50.
      assertThrottled(proxy.get(REST, user, RIGHT, "X-Forwarded-For", "203.0.113.50, 127.0.4.9"));
      // Another client of the same proxy, and the proxy's own address, are not affected.
      assertThat(proxy.get(REST, user, RIGHT, "X-Forwarded-For", "203.0.113.51").status()).isEqualTo(200);
      assertThat(proxy.get(REST, user, RIGHT).status()).isEqualTo(200);
      // From elsewhere the header means nothing: naming the blocked client neither blocks ...
      LoopbackHttp elsewhere = from("127.0.0.10");
      assertThat(elsewhere.get(REST, user, RIGHT, "X-Forwarded-For", "203.0.113.50").status()).isEqualTo(200);
      // ... nor buys a fresh count with a new one.
      for (int i = 0; i < 5; i++) {
        assertThat(elsewhere.get(REST, user, "sai-" + i, "X-Forwarded-For", "203.0.113." + (60 + i)).status())
            .isEqualTo(401);
      }
      assertThrottled(elsewhere.get(REST, user, RIGHT, "X-Forwarded-For", "203.0.113.70"));
    } finally {
      identity.deleteUser(user);
    }
  }

  @Test
  void anOfficialWithADeviceCookieLogsInFromTheStrangersOwnAddressDuringAnAttack() {
    String official = "thuthrottledevice";
    createUser(official, "commune-12679");
    String office = "127.0.0.11"; // one commune office behind one NAT: the stranger sits there too
    try {
      LoopbackHttp.Browser officialsBrowser = from(office).browser();
      Reply first = officialsBrowser.login(official, RIGHT);
      assertThat(first.status()).isEqualTo(200);
      String deviceCookie = first.cookie(DeviceCookies.NAME_PREFIX);
      assertThat(deviceCookie).as(first.cookies().toString()).isNotNull()
          .contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure").doesNotContain(official);

      // Signed under the installation's key in the engine's properties: any node reading the same
      // database accepts it, and the key is not created twice.
      String value = deviceCookie.split(";", 2)[0].split("=", 2)[1];
      DeviceCookies anotherNode = new DeviceCookies(DeviceCookies.installationKey(management),
          Duration.ofDays(1), Clock.systemUTC());
      assertThat(anotherNode.verify(official, value)).isNotNull();
      assertThat(management.getProperties()).containsKey(DeviceCookies.KEY_PROPERTY);
      assertThat(DeviceCookies.installationKey(management)).isEqualTo(DeviceCookies.installationKey(management));

      // The stranger, from the same address, spends the official's budget and the address's.
      LoopbackHttp stranger = from(office);
      for (int i = 0; i < 10; i++) {
        stranger.get(REST, official, "sai-" + i);
      }
      for (int i = 0; i < 2 * ADDRESS_BUDGET; i++) {
        stranger.get(REST, "nguoi-khac" + i, "sai");
      }
      assertThat(stranger.get(REST, official, RIGHT).status()).isEqualTo(429);
      assertThat(from(office).browser().login(official, RIGHT).status()).isEqualTo(429);

      // The official's session goes on, and the official's browser logs in again, on the form
      // and with HTTP Basic, from that very address.
      assertThat(officialsBrowser.send("GET", "/camunda/api/engine/engine/default/task/count", null).status())
          .isEqualTo(200);
      assertThat(officialsBrowser.login(official, RIGHT).status()).isEqualTo(200);
      assertThat(officialsBrowser.send("GET", REST, null, "Authorization", LoopbackHttp.basic(official, RIGHT))
          .status()).isEqualTo(200);

      // The cookie is good for its own user only: for any other name it is no device at all.
      String cookie = deviceCookie.split(";", 2)[0];
      assertThat(stranger.send("GET", REST, null, "Cookie", cookie,
          "Authorization", LoopbackHttp.basic("nguoi-khac0", "sai")).status()).isEqualTo(429);
      // A forged one neither.
      assertThat(stranger.send("GET", REST, null, "Cookie", cookie.substring(0, cookie.length() - 3) + "AAA",
          "Authorization", LoopbackHttp.basic(official, RIGHT)).status()).isEqualTo(429);

      // The device's own wrong passwords block the device alone.
      LoopbackHttp.Browser otherDevice = from("127.0.0.12").browser();
      assertThat(otherDevice.login(official, RIGHT).status()).isEqualTo(200);
      for (int i = 0; i < 5; i++) {
        assertThat(officialsBrowser.login(official, "sai-tren-thiet-bi-" + i).status()).isEqualTo(401);
      }
      assertThrottled(officialsBrowser.login(official, RIGHT), "trên trình duyệt này");
      assertThat(otherDevice.login(official, RIGHT).status()).isEqualTo(200);
    } finally {
      identity.deleteUser(official);
    }
  }

  @Test
  void camundaNeverLocksAUserWhateverTheNumberOfWrongPasswords() {
    String user = "thuthrottleengine";
    createUser(user, null);
    try {
      for (int i = 0; i < 30; i++) {
        assertThat(identity.checkPassword(user, "sai-mat-khau-" + i)).isFalse();
      }
      assertThat(identity.checkPassword(user, RIGHT)).isTrue();
      UserEntity entity = (UserEntity) identity.createUserQuery().userId(user).singleResult();
      assertThat(entity.getAttempts()).isZero();
    } finally {
      identity.deleteUser(user);
    }
  }
}
