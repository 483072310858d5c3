package vn.thanthien.pilot.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Boot Actuator behind Camunda's own users (the application has no Spring Security):
 * HTTP Basic is checked against the engine's {@link IdentityService}, and the caller must be one
 * of the engine's administrators (a member of {@code camunda-admin} or another admin group, or an
 * admin user, as Camunda counts them).
 *
 * <ul>
 *   <li>{@code <base>/health} (and its components) is public: anyone gets the status; an
 *       administrator who sends credentials also gets the details
 *       ({@code management.endpoint.health.show-details: when-authorized} with the role
 *       {@value #ADMIN_ROLE}, which this filter grants to administrators).</li>
 *   <li>Every other endpoint (prometheus, metrics, …): 401 without credentials, 403 for anyone but
 *       an administrator.</li>
 *   <li>Wrong credentials answer 401 everywhere, health included, so that they count for the
 *       {@link LoginThrottleFilter}, which runs before this filter.</li>
 * </ul>
 */
public class ActuatorAccessFilter extends OncePerRequestFilter {

  /** The role an administrator holds for the actuator (management.endpoint.health.roles). */
  public static final String ADMIN_ROLE = "camunda-admin";

  static final String UNAUTHENTICATED = "Cần đăng nhập bằng tài khoản quản trị hệ thống để xem thông tin này.";
  static final String FORBIDDEN = "Chỉ quản trị hệ thống được xem thông tin giám sát của máy chủ.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identity;
  private final ProcessEngineConfigurationImpl configuration;
  private final String basePath;
  private final String healthPath;

  /** @param basePath the actuator's base path, e.g. {@code /actuator} */
  public ActuatorAccessFilter(IdentityService identity, ProcessEngineConfigurationImpl configuration,
      String basePath) {
    this.identity = identity;
    this.configuration = configuration;
    this.basePath = basePath;
    this.healthPath = basePath + "/health";
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = LoginThrottleFilter.pathOf(request);
    return !(path.equals(basePath) || path.startsWith(basePath + "/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = LoginThrottleFilter.pathOf(request);
    boolean publicPath = path.equals(healthPath) || path.startsWith(healthPath + "/");
    BasicCredentials credentials = BasicCredentials.parse(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (credentials == null) {
      if (publicPath) {
        chain.doFilter(request, response);
      } else {
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHENTICATED);
      }
      return;
    }
    if (!identity.checkPassword(credentials.user(), credentials.password())) {
      refuse(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHENTICATED);
      return;
    }
    boolean admin = isAdministrator(credentials.user());
    if (!admin && !publicPath) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, FORBIDDEN);
      return;
    }
    chain.doFilter(new AuthenticatedRequest(request, credentials.user(), admin), response);
  }

  private boolean isAdministrator(String user) {
    List<String> adminUsers = configuration.getAdminUsers();
    if (adminUsers != null && adminUsers.contains(user)) {
      return true;
    }
    List<String> adminGroups = configuration.getAdminGroups();
    return adminGroups != null && !adminGroups.isEmpty() && identity.createGroupQuery()
        .groupMember(user).groupIdIn(adminGroups.toArray(String[]::new)).count() > 0;
  }

  private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
    response.setStatus(status);
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"actuator\", charset=\"UTF-8\"");
    }
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(JSON.writeValueAsString(Map.of(
        "type", status == HttpServletResponse.SC_UNAUTHORIZED ? "AuthenticationRequired" : "Forbidden",
        "message", message)));
  }

  /** The request as seen by the actuator: who called, and whether as an administrator. */
  private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
    private final Principal principal;
    private final boolean admin;

    AuthenticatedRequest(HttpServletRequest request, String user, boolean admin) {
      super(request);
      this.principal = () -> user;
      this.admin = admin;
    }

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public String getRemoteUser() {
      return principal.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
      return admin && ADMIN_ROLE.equals(role);
    }
  }
}
