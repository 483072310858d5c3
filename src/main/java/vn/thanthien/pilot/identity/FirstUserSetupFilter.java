package vn.thanthien.pilot.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda Admin's first-user setup ({@code <webapp>/api/admin/setup/{engine}/user/create}) is
 * closed for good: while {@code camunda-admin} has no member, Camunda lets anyone who calls it
 * create a user and makes that user an administrator. The first administrator comes from the
 * configuration at start instead ({@code PILOT_ADMIN_PASSWORD}, {@link OrganisationIdentitySeeder}).
 *
 * <p>Registered on the Admin API's servlet mapping, before Camunda's own webapp filters, it sees
 * the path as the servlet container decoded and normalised it (percent-encoding, path parameters
 * such as {@code ;jsessionid=}, double slashes), the path the Admin API then dispatches on. It
 * answers 403 to every method, every engine name and every state of the database, and reads
 * nothing of the request.
 */
public class FirstUserSetupFilter implements Filter {

  private static final Logger LOG = LoggerFactory.getLogger(FirstUserSetupFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String MESSAGE = "Không được tạo quản trị hệ thống qua trang thiết lập: chức năng này đã bị tắt. "
      + "Tài khoản quản trị hệ thống «admin» được tạo khi khởi động ứng dụng: người cài đặt đặt "
      + "PILOT_ADMIN_PASSWORD rồi khởi động lại.";
  /** The Admin API's resource path of the setup, its first segment after the servlet's own path. */
  private static final String SETUP_SEGMENT = "setup";

  private final String adminApiPath;

  /** @param adminApiPath the Admin API's servlet path, e.g. {@code /camunda/api/admin} */
  public FirstUserSetupFilter(String adminApiPath) {
    this.adminApiPath = adminApiPath;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    if (isSetup(request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))) {
      LOG.warn("Refused Camunda Admin's first-user setup: {} {} from {}", request.getMethod(),
          request.getRequestURI(), request.getRemoteAddr());
      HttpServletResponse response = (HttpServletResponse) res;
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setHeader("Cache-Control", "no-store");
      response.setContentType("application/json;charset=UTF-8");
      response.getWriter().write(JSON.writeValueAsString(Map.of("type", "Forbidden", "message", MESSAGE)));
      return;
    }
    chain.doFilter(req, res);
  }

  /**
   * Whether the (container-decoded) path leads to the setup resource: its first segment below the
   * Admin API, without matrix parameters and any remaining percent-encoding, empty and "."
   * segments skipped, is "setup" in any case.
   */
  boolean isSetup(String path) {
    if (!path.startsWith(adminApiPath + "/")) {
      return false;
    }
    for (String segment : path.substring(adminApiPath.length() + 1).split("/")) {
      String name = decoded(segment).split(";", 2)[0].strip();
      if (!name.isEmpty() && !name.equals(".")) {
        return name.toLowerCase(Locale.ROOT).startsWith(SETUP_SEGMENT);
      }
    }
    return false;
  }

  private static String decoded(String segment) {
    String name = segment;
    for (int round = 0; round < 3 && name.contains("%"); round++) {
      try {
        name = URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notEncoded) {
        break;
      }
    }
    return name;
  }
}
