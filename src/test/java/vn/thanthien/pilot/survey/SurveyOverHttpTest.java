package vn.thanthien.pilot.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.LoopbackHttp;
import vn.thanthien.pilot.access.LoopbackHttp.Reply;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * The public survey page over real HTTP with the real filters, each citizen a loopback address of
 * its own (application-it.yaml: 127.0.0.5 is the only trusted proxy). Xã Hồng An (12661) runs a
 * pilot and takes answers; Xã Hồng Lĩnh (12667) runs none; Xã Kim Chung (12664) has merged into Xã
 * Hồng Minh, whose pilot took over its work (the variables a reorganisation sets).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SurveyOverHttpTest {

  static final String HONG_AN = "12661";
  static final String HONG_LINH = "12667";
  static final String KIM_CHUNG = "12664";
  static final String PROXY = "127.0.0.5";
  static final Pattern TOKEN = Pattern.compile("name=\"t\" value=\"([^\"]+)\"");
  static final String ALL_FIVE = "q-thai-do=5&q-thoi-gian=5&q-cong-khai=4&q-so-lan-di-lai=5&q-co-so-vat-chat=4&q-chung=5";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired JdbcTemplate jdbc;
  @Autowired SurveyLimits limits;
  @Autowired SurveyAnswers answers;

  static final String STRANGER = "nguoilakhaosat";

  @Autowired IdentityService identity;

  String hongAn;

  @BeforeAll
  void startPilots() {
    limits.forgetAll();
    if (identity.createUserQuery().userId(STRANGER).count() == 0) {
      User stranger = identity.newUser(STRANGER);
      stranger.setFirstName("Người");
      stranger.setLastName("Lạ");
      stranger.setPassword(ApiClient.PASSWORD);
      identity.saveUser(stranger);
    }
    hongAn = runtime.startProcessInstanceByKey("commune-pilot", HONG_AN,
        CommuneInputs.startInput(HONG_AN, "district", "2027-12-31")).getId();
    String kimChung = runtime.startProcessInstanceByKey("commune-pilot", KIM_CHUNG,
        CommuneInputs.startInput(KIM_CHUNG, "district", "2027-12-31")).getId();
    runtime.setVariable(kimChung, "successorCode", "12685");
    runtime.setVariable(kimChung, "successorName", "Xã Hồng Minh");
  }

  LoopbackHttp from(String address) {
    return new LoopbackHttp(address, port);
  }

  int stored() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM PILOT_SURVEY_ANSWER WHERE PROC_INST_ID_ = ?", Integer.class, hongAn);
  }

  static String token(Reply page) {
    Matcher matcher = TOKEN.matcher(page.body());
    assertThat(matcher.find()).as(page.body()).isTrue();
    return matcher.group(1);
  }

  static String form(String token, String answers, String comment) {
    return "t=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + (answers.isEmpty() ? "" : "&" + answers)
        + (comment == null ? "" : "&comment=" + URLEncoder.encode(comment, StandardCharsets.UTF_8));
  }

  static Reply post(LoopbackHttp client, String code, String body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/x-www-form-urlencoded";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return client.send("POST", "/survey/" + code, body, all);
  }

  /** One citizen without cookies: opens the page and sends the answer. */
  static Reply answer(LoopbackHttp client, String answers, String comment, String... headers) {
    Reply page = client.send("GET", "/survey/" + HONG_AN, null, headers);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return post(client, HONG_AN, form(token(page), answers, comment), headers);
  }

  static void assertPage(Reply reply, int status, String... texts) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.header("Content-Type")).startsWith("text/html").containsIgnoringCase("charset=utf-8");
    assertThat(reply.body()).contains("<html lang=\"vi\">").contains(texts).doesNotContain("<script", "Exception");
    assertThat(reply.header("Content-Security-Policy")).contains("default-src 'none'");
  }

  @Test
  @Order(1)
  void thePageIsPublicVietnameseWithoutScriptAndGivesNoSessionOrCsrfCookie() {
    Reply page = from("127.0.0.2").send("GET", "/survey/" + HONG_AN, null);
    assertPage(page, 200, "Xã Hồng An", "Khảo sát sự hài lòng của người dân", "Rất hài lòng", "Rất không hài lòng",
        "Thái độ, cách ứng xử của cán bộ", "Gửi ý kiến", "name=\"viewport\"");
    assertThat(page.cookies()).as("no session, no CSRF cookie, nothing before an answer").isEmpty();
    assertThat(page.header("Cache-Control")).contains("no-store");
    // every choice is a labelled radio button of its own
    int radios = page.body().split("type=\"radio\"", -1).length - 1;
    assertThat(radios).isEqualTo(6 * 5);
    assertThat(page.body().split("<label class=\"o\" for=", -1).length - 1).isEqualTo(radios);
    assertThat(page.body().getBytes(StandardCharsets.UTF_8).length).as("a small page").isLessThan(20_000);
    // every other path stays protected
    LoopbackHttp stranger = from("127.0.0.2");
    assertThat(stranger.send("GET", "/api/communes/" + HONG_AN + "/survey", null).status()).isEqualTo(401);
    assertThat(stranger.send("GET", "/engine-rest/task", null).status()).isEqualTo(401);
    assertThat(stranger.send("GET", "/api/programme/summary", null).status()).isEqualTo(401);
  }

  @Test
  @Order(2)
  void unknownCommunesOnesWithoutAPilotAndMergedOnesSaySo() {
    LoopbackHttp citizen = from("127.0.0.2");
    assertPage(citizen.send("GET", "/survey/99999", null), 404, "Không tìm thấy xã, phường này", "99999");
    assertPage(citizen.send("GET", "/survey/abc%3Cb%3E", null), 404, "abc&lt;b&gt;");
    assertPage(citizen.send("GET", "/survey/" + HONG_LINH, null), 409, "Xã Hồng Lĩnh",
        "hiện không thực hiện thí điểm");
    Reply merged = citizen.send("GET", "/survey/" + KIM_CHUNG, null);
    assertPage(merged, 410, "Xã Kim Chung nay là Xã Hồng Minh", "href=\"/survey/12685\"");
    assertThat(merged.body()).doesNotContain("type=\"radio\"");
    // Hồng Minh, which took Kim Chung's pilot over, takes the answers for it
    assertPage(citizen.send("GET", "/survey/12685", null), 200, "Xã Hồng Minh", "type=\"radio\"");
    // and nobody answers for a commune that takes no answers
    assertPage(post(citizen, HONG_LINH, "q-chung=5"), 409, "Xã Hồng Lĩnh");
  }

  @Test
  @Order(3)
  void aCitizenAnswersIsThankedAndTheSameDeviceAnswersOnlyOnceADay() {
    int before = stored();
    LoopbackHttp.Browser phone = from("127.0.0.3").browser();
    Reply page = phone.send("GET", "/survey/" + HONG_AN, null);
    Reply thanked = phone.send("POST", "/survey/" + HONG_AN, form(token(page), ALL_FIVE, "Cán bộ nhiệt tình"),
        "Content-Type", "application/x-www-form-urlencoded");
    assertPage(thanked, 200, "Cảm ơn ông/bà!", "đã được ghi nhận cho Xã Hồng An");
    assertThat(stored()).isEqualTo(before + 1);
    String cookie = thanked.cookie("pilot-survey-" + HONG_AN);
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/survey/" + HONG_AN);
    assertThat(thanked.cookies()).hasSize(1);
    // the same phone the same day: told so, and a second answer is refused
    Reply again = phone.send("GET", "/survey/" + HONG_AN, null);
    assertPage(again, 200, "Hôm nay ông/bà đã gửi ý kiến");
    String fresh = token(from("127.0.0.3").send("GET", "/survey/" + HONG_AN, null));
    Reply second = phone.send("POST", "/survey/" + HONG_AN, form(fresh, ALL_FIVE, null),
        "Content-Type", "application/x-www-form-urlencoded");
    assertPage(second, 429, "mỗi thiết bị gửi một phiếu mỗi ngày");
    // a forged device cookie is no cookie: the page shows the form
    Reply forged = from("127.0.0.3").send("GET", "/survey/" + HONG_AN, null, "Cookie", "pilot-survey-" + HONG_AN + "=x.y");
    assertThat(forged.body()).contains("type=\"radio\"");
    assertThat(stored()).isEqualTo(before + 1);
    String levels = jdbc.queryForObject("SELECT LEVELS_ FROM PILOT_SURVEY_ANSWER WHERE PROC_INST_ID_ = ? AND COMMENT_ = ?",
        String.class, hongAn, "Cán bộ nhiệt tình");
    assertThat(levels).isEqualTo("thai-do=5;thoi-gian=5;cong-khai=4;so-lan-di-lai=5;co-so-vat-chat=4;chung=5");
  }

  @Test
  @Order(4)
  void badAnswersAreRefusedInVietnameseAndNothingIsStored() {
    int before = stored();
    LoopbackHttp citizen = from("127.0.0.4");
    assertPage(answer(citizen, ALL_FIVE.replace("q-chung=5", "q-chung=7"), null), 400,
        "Câu trả lời cho câu 6 không hợp lệ");
    assertPage(answer(citizen, ALL_FIVE.replace("q-chung=5", "q-chung=0"), null), 400, "câu 6 không hợp lệ");
    assertPage(answer(citizen, ALL_FIVE.replace("q-thai-do=5", "q-thai-do=5%3Cscript%3E"), null), 400,
        "câu 1 không hợp lệ");
    assertPage(answer(citizen, ALL_FIVE.replace("&q-chung=5", ""), null), 400, "Xin chọn một mức cho câu 6");
    assertPage(answer(citizen, ALL_FIVE + "&q-chung=4", null), 400, "không đọc được");
    Reply tooLong = answer(citizen, ALL_FIVE, "ý".repeat(501));
    assertPage(tooLong, 400, "Góp ý dài 501 ký tự, quá giới hạn 500 ký tự");
    assertThat(tooLong.body()).as("what the citizen chose is kept").contains("value=\"5\" checked");
    assertPage(answer(citizen, ALL_FIVE, "xin chào\u202Eabc"), 400, "Góp ý chứa");
    // HTML typed into the comment is shown back as text
    Reply html = answer(citizen, ALL_FIVE.replace("&q-chung=5", ""), "<b>đậm</b><script>alert(1)</script>");
    assertPage(html, 400, "&lt;b&gt;đậm&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    // a body larger than the survey's 4 KB is refused unread
    Reply large = post(citizen, HONG_AN, "comment=" + "a".repeat(5000));
    assertPage(large, 413, "Phiếu gửi lên quá lớn");
    // a forged, foreign or missing token
    assertPage(post(citizen, HONG_AN, form("12661.1.abc.def", ALL_FIVE, null)), 403, "Phiếu đã quá hạn");
    String other = token(citizen.send("GET", "/survey/12685", null));
    assertPage(post(citizen, HONG_AN, form(other, ALL_FIVE, null)), 403, "Phiếu đã quá hạn");
    assertPage(post(citizen, HONG_AN, ALL_FIVE), 403, "Phiếu đã quá hạn");
    assertPage(citizen.send("POST", "/survey/" + HONG_AN, ALL_FIVE, "Content-Type", "text/plain"), 400,
        "không đọc được");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  @Order(5)
  void aFloodFromOneAddressAddsAHandfulAndForgedForwardedHeadersBuyNothing() {
    int before = stored();
    LoopbackHttp flooder = from("127.0.0.6");
    // the same answer, the same form, 200 times: counted once
    String token = token(flooder.send("GET", "/survey/" + HONG_AN, null));
    Map<Integer, Integer> statuses = new LinkedHashMap<>();
    for (int i = 0; i < 200; i++) {
      statuses.merge(post(flooder, HONG_AN, form(token, ALL_FIVE, null)).status(), 1, Integer::sum);
    }
    assertThat(statuses).containsEntry(200, 1).containsEntry(429, 199);
    assertThat(stored()).isEqualTo(before + 1);
    // 200 fresh forms from one address without cookies: at most the address's hourly limit (10)
    statuses.clear();
    Reply refused = null;
    for (int i = 0; i < 200; i++) {
      Reply reply = answer(flooder, ALL_FIVE, null);
      statuses.merge(reply.status(), 1, Integer::sum);
      if (reply.status() == 429) {
        refused = reply;
      }
    }
    assertThat(stored() - before).as(statuses.toString()).isLessThanOrEqualTo(10);
    assertThat(refused).isNotNull();
    assertPage(refused, 429, "Tạm thời chưa nhận thêm ý kiến", "cùng mạng Internet");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
    // a stranger naming other clients in forwarded headers is still itself
    int afterFlood = stored();
    for (int i = 0; i < 20; i++) {
      Reply forged = answer(flooder, ALL_FIVE, null, "X-Forwarded-For", "203.0.113." + i, "X-Real-IP", "203.0.113." + i,
          "Forwarded", "for=203.0.113." + i);
      assertThat(forged.status()).isEqualTo(429);
    }
    assertThat(stored()).isEqualTo(afterFlood);
    // the trusted proxy's clients are each themselves
    Reply viaProxy = answer(from(PROXY), ALL_FIVE, null, "X-Forwarded-For", "198.51.100.7");
    assertPage(viaProxy, 200, "Cảm ơn ông/bà!");
    assertThat(stored()).isEqualTo(afterFlood + 1);
    // what exceeded the limits is counted for the district, and answers that look like stuffing are flagged
    int flagged = jdbc.queryForObject("SELECT COUNT(*) FROM PILOT_SURVEY_ANSWER WHERE PROC_INST_ID_ = ? AND FLAGGED_",
        Integer.class, hongAn);
    assertThat(flagged).isPositive();
    String reasons = limitsCounted();
    assertThat(reasons).contains("ADDRESS_LIMIT", "TOKEN_USED");
  }

  @Test
  @Order(6)
  void theFiguresGoToWhoeverFollowsTheCommuneAndToNobodyElse() {
    ApiClient api = new ApiClient(port);
    // a comment with HTML in it: stored as typed, given back as text
    String html = "<img src=x onerror=alert(1)> Tốt";
    assertPage(answer(from("127.0.0.8"), ALL_FIVE.replace("q-chung=5", "q-chung=2"), html), 200, "Cảm ơn ông/bà!");
    int stored = stored();
    for (String reader : List.of("xa12661", "huyen339", "tinh34", "quanly", "admin")) {
      ApiClient.Reply reply = api.get(reader, "/api/communes/" + HONG_AN + "/survey");
      assertThat(reply.status()).as(reader + ": " + reply.body()).isEqualTo(200);
      JsonNode figures = reply.json();
      assertThat(figures.path("responses").asInt()).as(reader).isEqualTo(stored);
      assertThat(figures.path("communeName").asText()).isEqualTo("Xã Hồng An");
    }
    JsonNode figures = api.get("huyen339", "/api/communes/" + HONG_AN + "/survey").json();
    assertThat(figures.path("periods")).hasSize(1);
    JsonNode period = figures.path("periods").get(0);
    assertThat(period.path("from").asText()).as("before the launch: from the pilot's start").isEqualTo(limits.today().toString());
    assertThat(period.path("to").isNull()).isTrue();
    assertThat(period.path("responses").asInt()).isEqualTo(stored);
    assertThat(period.path("perLevel").path("5").asInt()).isEqualTo(stored - 1);
    assertThat(period.path("perLevel").path("2").asInt()).isEqualTo(1);
    assertThat(period.path("perLevel").path("1").asInt()).isZero();
    assertThat(period.path("satisfiedShare").asDouble())
        .isEqualTo(Math.round((stored - 1) * 1000.0 / stored) / 10.0);
    assertThat(period.path("flagged").asInt()).isPositive();
    assertThat(period.path("refused").asInt()).as("the flood's refusals, counted apart").isGreaterThan(300);
    // paper figures (reports Hồng An filed in other tests of this shared context) stay apart: a share
    // per report, never an online answer
    for (JsonNode paper : figures.path("paper")) {
      assertThat(paper.has("satisfiedShare")).as(paper.toString()).isTrue();
      assertThat(paper.has("responses")).as(paper.toString()).isFalse();
    }
    JsonNode comment = null;
    for (JsonNode c : figures.path("comments")) {
      if (html.equals(c.path("text").asText())) {
        comment = c;
      }
    }
    assertThat(comment).as(figures.toPrettyString()).isNotNull();
    assertThat(figures.path("comments").toString()).contains("Cán bộ nhiệt tình");
    // a foreign commune, another district, a stranger: nothing; nobody without credentials
    for (String outsider : List.of("xa12649", "huyen338", STRANGER)) {
      ApiClient.Reply refused = api.get(outsider, "/api/communes/" + HONG_AN + "/survey");
      assertThat(refused.status()).as(outsider).isEqualTo(404);
      assertThat(refused.body()).doesNotContain("Hồng An", "responses");
    }
    assertThat(api.get(null, "/api/communes/" + HONG_AN + "/survey").status()).isEqualTo(401);
    assertThat(api.get("admin", "/api/communes/abc/survey").status()).isEqualTo(404);
    // the district hides a comment; the commune may not, a foreign commune finds nothing
    String path = "/api/communes/" + HONG_AN + "/survey/comments/" + comment.path("id").asText();
    byte[] hide = "{\"hidden\": true}".getBytes(StandardCharsets.UTF_8);
    assertThat(api.raw("xa12661", "PUT", path, "application/json", hide).status()).isEqualTo(403);
    assertThat(api.raw("xa12649", "PUT", path, "application/json", hide).status()).isEqualTo(404);
    assertThat(api.raw("huyen339", "PUT", path, "application/json", "{\"hidden\": 1}".getBytes(StandardCharsets.UTF_8))
        .status()).isEqualTo(400);
    ApiClient.Reply notJson = api.raw("huyen339", "PUT", path, "text/plain", hide);
    assertThat(notJson.status()).as(notJson.body()).isEqualTo(415);
    assertThat(notJson.body()).contains("hidden").doesNotContain("Exception");
    assertThat(api.raw("huyen339", "DELETE", path, null, null).status()).isEqualTo(405);
    assertThat(api.raw("huyen339", "PUT", path, "application/json", hide).status()).isEqualTo(204);
    JsonNode after = api.get("xa12661", "/api/communes/" + HONG_AN + "/survey").json();
    JsonNode hidden = null;
    for (JsonNode c : after.path("comments")) {
      if (c.path("id").asText().equals(comment.path("id").asText())) {
        hidden = c;
      }
    }
    assertThat(hidden.path("hidden").asBoolean()).isTrue();
    assertThat(hidden.path("text").isNull()).isTrue();
    assertThat(after.toString()).doesNotContain("onerror");
    assertThat(after.path("responses").asInt()).as("a hidden comment's answer still counts").isEqualTo(stored);
  }

  @Test
  @Order(7)
  void thePosterGoesToWhoeverFollowsTheCommuneWithItsNameAndTheQrCodeOfItsPage() throws Exception {
    ApiClient api = new ApiClient(port);
    String path = "/api/communes/" + HONG_AN + "/survey/poster.pdf";
    for (String reader : List.of("xa12661", "huyen339", "tinh34", "quanly")) {
      assertThat(api.download(reader, path).statusCode()).as(reader).isEqualTo(200);
    }
    for (String outsider : List.of("xa12649", "huyen338", STRANGER)) {
      assertThat(api.download(outsider, path).statusCode()).as(outsider).isEqualTo(404);
    }
    assertThat(api.download(null, path).statusCode()).isEqualTo(401);
    java.net.http.HttpResponse<byte[]> pdf = api.download("xa12661", path);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
    try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      assertThat(document.getNumberOfPages()).isEqualTo(2);
      assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
      java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/survey"));
      java.nio.file.Files.write(java.nio.file.Path.of("target/survey/poster-" + HONG_AN + ".pdf"), pdf.body());
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("UBND XÃ HỒNG AN", "Ông/bà hài lòng với chúng tôi không?",
          "http://localhost:8080/survey/" + HONG_AN, "Quét mã QR để cho ý kiến");
      // the QR code reads back as the page's address
      java.awt.image.BufferedImage image = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 100);
      int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      com.google.zxing.Result decoded = new com.google.zxing.MultiFormatReader().decode(
          new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
              new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
          Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE));
      assertThat(decoded.getText()).isEqualTo("http://localhost:8080/survey/" + HONG_AN);
    }
  }

  private String limitsCounted() {
    answers.writeRefusals();
    return jdbc.queryForList("SELECT REASON_ FROM PILOT_SURVEY_REFUSAL WHERE COMMUNE_CODE_ = ?", String.class, HONG_AN)
        .stream().collect(Collectors.joining(","));
  }
}
