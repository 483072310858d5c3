package vn.thanthien.pilot.webapp;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * What the browser tests share: Debian's Chromium driven by Playwright (skipped when missing,
 * unless {@code PILOT_E2E_REQUIRED=true} as in CI), a Vietnamese (or other) browser, the webapps'
 * login, and where screenshots go.
 */
public final class WebappBrowser {

  public static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");
  static final String PASSWORD = "ThanThien@2023";

  private WebappBrowser() {}

  /** Playwright without a browser download; the test is skipped here when no Chromium is installed. */
  public static Playwright playwright() throws IOException {
    Assumptions.assumeTrue(chromiumOrRequired(), "no Chromium at " + chromium());
    Files.createDirectories(SCREENSHOTS);
    com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
    return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  public static Browser launch(Playwright playwright) {
    return playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(chromium())
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
  }

  /** Whether the browser tests run: a Chromium is there, or CI requires them (and fails without one). */
  static boolean chromiumOrRequired() {
    return "true".equals(System.getenv("PILOT_E2E_REQUIRED")) || Files.isExecutable(chromium());
  }

  private static Path chromium() {
    return Path.of(System.getenv().getOrDefault("PILOT_CHROMIUM", "/usr/bin/chromium"));
  }

  /** A new browser window speaking {@code locale} first. */
  public static Page open(Browser browser, String locale, int width, int height) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setLocale(locale).setViewportSize(width, height)
        .setExtraHTTPHeaders(Map.of("Accept-Language", locale + "," + locale.substring(0, 2))));
    // generous: the first load of a webapp on a busy 2-core machine can take a while
    context.setDefaultTimeout(60_000);
    return context.newPage();
  }

  /**
   * A phone's browser window, as Playwright emulates one: {@code width} x {@code height} CSS pixels,
   * touch, a mobile viewport, device scale 3, Vietnamese.
   */
  public static Page phone(Browser browser, int width, int height) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions()
        .setLocale("vi-VN").setViewportSize(width, height).setDeviceScaleFactor(3)
        .setIsMobile(true).setHasTouch(true)
        .setUserAgent("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/156.0 Mobile Safari/537.36")
        .setExtraHTTPHeaders(Map.of("Accept-Language", "vi-VN,vi")));
    context.setDefaultTimeout(60_000);
    return context.newPage();
  }

  /** How far the page reaches beyond the window's right edge, in CSS pixels (0: no sideways scrolling). */
  public static double overflow(Page page) {
    return ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).doubleValue();
  }

  /**
   * Logs in to Tasklist and waits until it has settled (chosen a filter and written it into the
   * address), forgetting the login throttle's counters first (other tests spend 127.0.0.1's budget
   * on purpose). A login that does not settle (seen only on a loaded machine, at a different login
   * each time) is tried once more from the login page, keeping a screenshot of what it showed.
   */
  public static void logInToTasklist(Page page, int port, String user, vn.thanthien.pilot.access.LoginThrottle throttle) {
    for (int attempt = 1; ; attempt++) {
      throttle.forgetAll();
      try {
        logIn(page, port, "tasklist", user);
        page.waitForURL(java.util.regex.Pattern.compile(".*[?&]filter=.*"), new Page.WaitForURLOptions().setTimeout(40_000));
        return;
      } catch (com.microsoft.playwright.TimeoutError stuck) {
        if (attempt == 2) {
          throw stuck;
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("login-stuck-tasklist-" + user + ".png")));
        System.err.println("Login to Tasklist as " + user + " did not settle at " + page.url());
      }
    }
  }

  /** Logs in to a webapp ({@code tasklist}, {@code cockpit}, …) with the demo password. */
  static void logIn(Page page, int port, String app, String user) {
    page.navigate("http://localhost:" + port + "/camunda/app/" + app + "/default/#/login");
    page.locator("form[name=\"signinForm\"] input[ng-model=\"username\"]").fill(user);
    page.locator("form[name=\"signinForm\"] input[ng-model=\"password\"]").fill(PASSWORD);
    page.locator("form[name=\"signinForm\"] button[type=\"submit\"]").click();
  }
}
