package vn.thanthien.pilot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.Reply;

/**
 * Over real HTTP: {@code GET /api/programme/summary} and {@code .xlsx} answer the engine's users
 * with HTTP Basic or a webapp session, authenticated in the engine with their groups; everyone
 * else 401; bad district codes 400, other methods 405, all with Vietnamese messages.
 *
 * <p>The summary itself comes from {@link FakeProgrammeSummaries} (below) as long as the real
 * reader is not in the application: remove the nested {@link FakeReader} once {@code SummaryReader}
 * is, and this test runs against it (it assumes nothing of the data beyond a 200).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgrammeSummaryOverHttpTest {

  static final String JSON = "/api/programme/summary";
  static final String XLSX = "/api/programme/summary.xlsx";

  /** Test-only stand-in for the real {@code SummaryReader}: remove when merging it. */
  @TestConfiguration
  static class FakeReader {
    @Bean
    FakeProgrammeSummaries fakeProgrammeSummaries(IdentityService identity) {
      return new FakeProgrammeSummaries(identity);
    }
  }

  /** Answers the fixtures' summary and remembers who asked for which district, as the engine saw them. */
  static class FakeProgrammeSummaries implements ProgrammeSummaries {
    record Call(String user, List<String> groups, Optional<String> district) {}

    final List<Call> calls = new ArrayList<>();
    private final IdentityService identity;

    FakeProgrammeSummaries(IdentityService identity) {
      this.identity = identity;
    }

    @Override
    public synchronized ProgrammeSummary read(Optional<String> districtCode) {
      Authentication authentication = identity.getCurrentAuthentication();
      if (authentication == null) {
        throw new NotAuthenticatedException();
      }
      calls.add(new Call(authentication.getUserId(), authentication.getGroupIds(), districtCode));
      if (districtCode.isEmpty()) {
        return SummaryFixtures.twoDistricts();
      }
      if (districtCode.get().equals("339")) {
        return SummaryFixtures.summary(List.of(SummaryFixtures.hungHa()));
      }
      throw new UnknownDistrictException("Không có huyện nào mang mã " + districtCode.get()
          + " trong danh sách đơn vị hành chính.");
    }

    synchronized Call last() {
      return calls.isEmpty() ? null : calls.get(calls.size() - 1);
    }
  }

  @LocalServerPort int port;
  @Autowired Optional<FakeProgrammeSummaries> fake;
  @Autowired IdentityService identity;
  ApiClient api;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  @Order(1)
  void withoutCredentialsEveryPathAnswers401WithABasicChallengeInVietnamese() {
    for (String path : List.of(JSON, XLSX, JSON + "?district=339", "/api/anything")) {
      Reply reply = api.get(null, path);
      assertThat(reply.status()).as(path).isEqualTo(401);
      assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic ");
      assertThat(reply.json().path("type").asText()).isEqualTo("AuthenticationRequired");
      assertThat(reply.json().path("message").asText()).contains("đăng nhập");
    }
    Reply post = api.post(null, JSON, "{}");
    assertThat(post.status()).isEqualTo(401);
    assertThat(identity.getCurrentAuthentication()).isNull();
  }

  @Test
  @Order(2)
  void theProvinceReadsTheJsonAsItselfWithItsGroupsAndDatesAsDays() {
    Reply reply = api.get("tinh34", JSON);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.raw().headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
    assertThat(reply.raw().headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(reply.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    JsonNode json = reply.json();
    fake.ifPresent(summaries -> {
      assertThat(summaries.last().user()).isEqualTo("tinh34");
      assertThat(summaries.last().groups()).contains("province-34");
      assertThat(summaries.last().district()).isEmpty();
      assertThat(json.path("programme").path("decisionNumber").asText()).isEqualTo("08-ĐA/TU");
      assertThat(json.path("programme").path("decisionDate").asText()).isEqualTo("2023-07-05");
      assertThat(json.path("generatedAt").isTextual()).isTrue();
      assertThat(json.path("generatedAt").asText()).startsWith("2025-12-01T09:30");
      assertThat(json.path("phases").get(0).path("key").asText()).isEqualTo("planning");
      assertThat(json.path("phases").get(0).path("name").asText()).isEqualTo("Lập kế hoạch, chuẩn bị ra mắt");
      JsonNode chiHoa = json.path("districts").get(0).path("communes").get(0);
      assertThat(chiHoa.path("name").asText()).isEqualTo("Xã Chí Hòa");
      assertThat(chiHoa.path("launchDate").asText()).isEqualTo("2023-09-02");
      assertThat(chiHoa.path("scores").get(1).asDouble()).isEqualTo(19.0);
      assertThat(chiHoa.path("passed").asBoolean()).isTrue();
      assertThat(json.path("totals").path("pilotsByPhase").path("reporting").asInt()).isEqualTo(5);
      assertThat(json.path("districts")).hasSize(2);
    });
    assertThat(identity.getCurrentAuthentication()).isNull();
  }

  @Test
  @Order(3)
  void aDistrictAsksForItsOwnDistrict() {
    Reply reply = api.get("huyen339", JSON + "?district=339");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    fake.ifPresent(summaries -> {
      assertThat(summaries.last().user()).isEqualTo("huyen339");
      assertThat(summaries.last().groups()).contains("district-339");
      assertThat(summaries.last().district()).contains("339");
      assertThat(reply.json().path("districts")).hasSize(1);
    });
  }

  @Test
  @Order(4)
  void theExcelFileOpensInPoiForTheProvinceAndADistrict() throws IOException {
    for (String user : List.of("tinh34", "huyen339")) {
      HttpResponse<byte[]> reply = bytes(user, XLSX);
      assertThat(reply.statusCode()).isEqualTo(200);
      assertThat(reply.headers().firstValue("Content-Type")).contains(SummaryWorkbook.CONTENT_TYPE);
      assertThat(reply.headers().firstValue("Cache-Control")).contains("no-store");
      assertThat(reply.headers().firstValue("Content-Disposition")).get().asString()
          .startsWith("attachment; filename=\"tong-hop-de-an.xlsx\"")
          .contains("filename*=UTF-8''T%E1%BB%95ng%20h%E1%BB%A3p%20%C4%91%E1%BB%81%20%C3%A1n.xlsx");
      try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(reply.body()))) {
        assertThat(workbook.getSheetName(0)).isEqualTo("Tổng hợp");
        if (fake.isPresent()) {
          assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
          assertThat(workbook.getSheet("Huyện Hưng Hà").getRow(35).getCell(1).getStringCellValue())
              .isEqualTo("Xã Nhân Rộng 32");
        }
      }
    }
    HttpResponse<byte[]> district = bytes("huyen339", XLSX + "?district=339");
    assertThat(district.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> head = send("tinh34", XLSX, "HEAD");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  @Order(5)
  void badDistrictCodesAreRefusedWith400InVietnamese() {
    List<String> queries = List.of("district=" + encode("339,340"), "district=abc", "district=" + encode("../"),
        "district=" + "3".repeat(2_000), "district=339&district=340", "district=", "district",
        "district=" + encode("３３９"), "district=" + encode(" 339"), "district=-339", "district=12345678901");
    for (String path : List.of(JSON, XLSX)) {
      for (String query : queries) {
        Reply reply = api.get("tinh34", path + "?" + query);
        assertThat(reply.status()).as("%s?%s", path, query).isEqualTo(400);
        assertThat(reply.raw().headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(reply.json().path("type").asText()).isEqualTo("InvalidDistrictCode");
        assertThat(reply.json().path("message").asText()).as(query).containsAnyOf("Mã huyện", "một huyện");
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at vn.");
      }
    }
    Reply twoValues = api.get("tinh34", JSON + "?district=339&district=340");
    assertThat(twoValues.json().path("message").asText()).contains("Chỉ được chọn một huyện");
  }

  @Test
  @Order(6)
  void aWellFormedCodeThatIsNoDistrictAnswers404() {
    fake.ifPresent(summaries -> {
      Reply reply = api.get("tinh34", JSON + "?district=99999");
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.json().path("type").asText()).isEqualTo("UnknownDistrict");
      assertThat(reply.json().path("message").asText()).contains("Không có huyện nào");
    });
  }

  @Test
  @Order(7)
  void onlyGetAndHeadOtherMethodsAnswer405() {
    for (String path : List.of(JSON, XLSX)) {
      for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
        Reply reply = api.raw("tinh34", method, path, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).as("%s %s", method, path).isEqualTo(405);
        assertThat(reply.raw().headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(reply.json().path("type").asText()).isEqualTo("MethodNotAllowed");
        assertThat(reply.json().path("message").asText()).contains("chỉ dùng để xem");
      }
    }
  }

  @Test
  @Order(8)
  void aUserLoggedInToCockpitReadsWithTheSession() {
    ApiClient.WebSession cockpit = api.login("huyen339", "cockpit");
    assertThat(cockpit.login.status()).as(cockpit.login.body()).isEqualTo(200);
    Reply reply = cockpit.get(JSON + "?district=339");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    fake.ifPresent(summaries -> {
      assertThat(summaries.last().user()).isEqualTo("huyen339");
      assertThat(summaries.last().groups()).contains("district-339");
    });
    assertThat(cockpit.get(XLSX).status()).isEqualTo(200);
    assertThat(cockpit.get(JSON + "?district=abc").status()).isEqualTo(400);

    // Logged out, the session no longer opens the summary.
    cockpit.post("/camunda/api/admin/auth/user/default/logout", "{}");
    assertThat(cockpit.get(JSON).status()).isEqualTo(401);
  }

  /** Last: wrong passwords slow the user down for a few seconds (login throttle). */
  @Test
  @Order(100)
  void aWrongPasswordAnswers401AndCountsForTheLoginThrottle() {
    HttpResponse<byte[]> wrong = send("tinh34", "not-the-password", JSON, "GET");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic ");
    assertThat(new String(wrong.body(), StandardCharsets.UTF_8)).contains("mật khẩu không đúng");

    // A district no other test uses: five wrong passwords, then the sixth attempt is throttled.
    for (int i = 0; i < 5; i++) {
      assertThat(send("huyen340", "sai-mat-khau", XLSX, "GET").statusCode()).isEqualTo(401);
    }
    HttpResponse<byte[]> throttled = send("huyen340", ApiClient.PASSWORD, XLSX, "GET");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
  }

  private HttpResponse<byte[]> bytes(String user, String path) {
    return send(user, path, "GET");
  }

  private HttpResponse<byte[]> send(String user, String path, String method) {
    return send(user, ApiClient.PASSWORD, path, method);
  }

  private HttpResponse<byte[]> send(String user, String password, String path, String method) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(api.base() + path))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
