package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
}
