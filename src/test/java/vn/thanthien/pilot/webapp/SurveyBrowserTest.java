package vn.thanthien.pilot.webapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.LoginThrottle;
import vn.thanthien.pilot.survey.SurveyLimits;

/**
 * Citizens answer the survey on their phones (Chromium, 390×844, touch, vi-VN), each in a fresh
 * browser: Xã Minh Tân (12670) has launched its model and waits for its first periodic report.
 * Three citizens scan the poster's address, tap their answers and are thanked; the commune's
 * figures ({@code /api/communes/12670/survey}) then count 3 more answers, and the periodic report
 * that opens next shows them, read-only, beside the paper fields, with the poster's link.
 * Screenshots go to {@code target/e2e-screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyBrowserTest {

  static final String MINH_TAN = "12670";
  static final String[] QUESTIONS = {"thai-do", "thoi-gian", "cong-khai", "so-lan-di-lai", "co-so-vat-chat", "chung"};

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired LoginThrottle throttle;
  @Autowired SurveyLimits limits;

  Playwright playwright;
  Browser browser;
  String pilot;

  @BeforeAll
  void launchBrowserAndPilot() throws Exception {
    playwright = WebappBrowser.playwright();
    browser = WebappBrowser.launch(playwright);
    limits.forgetAll();
    LocalDate today = limits.today();
    DateTimeFormatter display = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    // Minh Tân launched its model today; its first report (six months) is scheduled
    pilot = runtime.createProcessInstanceByKey("commune-pilot").businessKey(MINH_TAN)
        .setVariables(Variables.createVariables().putValue("communeCode", MINH_TAN)
            .putValue("communeName", "Xã Minh Tân").putValue("communeGroup", "commune-" + MINH_TAN)
            .putValue("districtCode", "339").putValue("districtName", "Huyện Hưng Hà")
            .putValue("districtGroup", "district-339").putValue("provinceCode", "34")
            .putValue("provinceName", "Tỉnh Thái Bình").putValue("provinceGroup", "province-34")
            .putValue("tier", "district").putValue("periodEnd", today.plusYears(1).toString())
            .putValue("reportCycle", "P6M").putValue("appraisalRound", 0).putValue("reportNumber", 1)
            .putValue("launchDate", today.toString())
            .putValue("reportPeriodStart", display.format(today))
            .putValue("reportPeriodEnd", display.format(today.plusMonths(6)))
            .putValue("reportDueAt", java.sql.Timestamp.valueOf(today.plusMonths(6).atTime(7, 30)))
            .putValue("lastReport", false))
        .startBeforeActivity("ReportDue").execute().getId();
  }

  @AfterAll
  void closeBrowser() {
    if (playwright != null) {
      playwright.close();
    }
  }

  /** A citizen's phone, fresh: no cookies, no history. */
  private Page phone() {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2)
        .setLocale("vi-VN").setExtraHTTPHeaders(Map.of("Accept-Language", "vi-VN,vi")));
    context.setDefaultTimeout(60_000);
    return context.newPage();
  }

  private void answer(int citizen, int[] levels, String comment) {
    Page page = phone();
    page.navigate("http://localhost:" + port + "/survey/" + MINH_TAN);
    assertThat(page.locator("h1")).hasText("Khảo sát sự hài lòng của người dân");
    assertThat(page.locator(".unit")).hasText("Xã Minh Tân");
    double width = ((Number) page.evaluate("document.documentElement.scrollWidth")).doubleValue();
    assertThat(width).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
    for (int i = 0; i < QUESTIONS.length; i++) {
      Locator choice = page.locator("label[for=\"q-" + QUESTIONS[i] + "-" + levels[i] + "\"]");
      double height = choice.boundingBox().height;
      assertThat(height).as("a choice a thumb can hit").isGreaterThanOrEqualTo(48);
      choice.tap();
      assertThat(page.locator("#q-" + QUESTIONS[i] + "-" + levels[i])).isChecked();
    }
    if (comment != null) {
      page.getByLabel("Góp ý thêm (không bắt buộc)").fill(comment);
    }
    if (citizen == 1) {
      page.screenshot(new Page.ScreenshotOptions().setPath(WebappBrowser.SCREENSHOTS.resolve("50-survey-phone.png"))
          .setFullPage(true));
    }
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi ý kiến")).tap();
    assertThat(page.locator(".msg h2")).hasText("Cảm ơn ông/bà!");
    assertThat(page.locator(".msg")).containsText("đã được ghi nhận cho Xã Minh Tân");
    if (citizen == 1) {
      page.screenshot(new Page.ScreenshotOptions().setPath(WebappBrowser.SCREENSHOTS.resolve("51-survey-thanks.png")));
      // the same phone, again today: told so, no form
      page.navigate("http://localhost:" + port + "/survey/" + MINH_TAN);
      assertThat(page.locator(".msg h2")).hasText("Hôm nay ông/bà đã gửi ý kiến");
      assertThat(page.locator("input[type=radio]")).hasCount(0);
    }
    page.context().close();
  }

  @Test
  void threeCitizensAnswerOnTheirPhonesAndTheCommunesFiguresAndNextReportCountThem() {
    ApiClient api = new ApiClient(port);
    JsonNode before = api.get("huyen339", "/api/communes/" + MINH_TAN + "/survey").json();
    assertThat(before.path("responses").asInt()).isZero();

    answer(1, new int[] {5, 5, 5, 5, 5, 5}, null);
    answer(2, new int[] {4, 4, 3, 4, 4, 4}, "Cán bộ hướng dẫn tận tình, nhưng phải chờ lâu.");
    answer(3, new int[] {2, 1, 3, 2, 3, 2}, null);

    for (String reader : List.of("xa" + MINH_TAN, "huyen339")) {
      JsonNode after = api.get(reader, "/api/communes/" + MINH_TAN + "/survey").json();
      assertThat(after.path("responses").asInt()).as(reader).isEqualTo(3);
      JsonNode period = after.path("periods").get(0);
      assertThat(period.path("from").asText()).isEqualTo(limits.today().toString());
      assertThat(period.path("to").asText()).isEqualTo(limits.today().plusMonths(6).toString());
      assertThat(period.path("perLevel").toString()).isEqualTo("{\"5\":1,\"4\":1,\"3\":0,\"2\":1,\"1\":0}");
      assertThat(period.path("satisfiedShare").asDouble()).isEqualTo(66.7);
    }

    // the report opens: it shows the citizens' figures, read-only, apart from the paper fields
    Job due = management.createJobQuery().processInstanceId(pilot).activityId("ReportDue").singleResult();
    management.executeJob(due.getId());
    Task report = tasks.createTaskQuery().processInstanceId(pilot).singleResult();
    assertThat(report.getTaskDefinitionKey()).isEqualTo("PeriodicReport");
    Page official = WebappBrowser.open(browser, "vi-VN", 1280, 1000);
    throttle.forgetAll();
    WebappBrowser.logIn(official, port, "tasklist", "xa" + MINH_TAN);
    official.waitForURL(Pattern.compile(".*[?&]filter=.*"));
    official.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + report.getId());
    Locator form = official.locator("form .fjs-container, .fjs-container").first();
    assertThat(form).containsText("Khảo sát trực tuyến của người dân (mã QR) trong kỳ");
    assertThat(form).containsText("3 phiếu: Rất hài lòng 1, Hài lòng 1, Bình thường 0, Không hài lòng 1, "
        + "Rất không hài lòng 0; tỷ lệ hài lòng 66,7 %.");
    assertThat(form).containsText("Phiếu giấy: rất hài lòng (phiếu)");
    assertThat(form.getByText("Áp phích mã QR của xã (PDF)")).hasAttribute("href",
        "/api/communes/" + MINH_TAN + "/survey/poster.pdf");
    official.screenshot(new Page.ScreenshotOptions().setPath(WebappBrowser.SCREENSHOTS.resolve("52-survey-report.png"))
        .setFullPage(true));
    official.context().close();

    // the commune sends its report with its paper survey: both are kept, apart
    Map<String, Object> paper = new java.util.LinkedHashMap<>();
    paper.put("progressReport", Map.of("value", "Đã niêm yết công khai thủ tục hành chính"));
    paper.put("surveyVerySatisfied", Map.of("value", 40));
    paper.put("surveySatisfied", Map.of("value", 50));
    paper.put("surveyNeutral", Map.of("value", 8));
    paper.put("surveyDissatisfied", Map.of("value", 2));
    paper.put("surveyVeryDissatisfied", Map.of("value", 0));
    tasks.claim(report.getId(), "xa" + MINH_TAN);
    ApiClient.Reply sent = api.post("xa" + MINH_TAN, "/engine-rest/task/" + report.getId() + "/complete",
        Map.of("variables", paper));
    assertThat(sent.status()).as(sent.body()).isEqualTo(204);
    assertThat(runtime.getVariable(pilot, "satisfactionRate")).as("the paper survey's share").isEqualTo(90.0);
    assertThat(runtime.getVariable(pilot, "citizenSatisfactionRate")).as("the citizens' share, apart").isEqualTo(66.7);
    String history = String.valueOf(runtime.getVariable(pilot, "reportHistory"));
    assertThat(history).contains("\"satisfactionRate\":90.0").contains("\"citizenResponses\":3")
        .contains("\"citizenSatisfiedShare\":66.7");
    assertThat(vn.thanthien.pilot.survey.SurveyTaskTexts.reportsText(runtime.getVariable(pilot, "reportHistory")))
        .contains("- Kỳ 1 (đến ").contains(": trực tuyến 3 phiếu, 66,7 % hài lòng; phiếu giấy 90 % hài lòng");
  }
}
