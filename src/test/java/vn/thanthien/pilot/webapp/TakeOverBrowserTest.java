package vn.thanthien.pilot.webapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * "Nhận lại việc" in a real browser: a colleague takes over the task another official of the unit
 * holds; a district that follows the commune's task is not offered the button. Skipped without a
 * Chromium (see {@link WebappBrowser}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TakeOverBrowserTest {

  static final String COLLEAGUE = "xa12679thay";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired vn.thanthien.pilot.access.LoginThrottle throttle;

  Playwright playwright;
  Browser browser;

  @BeforeAll
  void launchBrowser() throws Exception {
    playwright = WebappBrowser.playwright();
    browser = WebappBrowser.launch(playwright);
    if (identity.createUserQuery().userId(COLLEAGUE).count() == 0) {
      User user = identity.newUser(COLLEAGUE);
      user.setFirstName("Cán bộ");
      user.setLastName("Làm thay");
      user.setPassword(WebappBrowser.PASSWORD);
      identity.saveUser(user);
      identity.createMembership(COLLEAGUE, "commune-12679");
    }
  }

  @AfterAll
  void closeBrowser() {
    // the shared context's other tests count Chí Hòa's officials
    identity.deleteUser(COLLEAGUE);
    if (playwright != null) {
      playwright.close();
    }
  }

  private Page taskAs(String user, String task) {
    Page page = WebappBrowser.open(browser, "vi-VN", 1400, 1000);
    WebappBrowser.logInToTasklist(page, port, user, throttle);
    page.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
    assertThat(page.locator("body.pilot-task-checked")).hasCount(1);
    return page;
  }

  @Test
  void aColleagueTakesOverTheTaskAnotherOfficialHolds() {
    String pilot = runtime.startProcessInstanceByKey("commune-pilot", "12679",
        CommuneInputs.startInput("12679", "province", "2025-12-31")).getId();
    String task = tasks.createTaskQuery().processInstanceId(pilot).singleResult().getId();
    tasks.claim(task, "xa12679");

    Page district = taskAs("huyen339", task);
    assertThat(district.locator(".task-card header .assignee")).containsText("xa12679");
    assertThat(district.locator(".task-card .pilot-take-over")).isHidden();
    district.context().close();

    Page page = taskAs(COLLEAGUE, task);
    Locator header = page.locator(".task-card header");
    Locator takeOver = header.locator(".pilot-take-over");
    assertThat(takeOver).isVisible();
    assertThat(takeOver).hasText("Nhận lại việc");
    page.screenshot(new Page.ScreenshotOptions().setPath(WebappBrowser.SCREENSHOTS.resolve("20-take-over.png")));
    takeOver.click();
    // the page reloads with the task in the colleague's hands: Tasklist offers to give it back
    assertThat(header.locator(".unclaim")).isVisible();
    assertThat(header.locator(".pilot-take-over")).isHidden();
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(COLLEAGUE);
    runtime.deleteProcessInstance(pilot, "test ended");
  }
}
