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

      java.net.http.HttpResponse<String> https = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
              + "/camunda/api/admin/auth/user/default/login/tasklist"))
              .header("X-Forwarded-Proto", "https")
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=xa12679&password=" + ApiClient.PASSWORD))
              .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(https.headers().allValues("set-cookie")).anySatisfy(c ->
          assertThat(c).startsWith("JSESSIONID").contains("Secure").contains("HttpOnly"));
    }

    @Test
    void theH2ConsoleIsOff() {
      ApiClient api = new ApiClient(port);
      assertThat(api.get(null, "/h2-console").status()).isEqualTo(404);
    }
  }
}
