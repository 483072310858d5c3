package vn.thanthien.pilot.webapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * Officials' journeys in a real browser (Debian's Chromium, driven by Playwright) against the
 * application on a random port. Screenshots of each step go to {@code target/e2e-screenshots/}.
 * Without a Chromium the test is skipped, unless {@code PILOT_E2E_REQUIRED=true} (as in CI),
 * where a missing browser fails it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserJourneyTest {

  static final Path SCREENSHOTS = WebappBrowser.SCREENSHOTS;

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired UnitDirectory units;
  /** Other tests of this shared context spend 127.0.0.1's budget of wrong passwords on purpose. */
  @Autowired vn.thanthien.pilot.access.LoginThrottle throttle;

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

  private Page open(String locale) {
    return WebappBrowser.open(browser, locale, 1400, 1000);
  }

  private void logIn(Page page, String app, String user) {
    if ("tasklist".equals(app)) {
      WebappBrowser.logInToTasklist(page, port, user, throttle);
    } else {
      throttle.forgetAll();
      WebappBrowser.logIn(page, port, app, user);
    }
  }

  /** A date as the browser (in this machine's time zone) shows it to an official. */
  private static String ddMMyyyy(java.util.Date date) {
    return java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
        .format(date.toInstant().atZone(java.time.ZoneId.systemDefault()));
  }

  private void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
  }

  /** Types the five paper survey figures, from "Phiếu giấy: rất hài lòng" to "Phiếu giấy: rất không hài lòng". */
  private static void fillSurvey(Page page, String... answers) {
    String[] labels = {"rất hài lòng", "hài lòng", "bình thường", "không hài lòng", "rất không hài lòng"};
    for (int level = 0; level < labels.length; level++) {
      // exact label: "hài lòng" is also part of "rất hài lòng" (a required field ends with "*")
      page.getByLabel(java.util.regex.Pattern.compile("^Phiếu giấy: " + labels[level] + " \\(phiếu\\)\\s*\\*?$"))
          .fill(answers[level]);
    }
  }

  /** Chí Hòa's pilot waiting for its last periodic report. */
  private ProcessInstance chiHoaAtItsReport() {
    return runtime.createProcessInstanceByKey("commune-pilot").businessKey("12679")
        .setVariables(Variables.createVariables().putValue("communeCode", "12679")
            .putValue("communeName", "Xã Chí Hòa").putValue("districtCode", "339")
            .putValue("communeGroup", "commune-12679").putValue("districtGroup", "district-339")
            .putValue("districtName", "Huyện Hưng Hà").putValue("provinceCode", "34").putValue("tier", "province")
            .putValue("periodEnd", "2025-12-31").putValue("reportCycle", "P3M").putValue("appraisalRound", 0)
            .putValue("reportNumber", 9)
            .putValue("reportPeriodStart", "01/10/2025").putValue("reportPeriodEnd", "31/12/2025").putValue("lastReport", true)
            .putValue("reportDueAt", new java.util.Date()))
        .startBeforeActivity("PeriodicReport").execute();
  }

  @Test
  void aCommuneOfficialClaimsFillsAndCompletesATaskInVietnamese() {
    ProcessInstance pilot = chiHoaAtItsReport();
    Page page = open("vi-VN");
    logIn(page, "tasklist", "xa12679");

    Locator filter = page.locator(".task-filters").getByText("Việc của đơn vị tôi");
    assertThat(filter).isVisible();
    filter.click();
    Locator report = page.locator(".tasks-list").getByText("Báo cáo định kỳ, khảo sát sự hài lòng");
    assertThat(report.first()).isVisible();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*sorting=.*dueDate.*"));
    // Dates read as officials write them (dd/mm/yyyy), not as a distance from today.
    org.camunda.bpm.engine.task.Task due = tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult();
    Locator listed = page.locator(".tasks-list li.task").filter(
        new Locator.FilterOptions().setHasText("Báo cáo định kỳ, khảo sát sự hài lòng"));
    assertThat(listed.locator(".due-date")).hasText(
        java.util.regex.Pattern.compile("Hạn xử lý\\s+" + ddMMyyyy(due.getDueDate())));
    assertThat(listed.locator(".creation-date")).hasText(
        java.util.regex.Pattern.compile("Ngày tạo\\s+" + ddMMyyyy(due.getCreateTime())));
    assertThat(listed).not().containsText("còn ");
    assertThat(listed).not().containsText("cách đây");
    assertThat(listed.locator(".priority")).isHidden();
    assertThat(page.locator(".ce-eol-banner")).isHidden();
    assertThat(page.locator("body")).containsText("Chính quyền thân thiện vì nhân dân phục vụ — Xử lý công việc");
    shot(page, "01-tasklist-vietnamese");
    assertThat(page.locator("body")).not().containsText("Start process");
    assertThat(page.locator("body")).not().containsText("Keyboard Shortcuts");

    report.first().click();
    assertThat(page.locator(".fjs-container")).containsText("Kỳ báo cáo số 9 (từ 01/10/2025 đến 31/12/2025)");
    Locator claim = page.getByText("Nhận việc", new Page.GetByTextOptions().setExact(true));
    assertThat(claim.first()).isVisible();
    shot(page, "02-task-before-claim");
    claim.first().click();
    // the official has the task: may give it back, not move its deadline nor hand it to someone
    Locator header = page.locator(".task-card header");
    assertThat(header.locator(".unclaim")).isVisible();
    assertThat(header.locator(".due-date")).containsText(ddMMyyyy(due.getDueDate()));
    assertThat(header.locator(".reset-due-date")).isHidden();
    assertThat(header.locator(".reset-follow-up-date")).isHidden();
    assertThat(header).not().containsText("còn ");

    page.getByLabel("Kết quả thực hiện trong kỳ").fill("Công khai thủ tục hành chính tại bộ phận một cửa");
    fillSurvey(page, "40", "50", "8", "2", "-1");
    page.getByLabel("Kết quả thực hiện trong kỳ").click();
    Locator message = page.getByText("Giá trị không được nhỏ hơn 0.");
    assertThat(message).isVisible();
    message.scrollIntoViewIfNeeded();
    shot(page, "03-invalid-value-vietnamese-message");

    page.getByLabel("Rất không hài lòng").fill("0");
    assertThat(page.getByText("Giá trị không được nhỏ hơn 0.")).isHidden();

    // A rule only the server knows: a survey needs at least one answer. Its Vietnamese refusal
    // reaches the official without the engine's English prefix, and nothing is lost.
    fillSurvey(page, "0", "0", "0", "0", "0");
    Locator complete = page.locator("button").getByText("Hoàn thành", new Locator.GetByTextOptions().setExact(true));
    complete.click();
    Locator refusal = page.getByText("Kết quả khảo sát phải có ít nhất một phiếu");
    assertThat(refusal.first()).isVisible();
    assertThat(page.locator("body")).not().containsText("Cannot submit task form");
    shot(page, "03b-server-refusal-vietnamese");
    assertThat(page.getByLabel("Kết quả thực hiện trong kỳ")).hasValue("Công khai thủ tục hành chính tại bộ phận một cửa");

    // The official closes the message (it covers the buttons) and corrects the figures.
    page.locator(".alert", new Page.LocatorOptions().setHasText("Kết quả khảo sát phải có ít nhất một phiếu"))
        .locator("button.close:visible").first().click();
    assertThat(refusal).hasCount(0);
    fillSurvey(page, "40", "50", "8", "2", "0");
    complete.click();

    assertThat(page.locator(".tasks-list").getByText("Báo cáo định kỳ, khảo sát sự hài lòng")).hasCount(0);
    shot(page, "04-task-left-the-list");
    assertThat(tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("SelfAssessment");
    assertThat(runtime.getVariable(pilot.getId(), "satisfactionRate")).isEqualTo(90.0);
  }

  @Test
  void aDistrictFollowsACommunesTaskWithoutBeingOfferedToTakeIt() {
    ProcessInstance pilot = chiHoaAtItsReport();
    String task = tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult().getId();
    try {
      Page page = open("vi-VN");
      logIn(page, "tasklist", "huyen339");
      page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
      Locator header = page.locator(".task-card header");
      assertThat(header.locator("h2.task")).hasText("Báo cáo định kỳ, khảo sát sự hài lòng");
      assertThat(page.locator("body.pilot-task-checked")).hasCount(1);
      assertThat(header.locator(".claim")).isHidden();
      Object note = page.evaluate("() => getComputedStyle(document.querySelector("
          + "'.task-card .actors .assignee.set-value'), '::after').content");
      assertThat(String.valueOf(note)).contains("Chỉ theo dõi: công việc của đơn vị khác");
      assertThat(header.locator(".reset-due-date")).isHidden();
      assertThat(header.locator(".actors .groups")).hasText("UBND xã Chí Hòa");
      Object label = page.evaluate("() => getComputedStyle(document.querySelector("
          + "'.task-card .meta.dates .due-date [am-time-ago]'), '::before').content");
      assertThat(String.valueOf(label)).contains("Hạn xử lý");
      // nor does the keyboard open the date's editor
      Locator dueField = header.locator(".meta.dates .due-date");
      dueField.focus();
      page.keyboard().press("Enter");
      page.waitForTimeout(500);
      assertThat(page.locator(".uib-daypicker")).hasCount(0);
      shot(page, "14-district-follows-a-communes-task");
    } finally {
      runtime.deleteProcessInstance(pilot.getId(), "browser journey ended");
    }
  }

  @Test
  void aManagerSeesTheDiagramOfARunningCommunePilotInVietnameseCockpit() {
    ProcessInstance pilot = runtime.startProcessInstanceByKey("commune-pilot", "12646",
        CommuneInputs.startInput("12646", "province", "2025-12-31"));
    Page page = open("vi-VN");
    logIn(page, "cockpit", "quanly");
    assertThat(page.locator("body")).containsText("Hồ sơ quy trình đang thực hiện");
    assertThat(page.locator("body")).not().containsText("Running Process Instances");
    assertThat(page.locator(".ce-eol-banner")).isHidden();
    assertThat(page.locator("body")).containsText("— Theo dõi quy trình");
    shot(page, "05-cockpit-dashboard-vietnamese");

    page.navigate("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/"
        + pilot.getId() + "/runtime");
    Locator draftPlan = page.locator("[data-element-id=\"DraftPlan\"]");
    assertThat(draftPlan.first()).isVisible();
    assertThat(page.locator(".djs-container").first()).containsText("Xây dựng kế hoạch thực hiện mô hình");
    shot(page, "06-cockpit-commune-pilot-diagram");
  }

  @Test
  void aManagerSeesInCockpitWhichUnitDoesEachStepOfEveryModel() {
    Map<String, List<String>> lanes = Map.of(
        "pilot-programme", List.of("Tỉnh", "Các huyện"),
        "district-pilot", List.of("Tỉnh", "Huyện", "Các xã"),
        "commune-pilot", List.of("Cấp thẩm định (tỉnh hoặc huyện)", "Huyện", "Xã"));
    Page page = open("vi-VN");
    page.setViewportSize(1920, 1080);
    logIn(page, "cockpit", "quanly");
    assertThat(page.locator("body")).containsText("Hồ sơ quy trình đang thực hiện");
    for (String key : List.of("pilot-programme", "district-pilot", "commune-pilot")) {
      String id = repository.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion().singleResult().getId();
      page.navigate("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-definition/"
          + id + "/runtime");
      Locator diagram = page.locator(".djs-container").first();
      for (String lane : lanes.get(key)) {
        // exact: "Huyện" is also part of "Cấp thẩm định (tỉnh hoặc huyện)"
        assertThat(diagram.locator(".djs-shape[data-element-id^=\"Lane_\"]")
            .getByText(lane, new Locator.GetByTextOptions().setExact(true))).isVisible();
      }
      shot(page, "12-cockpit-lanes-" + key);
    }
  }

  @Test
  void theFirstScreenShowsTheUnitsWorkAndOnlyTheActionsAnOfficialMayTake() {
    runtime.startProcessInstanceByKey("commune-pilot", "12619", // Duyên Hải
        CommuneInputs.startInput("12619", "district", "2025-12-31"));
    Page commune = open("vi-VN");
    logIn(commune, "tasklist", "xa12619");
    // no filter chosen: the first one holds the unit's open task, with its count
    assertThat(commune.locator(".task-filters .active"))
        .containsText(java.util.regex.Pattern.compile("Việc cần làm\\s*\\(?\\s*1\\s*\\)?"));
    assertThat(commune.locator("ol.tasks-list")).containsText("Xây dựng kế hoạch thực hiện mô hình");
    assertThat(commune.locator(".shortcut-help")).isVisible();
    assertThat(commune.locator(".create-task-action")).isHidden();
    assertThat(commune.locator(".start-process-action")).isHidden();
    assertThat(commune.getByText("Tạo công việc")).isHidden();
    assertThat(commune.getByText("Bắt đầu quy trình")).isHidden();
    shot(commune, "12-first-screen-commune");

    Page province = open("vi-VN");
    logIn(province, "tasklist", "tinh34");
    assertThat(province.locator(".start-process-action")).isVisible();
    assertThat(province.locator(".start-process-action")).containsText("Bắt đầu quy trình");
    assertThat(province.locator(".create-task-action")).isHidden();
    shot(province, "13-first-screen-province");
  }

  @Test
  void anEnglishBrowserKeepsEnglish() {
    Page page = open("en-US");
    logIn(page, "tasklist", "xa12679");
    assertThat(page.locator(".task-filters").getByText("Việc của đơn vị tôi")).isVisible();
    assertThat(page.locator("body")).containsText("Start process");
    assertThat(page.locator("body")).containsText("Keyboard Shortcuts");
    shot(page, "07-tasklist-english-browser");
  }

  @Test
  void anyOtherBrowserLanguageGetsVietnamese() {
    Page page = open("de-DE");
    logIn(page, "tasklist", "huyen339");
    assertThat(page.locator(".task-filters").getByText("Việc cấp xã")).isVisible();
    assertThat(page.locator("body")).containsText("Bắt đầu quy trình");
    assertThat(page.locator("body")).not().containsText("Prozess starten");
    shot(page, "08-tasklist-german-browser-gets-vietnamese");
  }

  @Test
  void theDatePickerOfAFormSpeaksVietnamese() {
    runtime.startProcessInstanceByKey("commune-pilot", "12655",
        CommuneInputs.startInput("12655", "district", "2025-12-31"));
    Page page = open("vi-VN");
    logIn(page, "tasklist", "xa12655");
    page.locator(".task-filters").getByText("Việc của đơn vị tôi").click();
    page.locator(".tasks-list").getByText("Xây dựng kế hoạch thực hiện mô hình").first().click();
    page.getByText("Nhận việc", new Page.GetByTextOptions().setExact(true)).first().click();
    Locator date = page.getByLabel("Ngày dự kiến ra mắt mô hình");
    date.scrollIntoViewIfNeeded();
    assertThat(date).hasAttribute("placeholder", "ngày/tháng/năm");
    date.click();
    Locator calendar = page.locator(".flatpickr-calendar.open");
    assertThat(calendar.locator(".flatpickr-weekday").first()).hasText("CN");
    assertThat(calendar).containsText("Tháng ");
    assertThat(calendar).not().containsText("Sun");
    shot(page, "09-date-picker-vietnamese");

    // Left empty: a date is chosen, a text is typed, and each message says so.
    page.keyboard().press("Escape");
    Locator criterion = page.getByLabel("Tiêu chí 1");
    criterion.fill("x");
    criterion.fill("");
    page.locator(".fjs-container").getByText("Đơn vị:").click();
    assertThat(field(page, "Ngày dự kiến ra mắt mô hình").locator(".fjs-form-field-error"))
        .hasText("Trường này là bắt buộc, vui lòng chọn ngày.");
    assertThat(field(page, "Tiêu chí 1").locator(".fjs-form-field-error"))
        .hasText("Trường này là bắt buộc, vui lòng nhập.");
    assertThat(page.locator(".fjs-container")).not().containsText("Field is required");
    shot(page, "09b-required-date-says-choose");
  }

  /** The form field (label, input, messages) of the input labelled {@code label}. */
  private static Locator field(Page page, String label) {
    return page.locator(".fjs-form-field").filter(new Locator.FilterOptions().setHas(page.getByLabel(label)));
  }

  /** A commune official's text with a tag, a link, emphasis and a heading in it. */
  static final String HOSTILE = "<img src=x onerror=alert(1)> [link](http://example.invalid) **bold**\n# heading";

  private Page openTask(String user, String taskId) {
    Page page = open("vi-VN");
    logIn(page, "tasklist", user);
    page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    page.getByText("Nhận việc", new Page.GetByTextOptions().setExact(true)).first().click();
    return page;
  }

  /** A district-pilot of Hưng Hà started before {@code activity}, with its context and one more variable. */
  private ProcessInstance startHungHaBefore(String activity, String name, Object value) {
    return runtime.createProcessInstanceByKey("district-pilot").businessKey("339")
        .setVariables(Variables.createVariables().putValue("districtCode", "339")
            .putValue("districtName", "Huyện Hưng Hà").putValue("provinceCode", "34")
            .putValue("districtGroup", "district-339").putValue("provinceGroup", "province-34")
            .putValue(name, value))
        .startBeforeActivity(activity).execute();
  }

  /** Nothing of the official's text became an element: no image, no link, no heading, no bold. */
  private static void shownAsText(Page page, boolean[] alerted) {
    Locator form = page.locator(".fjs-container");
    assertThat(form).isVisible();
    assertThat(form.locator("img")).hasCount(0);
    // form-js's own "powered by bpmn.io" link aside, there is no link at all
    assertThat(form.locator(".fjs-form-field:not(.fjs-powered-by) a")).hasCount(0);
    assertThat(form.locator("a[href*=\"example.invalid\"]")).hasCount(0);
    assertThat(form.locator("h1")).hasCount(0);
    assertThat(form.locator("strong", new Locator.LocatorOptions().setHasText("bold"))).hasCount(0);
    assertThat(alerted[0]).as("no script ran").isFalse();
  }

  @Test
  void theDistrictSeesACommunesPlanAsTypedNotAsHtml() {
    ProcessInstance pilot = runtime.createProcessInstanceByKey("commune-pilot").businessKey("12637")
        .setVariables(Variables.createVariables().putValue("communeCode", "12637")
            .putValue("communeName", "Xã Liên Hiệp").putValue("districtCode", "339")
            .putValue("communeGroup", "commune-12637").putValue("districtGroup", "district-339")
            .putValue("districtName", "Huyện Hưng Hà").putValue("provinceCode", "34").putValue("tier", "district")
            .putValue("periodEnd", "2025-12-31").putValue("reportCycle", "P3M").putValue("appraisalRound", 0))
        .startBeforeActivity("DraftPlan").execute();
    // the commune submits its plan as Tasklist would: only its form's fields
    tasks.complete(tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult().getId(),
        Variables.createVariables()
            .putValue("planArea1", HOSTILE).putValue("planArea2", "Tiếp dân thân thiện\nDòng thứ hai")
            .putValue("planArea3", "Cán bộ tận tụy").putValue("planArea4", "Người đứng đầu gương mẫu")
            .putValue("planArea5", "Trụ sở xanh, sạch, đẹp").putValue("plannedLaunchDate", "2023-09-01")
            .putValue("planResponsible", "<b>Chủ tịch</b> UBND xã"));
    String taskId = tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult().getId();
    Page page = openTask("huyen339", taskId);
    boolean[] alerted = {false};
    page.onDialog(dialog -> {
      alerted[0] = true;
      dialog.dismiss();
    });

    Locator area1 = page.getByLabel("Tiêu chí 1 — Chính quyền hoạt động công khai, minh bạch, dân chủ");
    assertThat(area1).hasValue(HOSTILE);
    assertThat(area1).isDisabled();
    assertThat(page.getByLabel("Tiêu chí 2 — Chính quyền thân thiện, trách nhiệm"))
        .hasValue("Tiếp dân thân thiện\nDòng thứ hai");
    assertThat(page.getByLabel("Người chịu trách nhiệm chính")).hasValue("<b>Chủ tịch</b> UBND xã");
    shownAsText(page, alerted);
    // the planned launch date as every other date an official reads, and no button that says
    // "Trả lại" like the form's choice "Trả lại để bổ sung" (Tasklist's unclaim is "Bỏ nhận việc")
    assertThat(page.locator("body")).containsText("Ngày dự kiến ra mắt mô hình: 01/09/2023");
    assertThat(page.locator("body")).not().containsText("2023-09-01");
    assertThat(page.locator("button, a.btn, [role=button]").filter(new Locator.FilterOptions().setHasText("Trả lại")))
        .hasCount(0);
    shot(page, "10-district-reads-a-communes-plan-as-text");

    // the district's decision is all it submits: the commune's text stays the commune's
    page.getByText("Đồng ý kế hoạch").click();
    page.locator("button").getByText("Hoàn thành", new Locator.GetByTextOptions().setExact(true)).click();
    // other tests may leave review tasks of Hưng Hà in the list: wait for this instance to move on
    page.waitForCondition(() -> "LaunchModel".equals(
        tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult().getTaskDefinitionKey()));
    assertThat(runtime.getVariable(pilot.getId(), "planArea1")).isEqualTo(HOSTILE);
    assertThat(runtime.getVariable(pilot.getId(), "planDecision")).isEqualTo("approve");
  }

  @Test
  void theDistrictSeesCommunesLessonsInItsSummaryAsTyped() {
    String summary = "**Kết quả thí điểm: 1/1 xã được công nhận**\n\n"
        + "- Xã Chí Hòa (12679), thí điểm của tỉnh: 95 điểm, Xuất sắc, được công nhận (thẩm định 1 lần). Bài học: "
        + vn.thanthien.pilot.district.CommuneResultsCollector.lessons(HOSTILE) + "\n";
    ProcessInstance district = startHungHaBefore("DistrictLessons",
        "pilotResultsSummary", vn.thanthien.pilot.forms.DisplayText.longText(summary));
    String taskId = tasks.createTaskQuery().processInstanceId(district.getId()).singleResult().getId();
    Page page = openTask("huyen339", taskId);
    boolean[] alerted = {false};
    page.onDialog(dialog -> {
      alerted[0] = true;
      dialog.dismiss();
    });

    Locator form = page.locator(".fjs-container");
    assertThat(form).containsText("Kết quả thí điểm: 1/1 xã được công nhận");
    assertThat(form).containsText("<img src=x onerror=alert(1)> [link](http://example.invalid) **bold**");
    assertThat(form).containsText("# heading");
    // the application's own emphasis still works; the commune's is text
    assertThat(form.locator("strong", new Locator.LocatorOptions().setHasText("Kết quả thí điểm"))).hasCount(1);
    shownAsText(page, alerted);
    shot(page, "11-district-lessons-summary-as-text");
  }

  @Test
  void theProvinceReadsTheProposedPilotsWhenItApproves() {
    ProcessInstance district = startHungHaBefore("SelectPilots", "communeOptions",
        vn.thanthien.pilot.forms.JsonVariables.options(
            units.communesOf("339"), AdministrativeUnit::label, AdministrativeUnit::code));
    tasks.complete(tasks.createTaskQuery().processInstanceId(district.getId()).singleResult().getId(),
        Variables.createVariables()
            .putValue("pilotCommunes", vn.thanthien.pilot.forms.JsonVariables.checklist(List.of("12646", "12649")))
            .putValue("provincePilots", vn.thanthien.pilot.forms.JsonVariables.checklist(List.of("12646")))
            .putValue("selectionRationale", "Xã có phong trào tốt"));
    // the summary is a Json string (it grows with the number of pilots); the form shows its text
    assertThat(runtime.getVariable(district.getId(), "pilotSelectionSummary"))
        .isInstanceOf(org.camunda.spin.json.SpinJsonNode.class);
    String taskId = tasks.createTaskQuery().processInstanceId(district.getId()).singleResult().getId();
    Page page = openTask("tinh34", taskId);

    Locator form = page.locator(".fjs-container");
    assertThat(form).containsText("Huyện Hưng Hà đề xuất:");
    assertThat(form).containsText("Xã Tiến Đức (12646) — thí điểm của tỉnh");
    assertThat(form).containsText("Xã Thái Hưng (12649) — thí điểm của huyện");
    assertThat(form.locator("strong", new Locator.LocatorOptions().setHasText("thí điểm của tỉnh"))).hasCount(1);
    shot(page, "12-province-reads-the-proposed-pilots");
    runtime.deleteProcessInstance(district.getId(), "browser test done");
  }
}
