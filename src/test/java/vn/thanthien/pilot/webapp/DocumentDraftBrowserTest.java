package vn.thanthien.pilot.webapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import vn.thanthien.pilot.process.CommuneWalker;

/**
 * The recognition form in Tasklist, in a real browser: the province's official opens Chí Hòa's
 * "Ban hành quyết định công nhận", reads who issues the decision and the link «Tải dự thảo quyết
 * định (.docx)», and the link downloads the draft with the webapps' session. Screenshots at 1400
 * and 390 px: {@code target/e2e-screenshots/document-draft-*.png}. Skipped without a Chromium
 * unless {@code PILOT_E2E_REQUIRED=true}, as {@link BrowserJourneyTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentDraftBrowserTest {

  static final String CHI_HOA = "12679";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired vn.thanthien.pilot.access.LoginThrottle throttle;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  Playwright playwright;
  Browser browser;
  String programme;
  String recognition;

  @BeforeAll
  void walkChiHoaToItsRecognition() throws Exception {
    Assumptions.assumeTrue(WebappBrowser.chromiumOrRequired(), "no Chromium");
    ProcessInstance started = runtime.startProcessInstanceByKey("pilot-programme", Variables.createVariables()
        .putValue("programmeTitle", "Chính quyền thân thiện vì nhân dân phục vụ")
        .putValue("decisionNumber", "08-ĐA/TU").putValue("decisionDate", "2023-07-05")
        .putValue("periodStart", "2023-07-05").putValue("periodEnd", "2025-12-31").putValue("reportCycle", "P6M"));
    programme = started.getId();
    complete(programme, Map.of("participatingDistricts", json("339")));
    ProcessInstance district = runtime.createProcessInstanceQuery().superProcessInstanceId(programme).singleResult();
    complete(district.getId(), Map.of("pilotCommunes", json(CHI_HOA), "provincePilots", json(CHI_HOA),
        "selectionRationale", "Theo Đề án 08-ĐA/TU"));
    complete(district.getId(), Map.of("selectionDecision", "approve"));
    ProcessInstance chiHoa = runtime.createProcessInstanceQuery().superProcessInstanceId(district.getId()).singleResult();
    new CommuneWalker(engine).walkUntil(chiHoa.getId(), "IssueRecognition", 19, 18, 19, 18, 19);
    recognition = tasks.createTaskQuery().processInstanceId(chiHoa.getId()).singleResult().getId();
    playwright = WebappBrowser.playwright();
    browser = WebappBrowser.launch(playwright);
  }

  @AfterAll
  void closeBrowserAndEndTheProgramme() {
    if (playwright != null) {
      playwright.close();
    }
    if (programme != null) {
      runtime.deleteProcessInstance(programme, "test over");
    }
  }

  @Test
  void theProvincesOfficialDownloadsTheDraftFromTheRecognitionForm() throws Exception {
    Page page = WebappBrowser.open(browser, "vi-VN", 1400, 1000);
    WebappBrowser.logInToTasklist(page, port, "tinh34", throttle);
    page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + recognition);
    page.getByText("Nhận việc", new Page.GetByTextOptions().setExact(true)).first().click();
    Locator form = page.locator(".fjs-container");
    assertThat(form).containsText("Cấp thẩm định, ban hành quyết định: UBND tỉnh Thái Bình");
    Locator link = form.getByText("Tải dự thảo quyết định (.docx)");
    assertThat(link).isVisible();
    String href = link.getAttribute("href");
    assertThat(href).isEqualTo("/api/process-instances/" + tasks.createTaskQuery().taskId(recognition).singleResult()
        .getProcessInstanceId() + "/documents/recognition-decision.docx");
    for (String label : List.of("Cơ quan ban hành", "Số, ký hiệu quyết định công nhận", "Người ký", "Chức vụ người ký",
        "Trích yếu")) {
      assertThat(form.getByLabel(label, new Locator.GetByLabelOptions().setExact(false)).first()).isVisible();
    }
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
        .setPath(WebappBrowser.SCREENSHOTS.resolve("document-draft-form.png")));

    // the link, as the browser follows it: with the webapps' session, an attachment
    APIResponse download = page.request().get("http://localhost:" + port + href);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.headers().get("content-disposition")).startsWith("attachment;");
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(download.body()))) {
      assertThat(docx.getTables().get(0).getRow(0).getCell(0).getText()).contains("TỈNH THÁI BÌNH");
    }

    // on a phone: the link where the form is
    page.setViewportSize(390, 844);
    link.scrollIntoViewIfNeeded();
    assertThat(link).isInViewport();
    page.screenshot(new Page.ScreenshotOptions().setPath(WebappBrowser.SCREENSHOTS.resolve("document-draft-form-390.png")));
  }

  private void complete(String instanceId, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
    tasks.complete(task.getId(), variables);
  }

  private static Object json(String... codes) {
    return SpinValues.jsonValue("[\"" + String.join("\",\"", codes) + "\"]").create();
  }
}
