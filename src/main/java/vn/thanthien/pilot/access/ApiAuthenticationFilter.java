package vn.thanthien.pilot.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The application's own API under {@code /api} (the programme summary) answers the same users, with
 * the same rights, as the REST API and the webapps: either HTTP Basic, checked against the
 * engine's {@link IdentityService}, or the session of a user logged in to Cockpit, Tasklist or
 * Admin (so that a Cockpit page or a link in it can read it); with a session, anything but GET,
 * HEAD and OPTIONS must carry the session's CSRF token ({@code X-XSRF-TOKEN}), else 403. The user, with the groups and tenants
 * Camunda's authorizations are checked against, is authenticated in the engine for the request's
 * thread only, and cleared after it, whatever happens.
 *
 * <p>Without either, or with a wrong password, the answer is 401 with {@code WWW-Authenticate:
 * Basic} and a Vietnamese message; wrong passwords count for the {@link LoginThrottleFilter},
 * which runs before this filter. Credentials sent are checked even when a session exists: a
 * wrong password is never let through on the strength of a cookie.
 *
 * <p>Camunda's {@code ProcessEngineAuthenticationFilter}, used for {@code /engine-rest}, knows no
 * session and answers 401 without a body, hence this filter.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  static final String UNAUTHENTICATED = "Vui lòng đăng nhập: gửi tên đăng nhập và mật khẩu (HTTP Basic) "
      + "hoặc đăng nhập vào «Theo dõi quy trình» hay «Xử lý công việc» trước.";
  static final String WRONG_PASSWORD = "Tên đăng nhập hoặc mật khẩu không đúng.";
  static final String CSRF_MISSING = "Yêu cầu bị từ chối: thiếu hoặc sai mã chống giả mạo (X-XSRF-TOKEN) của phiên "
      + "đăng nhập; hãy tải lại trang rồi thử lại.";
  /** Methods that change nothing: the only ones a session may send without the CSRF token. */
  static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  /** How long a session's groups are trusted before they are read again (Camunda's webapps' default). */
  static final long SESSION_REVALIDATION_MILLIS = 5 * 60 * 1000L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final IdentityService identity;
  private final String engineName;

  public ApiAuthenticationFilter(IdentityService identity, String engineName) {
    this.identity = identity;
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    // Officials' own texts travel in these answers: a browser must never take them for a page.
    response.setHeader("X-Content-Type-Options", "nosniff");
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    String user;
    List<String> groups;
    List<String> tenants;
    if (authorization != null) {
      BasicCredentials credentials = BasicCredentials.parse(authorization);
      if (credentials == null || !identity.checkPassword(credentials.user(), credentials.password())) {
        refuse(response, WRONG_PASSWORD);
        return;
      }
      user = credentials.user();
      groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      tenants = identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
          .map(Tenant::getId).toList();
    } else {
      UserAuthentication session = sessionUser(request);
      if (session == null) {
        refuse(response, UNAUTHENTICATED);
        return;
      }
      if (!SAFE_METHODS.contains(request.getMethod()) && !carriesCsrfToken(request)) {
        refuseWithoutCsrfToken(response);
        return;
      }
      user = session.getIdentityId();
      groups = session.getGroupIds() == null ? List.of() : session.getGroupIds();
      tenants = session.getTenantIds() == null ? List.of() : session.getTenantIds();
    }
    identity.setAuthentication(user, groups, tenants);
    try {
      chain.doFilter(request, response);
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * The user logged in to the webapps in this request's session, for this engine, or null. Its
   * groups are read again once their time is up, as the webapps do (a user deleted meanwhile is no
   * longer logged in).
   */
  private UserAuthentication sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute("authenticatedUser") instanceof Authentications)) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    AuthenticationUtil.updateCache(authentications, session, SESSION_REVALIDATION_MILLIS);
    Authentication authentication = authentications.getAuthenticationForProcessEngine(engineName);
    return authentication instanceof UserAuthentication userAuthentication ? userAuthentication : null;
  }

  /**
   * Whether the request carries the session's CSRF token in {@code X-XSRF-TOKEN}, as the webapps
   * send it to their own API (Camunda's {@code CsrfPreventionFilter} keeps it in the session):
   * another site's page cannot read it, so it cannot make a logged-in official's browser upload
   * or remove anything.
   */
  private static boolean carriesCsrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
    return expected instanceof String token && !token.isEmpty() && sent != null
        && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }

  private static void refuseWithoutCsrfToken(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, CsrfConstants.CSRF_TOKEN_HEADER_REQUIRED);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader(HttpHeaders.CONNECTION, "close");
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(JSON.writeValueAsString(Map.of("type", "CsrfTokenRequired", "message", CSRF_MISSING)));
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"api\", charset=\"UTF-8\"");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(JSON.writeValueAsString(Map.of("type", "AuthenticationRequired", "message", message)));
  }
}
