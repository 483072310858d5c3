package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Credentials and session: no default administrator, a password policy, safe cookies, no H2 console.
 * The contexts without demo data name their engine differently: Camunda keeps one registry of
 * engines per JVM, and a second engine called "default" would take the place of the one the other
 * tests' REST API and webapps use.
 */
class CredentialsTest {

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
      "spring.datasource.url=jdbc:h2:mem:no-demo;DB_CLOSE_DELAY=-1",
      "camunda.bpm.job-execution.enabled=false",
      "pilot.demo.enabled=false", "pilot.admin.password=", "camunda.bpm.process-engine-name=nodemo"})
  class WithoutDemoData {
    @Autowired IdentityService identity;

    @Autowired TrustedProxies trustedProxies;

    @Test
    void byDefaultNoProxyIsTrusted() {
      assertThat(trustedProxies.isEmpty()).isTrue();
      assertThat(trustedProxies.trusts("127.0.0.1")).isFalse();
    }

    @Test
    void thereIsNoUserAndNoDefaultAdministrator() {
      assertThat(identity.createUserQuery().count()).isZero();
      assertThat(identity.createGroupQuery().groupId("commune-12679").count()).isEqualTo(1);
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
      "spring.datasource.url=jdbc:h2:mem:admin-only;DB_CLOSE_DELAY=-1",
      "camunda.bpm.job-execution.enabled=false",
      "pilot.demo.enabled=false", "pilot.admin.password=Qu4n-Tri@ThaiBinh", "camunda.bpm.process-engine-name=adminonly"})
  class WithAnAdministratorPassword {
    @Autowired IdentityService identity;

    @Test
    void onlyTheAdministratorExistsWithThatPassword() {
      assertThat(identity.createUserQuery().count()).isEqualTo(1);
      assertThat(identity.checkPassword("admin", "Qu4n-Tri@ThaiBinh")).isTrue();
      assertThat(identity.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
    }
  }

  @Nested
  @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  @ActiveProfiles("it")
  class OverHttp {
    @LocalServerPort int port;
    @Autowired IdentityService identity;

    @Test
    void weakPasswordsAreRefused() {
      ApiClient api = new ApiClient(port);
      ApiClient.Reply weak = api.post("admin", "/engine-rest/user/create", Map.of(
          "profile", Map.of("id", "canbomoi", "firstName", "Cán bộ", "lastName", "Mới"),
          "credentials", Map.of("password", "123456")));
      assertThat(weak.status()).isEqualTo(400);
      assertThat(weak.json().path("message").asText()).contains("Mật khẩu chưa đủ mạnh");
      ApiClient.Reply strong = api.post("admin", "/engine-rest/user/create", Map.of(
          "profile", Map.of("id", "canbomoi", "firstName", "Cán bộ", "lastName", "Mới"),
          "credentials", Map.of("password", "Hung-Ha@2026x")));
      assertThat(strong.status()).isEqualTo(204);
      identity.deleteUser("canbomoi");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteAndSecureBehindHttps() throws Exception {
      ApiClient api = new ApiClient(port);
      ApiClient.WebSession tasklist = api.login("xa12679", "tasklist");
      String cookie = tasklist.login.cookies().stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElseThrow();
      assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");

      // Behind the trusted TLS proxy (application-it.yaml: 127.0.0.5) the cookies are Secure ...
      LoopbackHttp.Reply viaProxy = new LoopbackHttp("127.0.0.5", port).browser().login("xa12679",
          ApiClient.PASSWORD, "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.90");
      assertThat(viaProxy.status()).isEqualTo(200);
      assertThat(viaProxy.cookie("JSESSIONID")).contains("Secure").contains("HttpOnly");
      assertThat(viaProxy.cookie(DeviceCookies.NAME_PREFIX)).contains("Secure").contains("HttpOnly");
      // ... and a stranger saying the same over plain HTTP gets no Secure cookie (nor anything else).
      LoopbackHttp.Reply stranger = new LoopbackHttp("127.0.0.13", port).browser().login("xa12679",
          ApiClient.PASSWORD, "X-Forwarded-Proto", "https", "Forwarded", "proto=https", "X-Forwarded-Ssl", "on");
      assertThat(stranger.status()).isEqualTo(200);
      assertThat(stranger.cookie("JSESSIONID")).contains("HttpOnly").doesNotContain("Secure");
      assertThat(stranger.cookie(DeviceCookies.NAME_PREFIX)).doesNotContain("Secure");
    }

    @Test
    void theH2ConsoleIsOff() {
      ApiClient api = new ApiClient(port);
      assertThat(api.get(null, "/h2-console").status()).isEqualTo(404);
    }
  }
}
