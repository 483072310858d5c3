package vn.thanthien.pilot.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.Reply;

/**
 * An official's own profile over HTTP: Camunda lets every user update their own user, so an
 * official could send their unit's notices to an outside address, or break the unit's mail with
 * an invalid one. Here an official changes their own password and nothing else (REST, the
 * webapps' engine API and Java refuse e-mail and name changes with 403), and what an administrator
 * writes is checked (400 for an address that is not one, a line break in a name).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class OwnProfileOverHttpTest {

  static final String OFFICIAL = "xa12679thu";
  static final String EMAIL = "thu.chihoa@demo.thanthien.local";
  static final String PROFILE = "/engine-rest/user/" + OFFICIAL + "/profile";
  static final String WEBAPP_PROFILE = "/camunda/api/engine/engine/default/user/" + OFFICIAL + "/profile";
  static final String ADMINISTRATORS_ONLY = "Chỉ quản trị hệ thống mới được đổi họ, tên và địa chỉ thư điện tử";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  ApiClient api;

  @BeforeEach
  void official() {
    api = new ApiClient(port);
    User user = identity.newUser(OFFICIAL);
    user.setFirstName("Thư");
    user.setLastName("Văn phòng UBND xã Chí Hòa");
    user.setEmail(EMAIL);
    user.setPassword(ApiClient.PASSWORD);
    identity.saveUser(user);
    identity.createMembership(OFFICIAL, "commune-12679");
  }

  @AfterEach
  void removeOfficial() {
    identity.clearAuthentication();
    identity.deleteUser(OFFICIAL);
  }

  @Test
  void anOfficialMayNotChangeTheirOwnAddressOrNamesAnywhere() {
    Reply outside = put(OFFICIAL, PROFILE, profile("Thư", "Văn phòng UBND xã Chí Hòa", "chihoa.thongbao@gmail.com"));
    assertThat(outside.status()).as(outside.body()).isEqualTo(403);
    assertThat(outside.json().path("message").asText()).startsWith(ADMINISTRATORS_ONLY);
    Reply invalid = put(OFFICIAL, PROFILE, profile("Thư", "Văn phòng UBND xã Chí Hòa", "khong-phai-dia-chi"));
    assertThat(invalid.status()).isEqualTo(403);
    Reply renamed = put(OFFICIAL, PROFILE, profile("Chủ tịch", "UBND huyện Hưng Hà", EMAIL));
    assertThat(renamed.status()).as(renamed.body()).isEqualTo(403);
    assertThat(renamed.json().path("message").asText()).startsWith(ADMINISTRATORS_ONLY);

    Reply webapp = api.login(OFFICIAL, "tasklist").put(WEBAPP_PROFILE,
        profile("Thư", "Văn phòng UBND xã Chí Hòa", "chihoa.thongbao@gmail.com"));
    assertThat(webapp.status()).as(webapp.body()).isEqualTo(403);
    assertThat(webapp.json().path("message").asText()).startsWith(ADMINISTRATORS_ONLY);

    identity.setAuthentication(OFFICIAL, List.of("commune-12679"));
    User self = identity.createUserQuery().userId(OFFICIAL).singleResult();
    self.setEmail("chihoa.thongbao@gmail.com");
    assertThatThrownBy(() -> identity.saveUser(self)).isInstanceOf(AuthorizationException.class)
        .hasMessageStartingWith(ADMINISTRATORS_ONLY);
    identity.clearAuthentication();

    User stored = identity.createUserQuery().userId(OFFICIAL).singleResult();
    assertThat(stored.getEmail()).isEqualTo(EMAIL);
    assertThat(stored.getFirstName()).isEqualTo("Thư");
    assertThat(stored.getLastName()).isEqualTo("Văn phòng UBND xã Chí Hòa");

    Reply unchanged = put(OFFICIAL, PROFILE, profile("Thư", "Văn phòng UBND xã Chí Hòa", EMAIL));
    assertThat(unchanged.status()).as("the profile form sent back as it was").isEqualTo(204);
  }

  @Test
  void anOfficialChangesTheirOwnPassword() throws Exception {
    String newPassword = "Chi-Hoa@2026moi";
    Reply weak = put(OFFICIAL, "/engine-rest/user/" + OFFICIAL + "/credentials",
        Map.of("password", "123456", "authenticatedUserPassword", ApiClient.PASSWORD));
    assertThat(weak.status()).isEqualTo(400);
    Reply changed = put(OFFICIAL, "/engine-rest/user/" + OFFICIAL + "/credentials",
        Map.of("password", newPassword, "authenticatedUserPassword", ApiClient.PASSWORD));
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    assertThat(identity.checkPassword(OFFICIAL, newPassword)).isTrue();
    Reply withNewPassword = api.send(null, HttpRequest.newBuilder(URI.create(api.base() + PROFILE))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((OFFICIAL + ":" + newPassword).getBytes(StandardCharsets.UTF_8))).GET(), null);
    assertThat(withNewPassword.status()).isEqualTo(200);
    assertThat(withNewPassword.json().path("email").asText()).isEqualTo(EMAIL);
  }

  @Test
  void whatAnAdministratorWritesIsChecked() {
    for (String email : List.of("khong-phai-dia-chi", "thu@chihoa", "thu chihoa@demo.thanthien.local",
        "thu@demo.thanthien.local\r\nBcc: ngoai@example.com", "a@b.vn, ngoai@example.com", "Thư <thu@demo.vn>",
        "thư@demo.thanthien.local", "x".repeat(250) + "@demo.vn")) {
      Reply refused = put("admin", PROFILE, profile("Thư", "Văn phòng UBND xã Chí Hòa", email));
      assertThat(refused.status()).as(email + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).startsWith("Dữ liệu chưa hợp lệ: địa chỉ thư điện tử không hợp lệ");
    }
    for (String name : List.of("Thư\nBcc: ngoai@example.com", "Thư\u202Eabc", "<script>", "Thư\tThư", "1234",
        "T".repeat(101))) {
      Reply refused = put("admin", PROFILE, profile(name, "Văn phòng", EMAIL));
      assertThat(refused.status()).as(name + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.json().path("message").asText()).startsWith("Dữ liệu chưa hợp lệ: «Tên» chỉ được gồm");
      Reply lastName = put("admin", PROFILE, profile("Thư", name, EMAIL));
      assertThat(lastName.json().path("message").asText()).startsWith("Dữ liệu chưa hợp lệ: «Họ» chỉ được gồm");
    }
    assertThat(identity.createUserQuery().userId(OFFICIAL).singleResult().getEmail()).isEqualTo(EMAIL);

    Reply valid = put("admin", PROFILE, profile("Nguyễn Thị Thư", "Văn phòng UBND xã Ea H'Leo (cũ)",
        "nguyen.thi-thu+vanphong@ubnd.chihoa.thaibinh.gov.vn"));
    assertThat(valid.status()).as(valid.body()).isEqualTo(204);
    User stored = identity.createUserQuery().userId(OFFICIAL).singleResult();
    assertThat(stored.getEmail()).isEqualTo("nguyen.thi-thu+vanphong@ubnd.chihoa.thaibinh.gov.vn");
    assertThat(stored.getLastName()).isEqualTo("Văn phòng UBND xã Ea H'Leo (cũ)");
    Reply webapp = api.login("admin", "admin").put(WEBAPP_PROFILE, profile("Thư", "Văn phòng", "thu@chihoa.gov.vn"));
    assertThat(webapp.status()).as(webapp.body()).isEqualTo(204);
    Reply webappInvalid = api.login("admin", "admin").put(WEBAPP_PROFILE, profile("Thư", "Văn phòng", "thu@"));
    assertThat(webappInvalid.status()).isEqualTo(400);
  }

  private Reply put(String user, String path, Object body) {
    try {
      return api.raw(user, "PUT", path, "application/json", JSON.writeValueAsBytes(body));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> profile(String firstName, String lastName, String email) {
    return Map.of("id", OFFICIAL, "firstName", firstName, "lastName", lastName, "email", email);
  }
}
