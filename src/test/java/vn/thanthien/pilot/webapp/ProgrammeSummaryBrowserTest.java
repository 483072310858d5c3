package vn.thanthien.pilot.webapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.evidence.EvidenceSamples;
import vn.thanthien.pilot.evidence.review.TaskFiles;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.process.CommuneWalker;
import vn.thanthien.pilot.process.ProgrammeWalker;
import vn.thanthien.pilot.summary.Phase;

/**
 * Cockpit's page "Tổng hợp đề án" in a real browser (Debian's Chromium, driven by Playwright):
 * Hưng Hà's whole lifecycle is played (7 pilots, 28 rollout communes, every one recognised) and
 * Kiến Xương has started its pilots (one reporting, one still planning); a manager finds the page
 * from the dashboard and the header, reads both districts, Chí Hòa's scores and the charts; Hưng
 * Hà's official sees Hưng Hà only. Screenshots: {@code target/e2e-screenshots/summary-*.png}.
 * Skipped without a Chromium unless {@code PILOT_E2E_REQUIRED=true}, as {@link BrowserJourneyTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeSummaryBrowserTest {

  static final String HUNG_HA = "339";
  static final String KIEN_XUONG = "343";
  static final List<String> HUNG_HA_PILOTS = List.of("12679", "12646", "12649", "12655", "12637", "12619", "12598");
  static final List<String> KIEN_XUONG_PILOTS = List.of("13078", "13081"); // Trà Giang, Quốc Tuấn
  /** Long enough to be collapsed behind "Xem thêm", with markup that must stay text. */
  static final String CHI_HOA_LESSONS = "Người đứng đầu <img src=x onerror=alert(1)> gương mẫu, <b>tiếp dân</b> tận tình; "
      + "công khai thủ tục hành chính tại bộ phận một cửa, lắng nghe ý kiến của người dân qua hộp thư góp ý và "
      + "đường dây nóng; cán bộ ký cam kết thực hiện \"4 xin\", \"4 luôn\", \"5 không\", \"5 biết\" [link](http://example.invalid)";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  /** Other tests of this shared context spend 127.0.0.1's budget of wrong passwords on purpose. */
  @Autowired vn.thanthien.pilot.access.LoginThrottle throttle;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired UnitDirectory units;

  Playwright playwright;
  Browser browser;
  String programmeId;

  @BeforeAll
  void playTheProgrammeAndLaunchTheBrowser() throws Exception {
    Assumptions.assumeTrue(WebappBrowser.chromiumOrRequired(), "no Chromium");
    playHungHaToItsEndAndStartKienXuong();
    playwright = WebappBrowser.playwright();
    browser = WebappBrowser.launch(playwright);
  }

  @AfterAll
  void closeBrowserAndEndTheProgramme() {
    if (playwright != null) {
      playwright.close();
    }
    // Kiến Xương keeps the programme running: end it, so that other tests in this JVM (one H2
    // database) may start theirs (one running programme per province)
    if (programmeId != null) {
      runtime.deleteProcessInstance(programmeId, "test: programme summary in Cockpit done");
    }
  }

  /** Thái Bình's programme with Hưng Hà and Kiến Xương; Hưng Hà played as HungHaWalkthroughTest does. */
  private void playHungHaToItsEndAndStartKienXuong() {
    ProgrammeWalker programmeWalker = new ProgrammeWalker(engine, units,
        vn.thanthien.pilot.process.Officials.onTheEngine(engine, false), ProgrammeWalker.Calendar.THAI_BINH_08);
    ProcessInstance programme = runtime.startProcessInstanceByKey("pilot-programme", Variables.createVariables()
        .putValue("programmeTitle", "Chính quyền thân thiện vì nhân dân phục vụ")
        .putValue("decisionNumber", "08-ĐA/TU").putValue("decisionDate", "2023-07-05")
        .putValue("periodStart", "2023-07-05").putValue("periodEnd", "2025-12-31")
        .putValue("reportCycle", "P6M"));
    programmeId = programme.getId();
    complete(programmeWalker.taskOf(programme), Map.of("participatingDistricts", json(List.of(HUNG_HA, KIEN_XUONG))));
    Map<String, ProcessInstance> districts = new LinkedHashMap<>();
    programmeWalker.children(programme).forEach(d -> districts.put(d.getBusinessKey(), d));

    ProcessInstance kienXuong = districts.get(KIEN_XUONG);
    complete(programmeWalker.taskOf(kienXuong), Map.of("pilotCommunes", json(KIEN_XUONG_PILOTS),
        "provincePilots", json(KIEN_XUONG_PILOTS.subList(0, 1)), "selectionRationale", "Xã có phong trào tốt"));
    complete(programmeWalker.taskOf(kienXuong), Map.of("selectionDecision", "approve"));
    CommuneWalker walker = new CommuneWalker(engine);
    ProcessInstance traGiang = programmeWalker.children(kienXuong).stream()
        .filter(c -> "13078".equals(c.getBusinessKey())).findFirst().orElseThrow();
    // Trà Giang's official attaches its signed plan (over the API, as Tasklist does)
    TaskFiles.attach(new ApiClient(port), "xa13078", tasks.createTaskQuery().processInstanceId(traGiang.getId())
        .taskDefinitionKey("DraftPlan").singleResult().getId());
    walker.walkUntil(traGiang.getId(), "PeriodicReport");

    ProcessInstance hungHa = districts.get(HUNG_HA);
    complete(programmeWalker.taskOf(hungHa), Map.of("pilotCommunes", json(HUNG_HA_PILOTS),
        "provincePilots", json(List.of("12646", "12679")), "selectionRationale", "Theo Đề án 08-ĐA/TU"));
    complete(programmeWalker.taskOf(hungHa), Map.of("selectionDecision", "approve"));
    for (ProcessInstance pilot : programmeWalker.children(hungHa)) {
      if ("12679".equals(pilot.getBusinessKey())) {
        // Chí Hòa's lessons: long, with markup typed by an official
        walker.walkUntil(pilot.getId(), "CommuneLessons", 19, 18, 19, 18, 19);
        complete(tasks.createTaskQuery().processInstanceId(pilot.getId()).taskDefinitionKey("CommuneLessons").singleResult(),
            Map.of("communeLessons", CHI_HOA_LESSONS));
      }
      walker.walk(pilot, 19, 18, 19, 18, 19);
    }
    runJobs(hungHa);
    complete(programmeWalker.taskOf(hungHa), Map.of("districtLessons", "Người đứng đầu gương mẫu, tiếp dân tận tình"));
    complete(programmeWalker.taskOf(hungHa), Map.of(
        "rolloutCommunes", runtime.getVariableTyped(hungHa.getId(), "rolloutCommunes"),
        "rolloutPeriodEnd", "2025-12-31", "rolloutPlanSummary", "Nhân rộng ra toàn huyện"));
    List<ProcessInstance> rollout = programmeWalker.children(hungHa);
    assertThat(rollout).hasSize(28);
    for (ProcessInstance commune : rollout) {
      walker.walk(commune, 17, 17, 17, 17, 17);
    }
    runJobs(hungHa);
    complete(programmeWalker.taskOf(hungHa), Map.of("districtFinalReport", "Hoàn thành"));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(hungHa.getId()).count()).isZero();
  }

  private void complete(Task task, Map<String, Object> variables) {
    tasks.complete(task.getId(), variables);
  }

  private void runJobs(ProcessInstance instance) {
    for (Job job : management.createJobQuery().processInstanceId(instance.getId()).list()) {
      management.executeJob(job.getId());
    }
  }

  private static Object json(List<String> codes) {
    return SpinValues.jsonValue("[\"" + String.join("\",\"", codes) + "\"]").create();
  }

  private Page open() {
    return WebappBrowser.open(browser, "vi-VN", 1600, 1100);
  }

  private void logIn(Page page, String user) {
    throttle.forgetAll();
    WebappBrowser.logIn(page, port, "cockpit", user);
  }

  /** Cockpit scrolls inside its own frame, not the page: a tall window shows the whole page. */
  private void shot(Page page, String name) {
    page.setViewportSize(1600, 3400);
    page.screenshot(new Page.ScreenshotOptions().setPath(WebappBrowser.SCREENSHOTS.resolve(name + ".png")));
    page.setViewportSize(1600, 1100);
  }

  /** Something was drawn on the canvas: some pixel is not transparent. */
  private static boolean drawn(Locator canvas) {
    return (Boolean) canvas.evaluate("c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + " for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false; }");
  }

  @Test
  void aManagerReadsEveryDistrictCommunesScoresAndChartsInCockpit() {
    Page page = open();
    List<String> errors = new ArrayList<>();
    page.onPageError(error -> errors.add(error));
    logIn(page, "quanly");

    Locator dashboard = page.locator(".pilot-dashboard");
    assertThat(dashboard).containsText("Đề án Chính quyền thân thiện");
    assertThat(dashboard).containsText("Được công nhận");
    assertThat(dashboard).containsText("Đề án số 08-ĐA/TU ngày 05/07/2023");
    shot(page, "summary-dashboard");

    Locator navigation = page.locator("a.pilot-nav-summary");
    assertThat(navigation).hasText("Tổng hợp đề án");
    dashboard.locator("a.pilot-open-summary").click();
    assertThat(page).hasURL(Pattern.compile(".*#/programme-summary.*"));

    Locator summary = page.locator("#pilot-summary");
    assertThat(summary).containsText("thời gian thực hiện 05/07/2023 – 31/12/2025");
    Locator districts = summary.locator("table.pilot-districts");
    assertThat(districts.locator("tr[data-district=\"" + HUNG_HA + "\"]")).containsText("Huyện Hưng Hà");
    assertThat(districts.locator("tr[data-district=\"" + KIEN_XUONG + "\"]")).containsText("Huyện Kiến Xương");
    assertThat(districts.locator("tr.pilot-total")).containsText("Toàn tỉnh");
    // Hưng Hà: 35 communes, all recognised
    assertThat(districts.locator("tr[data-district=\"" + HUNG_HA + "\"] td").nth(1)).hasText("35");
    assertThat(districts.locator("tr[data-district=\"" + HUNG_HA + "\"] td").nth(3 + 1 + Phase.values().length)).hasText("35");

    Locator chart = summary.locator("canvas[data-drawn=\"true\"]").first();
    assertThat(chart).isVisible();
    page.waitForCondition(() -> drawn(chart));
    assertThat(summary.locator("canvas[data-drawn=\"true\"]")).hasCount(3);

    page.locator("#pilot-district").selectOption(HUNG_HA);
    assertThat(page).hasURL(Pattern.compile(".*#/programme-summary\\?district=" + HUNG_HA));
    Locator chiHoa = page.locator("#pilot-summary table.pilot-communes tr[data-commune=\"12679\"]");
    assertThat(chiHoa).containsText("Xã Chí Hòa");
    assertThat(chiHoa).containsText(Pattern.compile("điểm của tỉnh", Pattern.CASE_INSENSITIVE));
    assertThat(chiHoa).containsText("19/20");
    assertThat(chiHoa).containsText("93/100");
    assertThat(chiHoa).containsText("Đạt – Tốt"); // 93 points: "Tốt" in pilot-rating
    assertThat(chiHoa).containsText("Tỉnh");
    assertThat(page.locator("#pilot-summary table.pilot-communes tr[data-commune]")).hasCount(35);
    assertThat(page.locator("#pilot-summary a.pilot-excel")).hasAttribute("href", "/api/programme/summary.xlsx?district=" + HUNG_HA);
    // a finished pilot: Cockpit (community) cannot show it, the page's own detail can
    assertThat(chiHoa.locator("td").last().locator("a")).hasAttribute("href",
        Pattern.compile(".*#/programme-summary\\?district=339&commune=12679"));
    boolean[] alerted = {false};
    page.onDialog(dialog -> {
      alerted[0] = true;
      dialog.dismiss();
    });
    chiHoa.locator("a.pilot-commune-toggle").click();
    Locator detail = page.locator("#pilot-summary tr[data-detail-of=\"12679\"]");
    assertThat(detail).containsText("Mức hài lòng");
    assertThat(detail).containsText("Bài học kinh nghiệm");
    assertThat(detail).containsText("Quyết định công nhận: số 123/QĐ-UBND ngày 20/12/2025, Phó Chủ tịch Nguyễn Văn An ký");
    assertThat(detail).not().containsText("example.invalid");
    detail.getByText("Xem thêm").click();
    assertThat(detail).containsText(CHI_HOA_LESSONS);
    assertThat(detail.getByText("Thu gọn")).isVisible();
    assertThat(page.locator("#pilot-summary img")).hasCount(0);
    assertThat(page.locator("#pilot-summary a[href*=\"example.invalid\"]")).hasCount(0);
    assertThat(detail).containsText("«Theo dõi quy trình» (bản cộng đồng) không mở được hồ sơ đã kết thúc");
    page.waitForCondition(() -> drawn(page.locator("#pilot-summary canvas[data-drawn=\"true\"]").first()));
    shot(page, "summary-manager-hung-ha");

    page.locator("#pilot-district").selectOption(KIEN_XUONG);
    Locator traGiang = page.locator("#pilot-summary table.pilot-communes tr[data-commune=\"13078\"]");
    assertThat(traGiang).containsText("Xã Trà Giang");
    assertThat(traGiang).containsText("Đang báo cáo định kỳ");
    // a running pilot links to its instance in Cockpit and its open step to Tasklist
    assertThat(traGiang.locator("td").last().locator("a")).hasAttribute("href", Pattern.compile(".*#/process-instance/.+/runtime"));
    assertThat(traGiang.locator("a[href*=\"/app/tasklist/\"]").first()).hasAttribute("href", Pattern.compile(".*task=.+"));
    assertThat(page.locator("#pilot-summary table.pilot-communes")).not().containsText("Xã Chí Hòa");
    // its evidence: "1 tệp", which opens its files, each downloaded with the same bytes
    Locator evidence = traGiang.locator("a.pilot-evidence-toggle");
    assertThat(evidence).hasText("1 tệp");
    assertThat(evidence).hasAttribute("title", "Xây dựng kế hoạch thực hiện mô hình: 1");
    assertThat(page.locator("#pilot-summary tr[data-commune=\"13081\"]")).containsText("0 tệp");
    evidence.click();
    Locator files = page.locator("#pilot-summary tr[data-evidence-of=\"13078\"]");
    assertThat(files).containsText("Minh chứng của Xã Trà Giang: 1 tệp");
    assertThat(files).containsText("Xây dựng kế hoạch thực hiện mô hình");
    Locator file = files.locator("a.pilot-evidence-file");
    assertThat(file).hasText("minh-chung.pdf");
    assertThat(file).hasAttribute("href", Pattern.compile("^/api/files/[0-9a-f-]{36}$"));
    shot(page, "summary-manager");
    Download download = page.waitForDownload(file::click);
    assertThat(download.suggestedFilename()).isEqualTo("minh-chung.pdf");
    try {
      assertThat(Files.readAllBytes(download.path())).isEqualTo(EvidenceSamples.pdf(2_000));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    traGiang.locator("td").last().locator("a").click();
    assertThat(page.locator("[data-element-id=\"PeriodicReport\"]").first()).isVisible();
    assertThat(errors).isEmpty();
    assertThat(alerted[0]).as("no script of an official ran").isFalse();
  }

  @Test
  void aDistrictOfficialSeesOnlyItsOwnDistrict() {
    Page page = open();
    logIn(page, "huyen339");
    assertThat(page.locator(".pilot-dashboard")).containsText("Đề án Chính quyền thân thiện");
    page.locator("a.pilot-nav-summary").click();
    Locator summary = page.locator("#pilot-summary");
    assertThat(summary.locator("table.pilot-districts tr[data-district=\"" + HUNG_HA + "\"]")).containsText("Huyện Hưng Hà");
    assertThat(summary.locator("tr[data-commune=\"12679\"]")).containsText("Xã Chí Hòa");
    assertThat(summary).not().containsText("Kiến Xương");
    assertThat(summary.locator("tr[data-commune=\"13078\"]")).hasCount(0);
    assertThat(summary.locator("#pilot-district option")).hasCount(2);
    shot(page, "summary-huyen339");
    // on a 390 px phone: the tables scroll sideways inside their box; the files open below the row
    page.setViewportSize(390, 844);
    // the header keeps the programme's name whole beside the menu; only the tables scroll sideways
    com.microsoft.playwright.options.BoundingBox brand = page.locator(".navbar-brand .brand-name").boundingBox();
    assertThat(brand.x + brand.width).as("Cockpit's header name fits a 390 px phone").isLessThanOrEqualTo(390);
    assertThat(page.locator(".navbar-header .small-screen-warning")).isHidden();
    assertThat(WebappBrowser.overflow(page)).as("the page itself does not scroll sideways").isLessThanOrEqualTo(0);
    Locator chiHoa = summary.locator("tr[data-commune=\"12679\"]");
    chiHoa.scrollIntoViewIfNeeded();
    assertThat(chiHoa.locator("td.text-right.text-muted").filter(new Locator.FilterOptions().setHasText("tệp")))
        .hasText("0 tệp");
    page.screenshot(new Page.ScreenshotOptions().setPath(WebappBrowser.SCREENSHOTS.resolve("summary-huyen339-phone.png")));
    page.setViewportSize(1600, 1100);

    // another district's summary is not this official's to read: a Vietnamese refusal, no data
    APIResponse other = page.request().get("http://localhost:" + port
        + "/camunda/api/cockpit/plugin/programme-summary/default/summary?district=" + KIEN_XUONG);
    assertThat(other.text()).doesNotContain("Trà Giang");
    APIResponse bad = page.request().get("http://localhost:" + port
        + "/camunda/api/cockpit/plugin/programme-summary/default/summary?district=33%2C9");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text()).contains("Mã huyện không hợp lệ").doesNotContain("Exception");
  }

  @Test
  void withoutASessionTheSummaryIsRefused() {
    Page page = open();
    APIResponse anonymous = page.request().get("http://localhost:" + port
        + "/camunda/api/cockpit/plugin/programme-summary/default/summary");
    assertThat(anonymous.status()).isIn(401, 403);
    assertThat(anonymous.text()).doesNotContain("Chí Hòa");
    // the page's script and the charting library are served by the application itself
    assertThat(page.request().get("http://localhost:" + port
        + "/camunda/api/cockpit/plugin/programme-summary/static/app/plugin.js").status()).isEqualTo(200);
    assertThat(page.request().get("http://localhost:" + port
        + "/camunda/api/cockpit/plugin/programme-summary/static/app/chart.umd.js").text()).contains("Chart");
  }
}
