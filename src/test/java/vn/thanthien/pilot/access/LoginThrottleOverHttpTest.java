package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Nobody locks an official out without knowing the password: a storm of wrong passwords (more
 * than Camunda's old limit of 10, after which it locked the user for good) is slowed down for the
 * storming client only; the right password works at once from elsewhere and, after the block, from
 * the storming client too. Distinct clients are simulated with X-Forwarded-For, which Tomcat
 * honours from localhost (a trusted internal proxy). Each test uses its own user and addresses,
 * so no other test is affected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class LoginThrottleOverHttpTest {

  static final String RIGHT = "Thu-Nghiem@2025x";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  final HttpClient http = HttpClient.newHttpClient();

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

  private HttpResponse<String> rest(String client, String user, String password) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/count"))
        .header("X-Forwarded-For", client)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The webapps' login form as Tasklist sends it: in a session, with the session's CSRF token. */
  private HttpResponse<String> webLogin(String client, String query, String user, String password) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String csrf = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/app/tasklist/default/")).header("X-Forwarded-For", client).GET().build(),
        HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/admin/auth/user/default/login/tasklist" + query))
        .header("X-Forwarded-For", client)
        .header("X-XSRF-TOKEN", csrf)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertThrottled(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
    long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 12L); // application-it.yaml: block 6 s, max-block 12 s
    assertThat(JSON.readTree(response.body()).path("message").asText())
        .contains("Đăng nhập sai quá nhiều lần").contains(retryAfter + " giây");
  }

  private static void sleepUntilRetry(HttpResponse<String> refused) throws InterruptedException {
    Thread.sleep(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 200);
  }

  @Test
  void aStormOfWrongPasswordsOnTheRestApiSlowsOnlyTheStormingClient() throws Exception {
    String user = "thuthrottlerest";
    createUser(user, null);
    try {
      int unauthorized = 0;
      int throttled = 0;
      for (int i = 0; i < 30; i++) {
        HttpResponse<String> wrong = rest("203.0.113.7", user, "sai-mat-khau-" + i);
        if (wrong.statusCode() == 401) {
          unauthorized++;
        } else {
          assertThrottled(wrong);
          throttled++;
        }
      }
      assertThat(unauthorized).isEqualTo(5);
      assertThat(throttled).isEqualTo(25);

      // The official, elsewhere, logs in at once; the storming client waits, even with the right password.
      assertThat(rest("203.0.113.8", user, RIGHT).statusCode()).isEqualTo(200);
      HttpResponse<String> stillBlocked = rest("203.0.113.7", user, RIGHT);
      assertThrottled(stillBlocked);
      sleepUntilRetry(stillBlocked);
      assertThat(rest("203.0.113.7", user, RIGHT).statusCode()).isEqualTo(200);

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
      for (int i = 0; i < 5; i++) {
        assertThat(webLogin("203.0.113.17", "", user, "sai-mat-khau-" + i).statusCode()).isEqualTo(401);
      }
      // A decoy name in the query string does not move the count to another name.
      assertThrottled(webLogin("203.0.113.17", "?username=moi", user, "sai-mat-khau"));
      for (int i = 0; i < 25; i++) {
        assertThrottled(webLogin("203.0.113.17", "", user, "sai-mat-khau-" + i));
      }
      assertThat(webLogin("203.0.113.18", "", user, RIGHT).statusCode()).isEqualTo(200);
      HttpResponse<String> stillBlocked = webLogin("203.0.113.17", "", user, RIGHT);
      assertThrottled(stillBlocked);
      sleepUntilRetry(stillBlocked);
      assertThat(webLogin("203.0.113.17", "", user, RIGHT).statusCode()).isEqualTo(200);
      // Logged in: the count for the storming client is forgotten, five new tries are allowed.
      assertThat(webLogin("203.0.113.17", "", user, "sai").statusCode()).isEqualTo(401);
    } finally {
      identity.deleteUser(user);
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
