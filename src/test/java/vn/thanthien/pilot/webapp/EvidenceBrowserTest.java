package vn.thanthien.pilot.webapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import vn.thanthien.pilot.evidence.EvidenceSamples;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * The evidence journey in a real browser (Chromium, vi-VN): a Hưng Hà commune official attaches a
 * PDF (desktop) and a photo (a 390 px phone) to the plan in the task's "Minh chứng" tab, and the
 * plan, refused without them, is then completed; the district's official opens the plan review and
 * downloads both files with the same bytes; another commune's official and an anonymous request
 * get nothing. Then the self-assessment: a commune attaches one file per criterion with the
 * criterion picker, and the district's appraisal shows them criterion by criterion and downloads
 * one with the same bytes. Screenshots go to {@code target/e2e-screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceBrowserTest {

  static final String CHI_HOA = "12679";
  static final String THAI_HUNG = "12649";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired LoginThrottle throttle;
  @Autowired org.camunda.bpm.engine.ProcessEngine engine;

  Playwright playwright;
  Browser browser;

  @BeforeAll
  void launchBrowser() throws Exception {
    playwright = WebappBrowser.playwright();
    browser = WebappBrowser.launch(playwright);
  }

  @AfterAll
  void closeBrowser() {
    if (playwright != null) {
      playwright.close();
    }
  }

  private Page taskAs(String user, String task, int width, int height) {
    Page page = WebappBrowser.open(browser, "vi-VN", width, height);
    WebappBrowser.logInToTasklist(page, port, user, throttle);
    page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
    assertThat(page.locator("body.pilot-task-checked")).hasCount(1);
    return page;
  }

  private static Locator evidenceTab(Page page) {
    page.locator(".nav-tabs a").getByText("Minh chứng", new Locator.GetByTextOptions().setExact(true)).click();
    Locator pane = page.locator(".pilot-evidence");
    assertThat(pane).isVisible();
    return pane;
  }

  private void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(WebappBrowser.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
  }

  @Test
  void aCommuneAttachesThePlanTheDistrictDownloadsItAndNobodyElseGetsIt() throws Exception {
    ApiClient api = new ApiClient(port);
    String pilot = runtime.startProcessInstanceByKey("commune-pilot", CHI_HOA,
        CommuneInputs.startInput(CHI_HOA, "province", "2025-12-31")).getId();
    String plan = tasks.createTaskQuery().processInstanceId(pilot).singleResult().getId();
    tasks.claim(plan, "xa" + CHI_HOA);
    byte[] pdf = EvidenceSamples.pdf(40_000);
    byte[] photo = EvidenceSamples.jpeg();

    // without its files the plan cannot be completed
    ApiClient.Reply refused = api.post("xa" + CHI_HOA, "/engine-rest/task/" + plan + "/complete",
        Map.of("variables", rest(CommuneInputs.plan())));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("message").asText()).contains("Chưa có minh chứng")
        .contains("Kế hoạch thực hiện mô hình đã ký");

    // desktop: the PDF
    Page desktop = taskAs("xa" + CHI_HOA, plan, 1400, 1000);
    Locator pane = evidenceTab(desktop);
    assertThat(pane.locator(".pilot-evidence-expected")).containsText("Kế hoạch thực hiện mô hình đã ký");
    assertThat(pane.locator(".pilot-evidence-expected")).containsText("Minh chứng bắt buộc");
    assertThat(pane.locator(".pilot-evidence-input")).hasAttribute("multiple", "");
    pane.locator(".pilot-evidence-input").setInputFiles(
        new FilePayload("Kế hoạch số 15-KH-UBND.pdf", "application/pdf", pdf));
    assertThat(pane.locator(".pilot-evidence-status")).containsText("Đã đính kèm 1 tệp");
    assertThat(pane.locator(".pilot-evidence-file")).hasCount(1);
    assertThat(pane.locator(".pilot-evidence-file").first()).containsText("Kế hoạch số 15-KH-UBND.pdf");
    assertThat(pane.locator(".pilot-evidence-file").first()).containsText("PDF");
    assertThat(pane.locator(".pilot-evidence-remove")).hasText("Xóa");
    shot(desktop, "30-evidence-plan-desktop");
    desktop.context().close();

    // a 390 px phone: the photo, from the camera or the gallery
    Page phone = taskAs("xa" + CHI_HOA, plan, 390, 844);
    pane = evidenceTab(phone);
    assertThat(pane.locator(".pilot-evidence-camera")).hasAttribute("capture", "environment");
    assertThat(pane.locator(".pilot-evidence-photo")).isVisible();
    pane.locator(".pilot-evidence-camera").setInputFiles(new FilePayload("Ảnh ra mắt.jpg", "image/jpeg", photo));
    assertThat(pane.locator(".pilot-evidence-file")).hasCount(2);
    assertThat(pane.locator(".pilot-evidence-file").nth(1)).containsText("Ảnh JPEG");
    double width = ((Number) phone.evaluate("document.documentElement.scrollWidth")).doubleValue();
    assertThat(width).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
    shot(phone, "31-evidence-plan-phone");
    phone.context().close();

    // the plan is completed (the server found its files)
    assertThat(api.post("xa" + CHI_HOA, "/engine-rest/task/" + plan + "/complete",
        Map.of("variables", rest(CommuneInputs.plan()))).status()).isEqualTo(204);
    String review = tasks.createTaskQuery().processInstanceId(pilot).singleResult().getId();
    ApiClient.Reply listed = api.get("huyen339", "/api/tasks/" + review + "/evidence");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().path("earlier")).hasSize(2);

    // the district: the plan review shows both and downloads them with the same bytes
    Page district = taskAs("huyen339", review, 1400, 1000);
    Locator reviewPane = evidenceTab(district);
    assertThat(reviewPane).containsText("Minh chứng các bước trước");
    assertThat(reviewPane.locator(".pilot-evidence-file")).hasCount(2);
    assertThat(reviewPane.locator(".pilot-evidence-remove")).hasCount(0);
    shot(district, "32-evidence-plan-review-district");
    Download first = district.waitForDownload(() -> reviewPane.getByText("Kế hoạch số 15-KH-UBND.pdf").click());
    assertThat(Files.readAllBytes(first.path())).isEqualTo(pdf);
    assertThat(first.suggestedFilename()).isEqualTo("Kế hoạch số 15-KH-UBND.pdf");
    Download second = district.waitForDownload(() -> reviewPane.getByText("Ảnh ra mắt.jpg").click());
    assertThat(Files.readAllBytes(second.path())).isEqualTo(photo);
    district.context().close();

    // another commune and a stranger get nothing
    String fileUrl = listed.json().path("earlier").get(0).path("url").asText();
    assertThat(api.get("xa" + THAI_HUNG, fileUrl).status()).isIn(403, 404);
    assertThat(api.get("xa" + THAI_HUNG, fileUrl).body()).doesNotContain("%PDF");
    assertThat(api.get("xa" + THAI_HUNG, "/api/tasks/" + review + "/evidence").status()).isEqualTo(404);
    assertThat(api.get("xa" + THAI_HUNG, "/api/process-instances/" + pilot + "/files").status()).isIn(403, 404);
    assertThat(api.get(null, fileUrl).status()).isEqualTo(401);
    assertThat(api.get(null, "/api/tasks/" + review + "/evidence").status()).isEqualTo(401);
    runtime.deleteProcessInstance(pilot, "test ended");
  }

  @Test
  void aCommuneAttachesEvidencePerCriterionAndTheAppraisalShowsItCriterionByCriterion() throws Exception {
    ApiClient api = new ApiClient(port);
    String pilot = runtime.startProcessInstanceByKey("commune-pilot", THAI_HUNG,
        CommuneInputs.startInput(THAI_HUNG, "district", "2025-12-31")).getId();
    new vn.thanthien.pilot.process.CommuneWalker(engine).walkUntil(pilot, "SelfAssessment");
    String assessment = tasks.createTaskQuery().processInstanceId(pilot).taskDefinitionKey("SelfAssessment")
        .singleResult().getId();
    tasks.claim(assessment, "xa" + THAI_HUNG);
    byte[][] evidence = new byte[5][];
    for (int i = 0; i < 5; i++) {
      evidence[i] = EvidenceSamples.pdf(3_000 + 1_000 * i);
    }

    Page commune = taskAs("xa" + THAI_HUNG, assessment, 1400, 1000);
    Locator pane = evidenceTab(commune);
    assertThat(pane.locator(".pilot-evidence-criterion.pilot-evidence-missing")).hasCount(5);
    // a file without its criterion is not sent
    pane.locator(".pilot-evidence-input").setInputFiles(new FilePayload("Không rõ tiêu chí.pdf", "application/pdf",
        evidence[0]));
    assertThat(pane.locator(".pilot-evidence-status")).containsText("Hãy chọn tiêu chí của tệp");
    for (int i = 0; i < 5; i++) {
      int criterion = i + 1;
      pane.locator(".pilot-evidence-slot-choice").selectOption("tieu-chi-" + criterion);
      pane.locator(".pilot-evidence-input").setInputFiles(new FilePayload("Minh chứng tiêu chí " + criterion + ".pdf",
          "application/pdf", evidence[i]));
      assertThat(pane.locator(".pilot-evidence-status")).containsText("Đã đính kèm 1 tệp cho «Tiêu chí " + criterion);
      pane = commune.locator(".pilot-evidence");
    }
    assertThat(pane.locator(".pilot-evidence-criterion.pilot-evidence-missing")).hasCount(0);
    assertThat(pane.locator(".pilot-evidence-criterion").nth(2)).containsText("Minh chứng tiêu chí 3.pdf");
    assertThat(pane.locator(".pilot-evidence-criterion").nth(2)).containsText("đã có 1 tệp");
    shot(commune, "33-evidence-self-assessment-commune");
    commune.context().close();

    // every criterion has its file: the self-assessment is completed
    ApiClient.Reply done = api.post("xa" + THAI_HUNG, "/engine-rest/task/" + assessment + "/complete",
        Map.of("variables", rest(CommuneInputs.selfAssessment(19, 18, 19, 18, 19))));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    String appraisal = tasks.createTaskQuery().processInstanceId(pilot).taskDefinitionKey("Appraisal")
        .singleResult().getId();

    // the district's appraisal: the files criterion by criterion, beside the scores
    Page district = taskAs("huyen339", appraisal, 1400, 1000);
    Locator reviewPane = evidenceTab(district);
    Locator step = reviewPane.locator(".pilot-evidence-step")
        .filter(new Locator.FilterOptions().setHasText("Tự đánh giá, chấm điểm theo 5 tiêu chí"));
    assertThat(step.locator("h5")).containsText("(5 tệp)");
    Locator files = step.locator(".pilot-evidence-file");
    assertThat(files).hasCount(5);
    for (int i = 0; i < 5; i++) {
      assertThat(files.nth(i).locator(".pilot-evidence-name")).hasText("Minh chứng tiêu chí " + (i + 1) + ".pdf");
      assertThat(files.nth(i).locator(".pilot-evidence-slot")).hasText(Pattern.compile("^Tiêu chí " + (i + 1) + " — .+"));
    }
    assertThat(reviewPane.locator(".pilot-evidence-remove")).hasCount(0);
    shot(district, "34-evidence-appraisal-district");
    Download third = district.waitForDownload(() -> files.nth(2).locator(".pilot-evidence-name").click());
    assertThat(third.suggestedFilename()).isEqualTo("Minh chứng tiêu chí 3.pdf");
    assertThat(Files.readAllBytes(third.path())).isEqualTo(evidence[2]);
    district.context().close();
    runtime.deleteProcessInstance(pilot, "test ended");
  }

  /** Variables as the REST API takes them. */
  private static Map<String, Object> rest(Map<String, Object> values) {
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return variables;
  }
}
