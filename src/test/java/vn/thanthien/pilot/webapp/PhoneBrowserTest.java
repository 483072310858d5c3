package vn.thanthien.pilot.webapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.LoginThrottle;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * Tasklist on a phone (Playwright's emulation: touch, a mobile viewport, device scale 3, vi-VN) at
 * 360x740 and 390x844: a commune official logs in, lands on "Việc cần làm", opens the plan, takes
 * it, writes it, picks the launch date with the phone's own date picker, attaches a large photo from the camera (shown as a
 * thumbnail) and completes it; the district reviews that plan and the province appraises a commune
 * on the phone; every task form of the programme and of the follow-up of late work (20) and the programme's start form open without
 * sideways scrolling; Tasklist has
 * a web app manifest and icon. Screenshots of
 * each step go to {@code target/e2e-screenshots/phone-*}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneBrowserTest {

  static final String CHI_HOA = "12679";
  static final String TIEN_DUC = "12646";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired LoginThrottle throttle;
  @Autowired vn.thanthien.pilot.organisation.UnitDirectory units;

  Playwright playwright;
  Browser browser;
  final List<String> started = new ArrayList<>();

  @BeforeAll
  void launchBrowser() throws Exception {
    playwright = WebappBrowser.playwright();
    browser = WebappBrowser.launch(playwright);
  }

  @AfterAll
  void closeBrowser() {
    started.forEach(id -> {
      if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtime.deleteProcessInstance(id, "test ended");
      }
    });
    if (playwright != null) {
      playwright.close();
    }
  }

  private Page logIn(String user, int width, int height) {
    Page page = WebappBrowser.phone(browser, width, height);
    WebappBrowser.logInToTasklist(page, port, user, throttle);
    return page;
  }

  private void shot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(WebappBrowser.SCREENSHOTS.resolve("phone-" + name + ".png")));
  }

  private static void noSidewaysScrolling(Page page, String where) {
    assertThat(WebappBrowser.overflow(page)).as("sideways scrolling on the phone: " + where).isLessThanOrEqualTo(0);
  }

  /** The element is a touch target of at least 44 x 44 CSS pixels. */
  private static void touchable(Locator target, String what) {
    BoundingBox box = target.boundingBox();
    assertThat(box).as(what + " is on the screen").isNotNull();
    assertThat(Math.min(box.width, box.height)).as(what + ": touch target (px)").isGreaterThanOrEqualTo(44);
  }

  private static byte[] largePhoto() throws Exception {
    BufferedImage image = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(200, 30, 40), 4000, 3000, new Color(250, 220, 0)));
    g.fillRect(0, 0, 4000, 3000);
    g.dispose();
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", jpeg);
    return jpeg.toByteArray();
  }

  /** Taps the task in the list (other tests of the shared context may leave tasks of the same name). */
  private void openInList(Page page, String taskName, String taskId) {
    Locator task = page.locator(".tasks-list .task").filter(new Locator.FilterOptions().setHasText(taskName));
    task.locator("h4 a[href*=\"" + taskId + "\"]").tap();
    assertThat(page.locator("body.pilot-phone-task.pilot-task-checked")).hasCount(1);
  }

  private void openTask(Page page, String taskId) {
    page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    assertThat(page.locator("body.pilot-phone-task.pilot-task-checked")).hasCount(1);
  }

  private static void take(Page page) {
    Locator claim = page.locator(".task-card .actors .claim");
    touchable(claim, "«Nhận việc»");
    claim.tap();
    assertThat(page.locator(".task-card .actors .claim")).hasCount(0);
  }

  private static void complete(Page page) {
    List<String> complaints = page.locator(".task-card .fjs-form-field-error").allTextContents();
    assertThat(complaints).as("what the form still complains about").isEmpty();
    Locator done = page.locator(".task-card button").getByText("Hoàn thành", new Locator.GetByTextOptions().setExact(true));
    touchable(done, "«Hoàn thành»");
    done.tap();
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"360,740," + CHI_HOA, "390,844," + TIEN_DUC})
  void aCommuneOfficialAttachesAPhotoAndCompletesThePlanOnAPhone(int width, int height, String commune) throws Exception {
    String size = width + "x" + height;
    ProcessInstance pilot = runtime.startProcessInstanceByKey("commune-pilot", commune,
        CommuneInputs.startInput(commune, "province", "2025-12-31"));
    started.add(pilot.getId());
    String plan = tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult().getId();

    Page page = logIn("xa" + commune, width, height);
    // lands on "Việc cần làm"; the header names the product whole; one column: no task pane yet
    assertThat(page.locator(".task-filters .task-filter.active")).containsText("Việc cần làm");
    Locator brand = page.locator(".navbar-brand .brand-name");
    assertThat(brand).containsText("Chính quyền thân thiện vì nhân dân phục vụ");
    BoundingBox name = brand.boundingBox();
    assertThat(name.x + name.width).as("the header's name fits the screen").isLessThanOrEqualTo(width);
    assertThat(page.locator(".column-right")).isHidden();
    touchable(page.locator(".task-filters .task-filter.active"), "the filter «Việc cần làm»");
    noSidewaysScrolling(page, "the list");
    shot(page, size + "-1-list");

    // the task alone, its form within the first screen, a way back
    openInList(page, "Xây dựng kế hoạch thực hiện mô hình", plan);
    assertThat(page.locator(".column-center")).isHidden();
    Locator back = page.locator(".pilot-phone-back");
    assertThat(back).hasText("← Danh sách công việc");
    touchable(back, "«Danh sách công việc»");
    take(page);
    Locator form = page.locator(".task-card .fjs-form");
    assertThat(form).isVisible();
    assertThat(form.boundingBox().y).as("the form starts within the first screen").isLessThan(height);
    noSidewaysScrolling(page, "the plan");
    shot(page, size + "-2-task");

    Locator areas = page.locator(".fjs-form-field-textarea textarea");
    for (int area = 0; area < 5; area++) {
      areas.nth(area).fill("Nội dung thực hiện tiêu chí " + (area + 1) + " tại xã, có người phụ trách và thời hạn.");
    }
    // on a phone the date is the phone's own date picker (flatpickr's native input)
    Locator date = page.locator(".fjs-form-field-datetime input.flatpickr-mobile").first();
    date.scrollIntoViewIfNeeded();
    assertThat(date).hasAttribute("type", "date");
    touchable(date, "the launch date");
    date.fill("2026-12-15");
    date.dispatchEvent("change");
    noSidewaysScrolling(page, "the date field");
    page.locator(".fjs-form-field-textfield input").last().fill("Chủ tịch UBND xã");
    shot(page, size + "-4-form");

    // the photo, from the camera: a 4000 x 3000 JPEG, shown as a thumbnail
    page.locator(".nav-tabs a").getByText("Minh chứng", new Locator.GetByTextOptions().setExact(true)).tap();
    Locator pane = page.locator(".pilot-evidence");
    touchable(pane.locator(".pilot-evidence-photo"), "«Chụp ảnh»");
    touchable(pane.locator(".pilot-evidence-choose"), "«Chọn tệp…»");
    assertThat(pane.locator(".pilot-evidence-camera")).hasAttribute("capture", "environment");
    byte[] photo = largePhoto();
    pane.locator(".pilot-evidence-camera").setInputFiles(new FilePayload("Ảnh kế hoạch đã ký.jpg", "image/jpeg", photo));
    assertThat(pane.locator(".pilot-evidence-status")).containsText("Đã đính kèm 1 tệp");
    Locator thumb = pane.locator(".pilot-evidence-file img.pilot-evidence-thumb");
    assertThat(thumb).hasCount(1);
    thumb.scrollIntoViewIfNeeded();
    page.waitForFunction("img => img.complete && img.naturalWidth > 0", thumb.elementHandle());
    assertThat(((Number) thumb.evaluate("img => Math.max(img.naturalWidth, img.naturalHeight)")).intValue())
        .as("a thumbnail, not the photo's 4000 px").isBetween(1, 240);
    noSidewaysScrolling(page, "the evidence tab");
    shot(page, size + "-5-evidence");

    // back on the form: what was typed before opening «Minh chứng» is still there
    page.locator(".nav-tabs a").getByText("Biểu mẫu", new Locator.GetByTextOptions().setExact(true)).tap();
    assertThat(page.locator(".fjs-form-field-textarea textarea").first()).hasValue(Pattern.compile("Nội dung thực hiện tiêu chí 1.*"));
    assertThat(page.locator(".fjs-form-field-datetime input.flatpickr-mobile").first()).hasValue("2026-12-15");
    complete(page);
    assertThat(page.locator(".pilot-phone-task")).hasCount(0);
    shot(page, size + "-6-done");
    Task review = tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).as("the plan was completed on the phone").isEqualTo("ReviewPlan");
    assertThat(runtime.getVariable(pilot.getId(), "planResponsible")).isEqualTo("Chủ tịch UBND xã");
    assertThat(runtime.getVariable(pilot.getId(), "plannedLaunchDate")).as("the date picked on the phone")
        .isEqualTo("2026-12-15");
    page.context().close();

    // the district reviews that plan on the phone
    Page district = logIn("huyen339", width, height);
    openTask(district, review.getId());
    take(district);
    Locator approve = district.locator(".fjs-form-field-radio label").filter(
        new Locator.FilterOptions().setHasText(Pattern.compile("Đồng ý|Thông qua|Phê duyệt"))).first();
    touchable(approve, "the review's choice");
    approve.tap();
    noSidewaysScrolling(district, "the plan review");
    shot(district, size + "-7-district-review");
    complete(district);
    assertThat(district.locator(".pilot-phone-task")).hasCount(0);
    assertThat(tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult().getTaskDefinitionKey())
        .as("the district completed the review on the phone").isEqualTo("LaunchModel");
    district.context().close();
  }

  @Test
  void theProvinceAppraisesACommuneOnAPhoneWithTheNumericKeyboard() {
    ProcessInstance pilot = communeAt(CHI_HOA, "Appraisal");
    String appraisal = tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult().getId();
    Page page = logIn("tinh34", 390, 844);
    // Tasklist can be added to the home screen: a manifest and its icon
    Locator manifest = page.locator("link[rel=manifest]");
    assertThat(manifest).hasCount(1);
    com.microsoft.playwright.APIResponse described = page.request().get(
        page.evaluate("document.querySelector('link[rel=manifest]').href").toString());
    assertThat(described.status()).isEqualTo(200);
    assertThat(described.text()).contains("\"short_name\": \"Xử lý công việc\"").contains("\"display\": \"standalone\"");
    com.microsoft.playwright.APIResponse icon = page.request().get(
        "http://localhost:" + port + "/camunda/app/tasklist/icons/icon-192.png");
    assertThat(icon.status()).isEqualTo(200);
    assertThat(icon.headers().get("content-type")).isEqualTo("image/png");
    openTask(page, appraisal);
    take(page);
    Locator remarks = page.getByLabel("Nhận xét, kết luận thẩm định");
    remarks.fill("Xã thực hiện tốt các tiêu chí, hồ sơ đầy đủ.");
    remarks.blur();
    Locator scores = page.locator(".fjs-form-field-number input.fjs-input");
    assertThat(scores).hasCount(5);
    for (int area = 0; area < 5; area++) {
      assertThat(scores.nth(area)).hasAttribute("inputmode", "decimal");
      touchable(scores.nth(area), "score " + (area + 1));
      scores.nth(area).fill(area == 1 ? "18" : "17");
    }
    scores.last().blur();
    assertThat(remarks).hasValue("Xã thực hiện tốt các tiêu chí, hồ sơ đầy đủ.");
    noSidewaysScrolling(page, "the appraisal");
    shot(page, "390x844-8-province-appraisal");
    complete(page);
    assertThat(page.locator(".pilot-phone-task")).hasCount(0);
    assertThat(runtime.getVariable(pilot.getId(), "appraisedArea2")).as("the province's scores were saved")
        .isIn(18, 18L, 18.0);
    page.context().close();
  }

  @Test
  void everyTaskFormOfTheProductFitsA360PxPhone() {
    Page page = logIn("admin", 360, 740);
    List<String> overflowing = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (String activity : List.of("DraftPlan", "ReviewPlan", "LaunchModel", "PeriodicReport", "InterimReport",
        "SelfAssessment", "Appraisal", "IssueRecognition", "Remediate", "CommuneLessons")) {
      ProcessInstance instance = communeAt(CHI_HOA, activity);
      lookAtTheForm(page, instance, activity, overflowing, seen);
    }
    ProcessInstance selecting = districtAt("SelectPilots");
    lookAtTheForm(page, selecting, "SelectPilots", overflowing, seen);
    ProcessInstance approving = districtAt("SelectPilots");
    tasks.complete(tasks.createTaskQuery().processInstanceId(approving.getId()).singleResult().getId(),
        Variables.createVariables()
            .putValue("pilotCommunes", vn.thanthien.pilot.forms.JsonVariables.checklist(List.of("12646", "12649")))
            .putValue("provincePilots", vn.thanthien.pilot.forms.JsonVariables.checklist(List.of("12646")))
            .putValue("selectionRationale", "Xã có phong trào tốt"));
    lookAtTheForm(page, approving, "ApproveSelection", overflowing, seen);
    for (String activity : List.of("DistrictInterimReview", "DistrictLessons", "PlanRollout", "DistrictFinalReport")) {
      lookAtTheForm(page, districtAt(activity), activity, overflowing, seen);
    }
    ProcessInstance programme = runtime.startProcessInstanceByKey("pilot-programme", Variables.createVariables()
        .putValue("programmeTitle", "Chính quyền thân thiện vì nhân dân phục vụ").putValue("decisionNumber", "08-ĐA/TU")
        .putValue("decisionDate", "2023-07-05").putValue("periodStart", "2023-07-05")
        .putValue("periodEnd", "2024-06-30").putValue("reportCycle", "P6M"));
    started.add(programme.getId());
    lookAtTheForm(page, programme, "SelectDistricts", overflowing, seen);
    for (String activity : List.of("ProvinceInterimReview", "ProvinceFinalReview")) {
      ProcessInstance reviewing = runtime.createProcessInstanceByKey("pilot-programme").businessKey("34")
          .setVariables(Variables.createVariables().putValue("programmeTitle", "Chính quyền thân thiện vì nhân dân phục vụ")
              .putValue("decisionNumber", "08-ĐA/TU").putValue("decisionDate", "2023-07-05")
              .putValue("periodStart", "2023-07-05").putValue("periodEnd", "2024-06-30").putValue("reportCycle", "P6M")
              .putValue("provinceCode", "34").putValue("provinceName", "Tỉnh Thái Bình")
              .putValue("provinceGroup", "province-34"))
          .startBeforeActivity(activity).execute();
      started.add(reviewing.getId());
      lookAtTheForm(page, reviewing, activity, overflowing, seen);
    }
    ProcessInstance followUp = runtime.createProcessInstanceByKey("late-work-follow-up").businessKey(CHI_HOA)
        .setVariables(Variables.createVariables()
        .putValue("followUpGroup", "district-339").putValue("lateUnitCode", CHI_HOA)
        .putValue("lateUnitName", "UBND xã Chí Hòa").putValue("lateTaskName", "Báo cáo định kỳ, khảo sát sự hài lòng")
        .putValue("lateTaskLink", "/camunda/app/tasklist/default/#/?task=x").putValue("lateDueText", "17 giờ 00 ngày 01/12/2026")
        .putValue("lateConcerning", "Xã Chí Hòa, huyện Hưng Hà"))
        .startBeforeActivity("FollowUpLateWork").execute();
    started.add(followUp.getId());
    lookAtTheForm(page, followUp, "FollowUpLateWork", overflowing, seen);
    assertThat(seen).as("task forms looked at on the phone").hasSize(20);
    assertThat(overflowing).as("forms wider than a 360 px phone").isEmpty();
    page.context().close();
  }

  @Test
  void theProvinceStartsTheProgrammeFromAPhone() {
    Page page = logIn("tinh34", 360, 740);
    // the header's menu button opens the menu, where "Bắt đầu quy trình" is
    Locator menu = page.locator(".navbar-header .navbar-toggle");
    touchable(menu, "the menu button");
    menu.tap();
    page.locator(".start-process-action a").first().tap();
    Locator dialog = page.locator(".modal-dialog");
    assertThat(dialog).isVisible();
    dialog.getByText(Pattern.compile("Đề án Chính quyền thân thiện")).first().tap();
    assertThat(dialog.locator(".fjs-form")).isVisible();
    dialog.locator(".fjs-form .fjs-form-field").first().waitFor();
    noSidewaysScrolling(page, "the programme's start form");
    BoundingBox box = dialog.boundingBox();
    assertThat(box.x + box.width).as("the start dialog fits the screen").isLessThanOrEqualTo(360);
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
        .setPath(WebappBrowser.SCREENSHOTS.resolve("phone-form-pilot-programme-start.png")));
    page.context().close();
  }

  @Test
  void theAdministratorOpensTheOtherStartFormsOnAPhone() {
    Page page = logIn("admin", 360, 740);
    List<String> overflowing = new ArrayList<>();
    for (String process : List.of("Thí điểm và nhân rộng mô hình cấp huyện", "Thực hiện mô hình tại xã",
        "Sắp xếp đơn vị hành chính")) {
      Locator start = page.locator(".start-process-action a").first();
      if (!start.isVisible()) {
        page.locator(".navbar-header .navbar-toggle").tap(); // the menu, closed at first
      }
      start.tap();
      Locator dialog = page.locator(".modal-dialog");
      assertThat(dialog).isVisible();
      dialog.getByText(process, new Locator.GetByTextOptions().setExact(true)).first().tap();
      assertThat(dialog.locator(".fjs-form")).isVisible();
      dialog.locator(".fjs-form .fjs-form-field").first().waitFor();
      if (WebappBrowser.overflow(page) > 0) {
        overflowing.add(process + " (" + WebappBrowser.overflow(page) + " px)");
      }
      BoundingBox box = dialog.boundingBox();
      assertThat(box.x + box.width).as("the start dialog of «" + process + "» fits the screen").isLessThanOrEqualTo(360);
      page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
          .setPath(WebappBrowser.SCREENSHOTS.resolve("phone-start-form-" + overflowing.size() + "-"
              + process.replaceAll("[^A-Za-z]", "") + ".png")));
      page.keyboard().press("Escape");
      assertThat(page.locator(".modal-dialog")).hasCount(0);
    }
    assertThat(overflowing).as("start forms wider than a 360 px phone").isEmpty();
    page.context().close();
  }

  private void lookAtTheForm(Page page, ProcessInstance instance, String activity, List<String> overflowing,
      List<String> seen) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).singleResult();
    assertThat(task).as("a task " + activity).isNotNull();
    openTask(page, task.getId());
    assertThat(page.locator(".task-card .fjs-form")).isVisible();
    page.locator(".task-card .fjs-form .fjs-form-field").first().waitFor();
    if (WebappBrowser.overflow(page) > 0) {
      overflowing.add(activity + " (" + WebappBrowser.overflow(page) + " px)");
    }
    seen.add(activity);
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
        .setPath(WebappBrowser.SCREENSHOTS.resolve("phone-form-" + activity + ".png")));
  }

  /** Hưng Hà's district pilot waiting at {@code activity}. */
  private ProcessInstance districtAt(String activity) {
    ProcessInstance instance = runtime.createProcessInstanceByKey("district-pilot").businessKey("339")
        .setVariables(Variables.createVariables().putValue("districtCode", "339")
            .putValue("districtName", "Huyện Hưng Hà").putValue("provinceCode", "34")
            .putValue("districtGroup", "district-339").putValue("provinceGroup", "province-34")
            .putValue("periodEnd", "2025-12-31").putValue("reportCycle", "P6M")
            .putValue("communeOptions", vn.thanthien.pilot.forms.JsonVariables.options(
                units.communesOf("339"), AdministrativeUnit::label, AdministrativeUnit::code)))
        .startBeforeActivity(activity).execute();
    started.add(instance.getId());
    return instance;
  }

  /** A province pilot of Hưng Hà waiting at {@code activity}, with what the earlier steps recorded. */
  private ProcessInstance communeAt(String commune, String activity) {
    VariableMap variables = Variables.createVariables().putValue("communeCode", commune)
        .putValue("communeName", "Xã Chí Hòa").putValue("districtCode", "339")
        .putValue("communeGroup", "commune-" + commune).putValue("districtGroup", "district-339")
        .putValue("provinceCode", "34").putValue("tier", "province").putValue("periodEnd", "2025-12-31")
        .putValue("reportCycle", "P3M").putValue("appraisalRound", 0).putValue("reportNumber", 0)
        .putValue("appraiserGroup", "province-34").putValue("reportDueAt", new java.util.Date())
        .putValue("interimReviewAt", new java.util.Date()).putValue("passed", true).putValue("totalScore", 87)
        .putValue("ratingLevel", "Khá");
    variables.putAll(CommuneInputs.plan());
    for (int area = 1; area <= 5; area++) {
      variables.putValue("selfArea" + area, 17);
    }
    ProcessInstance instance = runtime.createProcessInstanceByKey("commune-pilot").businessKey(commune)
        .setVariables(variables).startBeforeActivity(activity).execute();
    started.add(instance.getId());
    return instance;
  }
}
