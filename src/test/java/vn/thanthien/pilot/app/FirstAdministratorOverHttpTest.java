package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.webapp.WebappBrowser;

/**
 * A fresh installation set up for production (no demo data, no {@code PILOT_ADMIN_PASSWORD}, H2
 * in a file), the real application in its own process: a stranger who opens Camunda Admin as a
 * browser does (session cookie and XSRF token) and calls its first-user setup, on every spelling of
 * the path a servlet container maps to it and with every method, is refused with a Vietnamese
 * message, and no user is created; the log says at start what to set, and the Admin page shows a
 * notice instead of the setup form. Started again on the same database with the administrator's
 * password, only "admin" exists, and the setup is still refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstAdministratorOverHttpTest {

  static final String REFUSAL = "Không được tạo quản trị hệ thống qua trang thiết lập";
  static final String NO_ADMINISTRATOR_LOG = "No administrator: the group camunda-admin has no member";
  static final String SETUP = "/camunda/api/admin/setup/default/user/create";
  /** Every spelling of the setup's path that Tomcat maps to the Admin API (or to nothing). */
  static final List<String> SPELLINGS = List.of(
      SETUP,
      SETUP + "/",
      "/camunda/api/admin//setup/default/user/create",
      "/camunda/api/admin/setup//default/user/create",
      "/camunda//api/admin/setup/default/user/create",
      "/camunda/api/admin/setup;jsessionid=0123456789ABCDEF/default/user/create",
      "/camunda/api/admin/setup/default;x=1/user/create",
      "/camunda/api/admin/setup/default/user/create;jsessionid=0123456789ABCDEF",
      "/camunda/api/admin/;x=1/setup/default/user/create",
      "/camunda/api/admin/%73etup/default/user/create",
      "/camunda/api/admin/%73%65%74%75%70/%64efault/user/%63reate",
      "/camunda/api/admin/setup%3Bx/default/user/create",
      "/camunda/api/admin/SETUP/default/user/create",
      "/camunda/api/admin/./setup/default/user/create",
      "/camunda/api/admin/auth/../setup/default/user/create",
      "/camunda/api/admin/setup/nodemo/user/create",
      "/camunda/api/admin/setup/other-engine/user/create",
      "/camunda/api/admin/setup/default/user/create?engine=default",
      "/camunda/api/admin/setup");

  @TempDir static Path data;
  AppProcess app;
  Playwright playwright;
  int attempt;

  @BeforeAll
  void startWithoutAdministrator() throws Exception {
    app = start("no-administrator", Map.of("PILOT_ADMIN_PASSWORD", ""));
  }

  @AfterAll
  void stop() throws Exception {
    if (playwright != null) {
      playwright.close();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  @Order(1)
  void withoutAdministratorTheLogSaysWhatToSet() throws IOException {
    assertThat(Files.readString(app.log)).contains(NO_ADMINISTRATOR_LOG)
        .contains("Set PILOT_ADMIN_PASSWORD").contains("and restart");
  }

  @Test
  @Order(2)
  void aStrangerIsRefusedTheSetupOnEverySpellingAndEveryMethod() throws Exception {
    BrowserSession stranger = BrowserSession.visit(app.port);
    assertThat(stranger.landedOn).as("Camunda still sends a browser to its setup page while nobody administers")
        .contains("/camunda/app/admin/default/setup/");
    assertSetupRefused(stranger);
  }

  @Test
  @Order(3)
  void theAdminPageShowsHowTheFirstAdministratorIsMadeAndNoSetupForm() throws Exception {
    playwright = WebappBrowser.playwright();
    com.microsoft.playwright.Browser chromium = WebappBrowser.launch(playwright);
    for (int[] size : new int[][] {{1400, 1000}, {390, 844}}) {
      Page page = WebappBrowser.open(chromium, "vi-VN", size[0], size[1]);
      page.navigate("http://localhost:" + app.port + "/camunda/app/admin/default/");
      page.getByText("Chưa có quản trị hệ thống").first().waitFor();
      assertThat(page.locator(".pilot-setup-closed").innerText())
          .contains("PILOT_ADMIN_PASSWORD").contains("khởi động lại");
      assertThat(page.locator("#inputUserId").count()).as("no setup form").isZero();
      assertThat(page.locator("form[name=\"createUserForm\"]").count()).isZero();
      page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
          .setPath(WebappBrowser.SCREENSHOTS.resolve("admin-no-administrator-" + size[0] + ".png")));
      page.context().close();
    }
  }

  @Test
  @Order(4)
  void restartedWithTheAdministratorsPasswordOnlyAdminExistsAndTheSetupStaysClosed() throws Exception {
    app.stop();
    app = start("with-administrator", Map.of("PILOT_ADMIN_PASSWORD", ApiClient.PASSWORD));
    assertThat(Files.readString(app.log)).doesNotContain(NO_ADMINISTRATOR_LOG);
    assertOnlyAdminExists();

    assertSetupRefused(BrowserSession.visit(app.port));
    assertOnlyAdminExists();
  }

  private void assertOnlyAdminExists() {
    ApiClient.Reply users = app.api.get("admin", "/engine-rest/user");
    assertThat(users.status()).isEqualTo(200);
    assertThat(ids(users.json())).as("nobody the setup could have created").containsExactly("admin");
    ApiClient.Reply administrators = app.api.get("admin", "/engine-rest/user?memberOfGroup=camunda-admin");
    assertThat(ids(administrators.json())).containsExactly("admin");
  }

  private void assertSetupRefused(BrowserSession stranger) {
    List<String> failures = new ArrayList<>();
    for (String path : SPELLINGS) {
      for (String method : List.of("POST", "PUT", "GET")) {
        if (!"POST".equals(method) && !SETUP.equals(path)) {
          continue;
        }
        String id = "keLa" + (++attempt);
        HttpResponse<String> answer = stranger.send(method, path, """
            {"profile":{"id":"%s","firstName":"Kẻ","lastName":"Lạ","email":"kela@example.com"},
             "credentials":{"password":"Hung-Ha@2026x"}}""".formatted(id));
        boolean refused = answer.statusCode() == 403 && answer.body().contains(REFUSAL)
            || answer.statusCode() == 404;
        if (!refused) {
          failures.add(method + " " + path + " -> " + answer.statusCode() + " " + answer.body());
        }
      }
    }
    assertThat(failures).as("setup calls not refused").isEmpty();
    HttpResponse<String> canonical = stranger.send("POST", SETUP, "{}");
    assertThat(canonical.statusCode()).isEqualTo(403);
    assertThat(canonical.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(canonical.body()).contains(REFUSAL).contains("PILOT_ADMIN_PASSWORD").doesNotContain("Exception");
  }

  private static List<String> ids(JsonNode users) {
    return StreamSupport.stream(users.spliterator(), false).map(u -> u.path("id").asText()).toList();
  }

  private AppProcess start(String name, Map<String, String> settings) throws Exception {
    Map<String, String> environment = new java.util.HashMap<>(Map.of(
        "PILOT_DEMO_ENABLED", "false",
        "PILOT_DB_URL", "jdbc:h2:file:" + data.resolve("pilot").toAbsolutePath() + ";AUTO_SERVER=FALSE"));
    environment.putAll(settings);
    AppProcess started = new AppProcess("first-administrator", name, environment, AppProcess.TEST_JVM);
    started.awaitStarted();
    return started;
  }

  /** A browser's session: the cookies and the XSRF token Camunda gives whoever opens a webapp. */
  record BrowserSession(int port, String cookies, String xsrfToken, String landedOn) {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static BrowserSession visit(int port) throws IOException, InterruptedException {
      CookieManager jar = new CookieManager();
      HttpClient browser = HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NORMAL).build();
      HttpResponse<String> page = browser.send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + port + "/camunda/app/admin/default/")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      List<HttpCookie> cookies = jar.getCookieStore().getCookies();
      String token = cookies.stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
          .map(HttpCookie::getValue).orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + cookies));
      assertThat(cookies).anyMatch(c -> c.getName().equals("JSESSIONID"));
      String header = String.join("; ", cookies.stream().map(c -> c.getName() + "=" + c.getValue()).toList());
      return new BrowserSession(port, header, token, page.uri().toString());
    }

    HttpResponse<String> send(String method, String path, String json) {
      try {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Cookie", cookies).header("X-XSRF-TOKEN", xsrfToken)
            .header("Content-Type", "application/json").header("Accept", "application/json")
            .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
