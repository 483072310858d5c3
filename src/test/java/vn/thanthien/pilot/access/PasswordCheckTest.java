package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /identity/verify} answers whether any user's password is right: an official may ask
 * only about their own, so a logged-in official cannot guess a colleague's password through it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class PasswordCheckTest {

  @LocalServerPort int port;
  @Autowired LoginThrottle throttle;
  @Autowired IdentityService identity;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
  }

  private static Map<String, String> verify(String user, String password) {
    return Map.of("username", user, "password", password);
  }

  @Test
  void anOfficialCannotTryAnotherOfficialsPassword() {
    for (String guess : new String[] {"sai-mat-khau", ApiClient.PASSWORD}) {
      ApiClient.Reply rest = api.post("xa12679", "/engine-rest/identity/verify", verify("tinh34", guess));
      assertThat(rest.status()).as(rest.body()).isEqualTo(403);
      assertThat(rest.body()).contains("Không được kiểm tra mật khẩu của người dùng khác");
      ApiClient.Reply webapp = api.login("xa12679", "tasklist")
          .post("/camunda/api/engine/engine/default/identity/verify", verify("admin", guess));
      assertThat(webapp.status()).as(webapp.body()).isEqualTo(403);
    }
    ApiClient.Reply own = api.post("xa12679", "/engine-rest/identity/verify", verify("xa12679", ApiClient.PASSWORD));
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().path("authenticated").asBoolean()).isTrue();
    ApiClient.Reply byAdmin = api.post("admin", "/engine-rest/identity/verify", verify("tinh34", ApiClient.PASSWORD));
    assertThat(byAdmin.status()).isEqualTo(200);
    assertThat(byAdmin.json().path("authenticated").asBoolean()).isTrue();
  }

  @Test
  void aSessionLeftOpenBuysNoMoreGuessesOfItsOwnPasswordThanALogin() {
    String user = "xa12664";
    throttle.forgetAll();
    try {
      ApiClient.WebSession session = api.login(user, "tasklist");
      String engine = "/camunda/api/engine/engine/default";
      // the it profile's budget: 5 wrong passwords per (address, user), then a block
      for (int guess = 0; guess < 5; guess++) {
        ApiClient.Reply wrong = session.post(engine + "/identity/verify", verify(user, "doan-sai-" + guess));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(200);
        assertThat(wrong.json().path("authenticated").asBoolean()).isFalse();
      }
      // over the budget the password is not checked any more: the right one is refused too
      ApiClient.Reply right = session.post(engine + "/identity/verify", verify(user, ApiClient.PASSWORD));
      assertThat(right.status()).as(right.body()).isEqualTo(429);
      assertThat(right.json().path("message").asText()).contains("Đã nhập sai mật khẩu quá nhiều lần")
          .doesNotContain("Exception");
      // the current password a password change asks for counts in the same budget
      ApiClient.Reply change = session.put(engine + "/user/" + user + "/credentials",
          Map.of("password", "MatKhauMoi@2026-dai", "authenticatedUserPassword", ApiClient.PASSWORD));
      assertThat(change.status()).as(change.body()).isEqualTo(429);
      assertThat(identity.checkPassword(user, ApiClient.PASSWORD)).as("the password is unchanged").isTrue();
    } finally {
      throttle.forgetAll();
    }
  }
}
