package vn.thanthien.pilot.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.thanthien.pilot.access.LoginThrottle.Attempt;
import vn.thanthien.pilot.access.LoginThrottle.Outcome;

/**
 * Puts the {@link LoginThrottle} in front of every way to log in: any request with HTTP Basic
 * credentials, whatever its path (the REST API {@code /engine-rest}, the application's {@code /api}
 * and the actuator, bare paths included, and any path added later), and the webapps' login form
 * ({@code POST <webapps>/api/admin/auth/user/{engine}/login/{app}}). A throttled attempt answers
 * 429 with a Vietnamese message and {@code Retry-After}, without the password being checked. The
 * client address is {@link ClientAddress}'s. A login on the form proven right sets a device
 * cookie ({@link DeviceCookies}); an attempt carrying a valid one for its user name counts under
 * that device instead of the address. Requests without credentials (a webapp session) pass.
 *
 * <p>Must run before the filters that check the password (Camunda's on {@code /engine-rest/*},
 * {@link ApiAuthenticationFilter} on {@code /api/*}, {@link ActuatorAccessFilter} on
 * {@code /actuator/*}) and after Spring's character-encoding filter (the login form is read here).
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String MESSAGE = "Đăng nhập sai quá nhiều lần với tên đăng nhập này từ địa chỉ của "
      + "anh/chị. Vui lòng chờ %d giây rồi thử lại; nếu quên mật khẩu, hãy liên hệ quản trị hệ thống.";
  static final String ADDRESS_MESSAGE = "Có quá nhiều lần đăng nhập sai từ địa chỉ của anh/chị. Vui lòng "
      + "chờ %d giây rồi thử lại; trình duyệt anh/chị đã đăng nhập thành công trước đây vẫn đăng nhập được.";
  static final String DEVICE_MESSAGE = "Đăng nhập sai quá nhiều lần với tên đăng nhập này trên trình duyệt "
      + "này. Vui lòng chờ %d giây rồi thử lại; nếu quên mật khẩu, hãy liên hệ quản trị hệ thống.";

  /** A login form is a user name and a password: anything longer is refused with 413. */
  static final int MAX_LOGIN_BODY = 16 * 1024;

  private final LoginThrottle throttle;
  private final DeviceCookies devices;
  private final String webappLoginPrefix;

  /** @param webappPath the webapps' path, e.g. {@code /camunda} */
  public LoginThrottleFilter(LoginThrottle throttle, DeviceCookies devices, String webappPath) {
    this.throttle = throttle;
    this.devices = devices;
    this.webappLoginPrefix = webappPath + "/api/admin/auth/user/";
  }

  private enum Kind { BASIC, WEBAPP_LOGIN }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    String path = pathOf(request);
    Kind kind = null;
    String user = null;
    // The login form first: it checks the form's user name, whatever Authorization header comes along.
    if (path.startsWith(webappLoginPrefix) && path.contains("/login/")
        && "POST".equalsIgnoreCase(request.getMethod())) {
      kind = Kind.WEBAPP_LOGIN;
      // Read the form body here (never the query string, which the login does not use) and hand
      // the same bytes on: the user name throttled is the one the login resource will read.
      byte[] body = request.getInputStream().readNBytes(MAX_LOGIN_BODY + 1);
      if (body.length > MAX_LOGIN_BODY) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      user = formUser(body, request.getCharacterEncoding());
      request = new CachedBodyRequest(request, body);
    } else {
      user = basicUser(request.getHeader(HttpHeaders.AUTHORIZATION));
      kind = user == null ? null : Kind.BASIC;
    }
    if (user == null) {
      // No password is checked for this request: nothing to slow down.
      chain.doFilter(request, response);
      return;
    }
    String device = devices.deviceOf(request, user);
    Attempt attempt = throttle.acquire(ClientAddress.limitKey(request), user, device);
    if (!attempt.allowed()) {
      LOG.debug("Login throttled ({}): {} {} from {}, retry after {} s", attempt.refusedBy(), request.getMethod(),
          path, ClientAddress.of(request), attempt.retryAfterSeconds());
      refuse(response, attempt);
      return;
    }
    HttpServletResponse answer = kind == Kind.WEBAPP_LOGIN
        ? new DeviceCookieResponse(response, devices, user, request.isSecure()) : response;
    Outcome outcome = Outcome.UNKNOWN;
    try {
      chain.doFilter(request, answer);
      outcome = outcomeOf(kind, response.getStatus());
      if (answer instanceof DeviceCookieResponse withCookie) {
        withCookie.addCookieIfVerified();
      }
    } finally {
      throttle.release(attempt, outcome);
    }
  }

  /**
   * A 401 to a request with credentials counts as a wrong password (on the REST API, {@code /api}
   * and the actuator it means exactly that; a path that reads no credentials, such as the webapps'
   * API without a session, is counted alike, which errs on the safe side); any other answer proves
   * nothing (some paths need no credentials at all). The login form answers 200 only after the
   * password was found right.
   */
  private static Outcome outcomeOf(Kind kind, int status) {
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      return Outcome.FAILED;
    }
    if (kind == Kind.WEBAPP_LOGIN && status == HttpServletResponse.SC_OK) {
      return Outcome.VERIFIED;
    }
    return Outcome.UNKNOWN;
  }

  /** The path as the servlet container mapped it (decoded, normalised, without path parameters). */
  static String pathOf(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
  }

  /**
   * The user name of an HTTP Basic {@code Authorization} header, decoded exactly as Camunda's
   * {@code HttpBasicAuthenticationProvider} does, so that no header checked by Camunda escapes the
   * throttle; null when no password is checked.
   */
  static String basicUser(String authorization) {
    BasicCredentials credentials = BasicCredentials.parse(authorization);
    return credentials == null ? null : credentials.user();
  }

  /**
   * The first {@code username} of a form body (the one the login resource reads). A body without
   * one, or in an unknown charset, is throttled under the empty name all the same.
   */
  static String formUser(byte[] body, String charsetName) {
    Charset charset;
    try {
      charset = charsetName == null ? StandardCharsets.UTF_8 : Charset.forName(charsetName);
    } catch (IllegalArgumentException unknown) {
      return "";
    }
    for (String field : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
      int equals = field.indexOf('=');
      String name = equals < 0 ? field : field.substring(0, equals);
      if ("username".equals(decode(name, charset))) {
        return equals < 0 ? "" : decode(field.substring(equals + 1), charset);
      }
    }
    return "";
  }

  private static String decode(String encoded, Charset charset) {
    try {
      // The body's bytes were read as ISO-8859-1 (one char per byte); re-encode them before decoding.
      return URLDecoder.decode(new String(encoded.getBytes(StandardCharsets.ISO_8859_1), charset), charset);
    } catch (IllegalArgumentException malformed) {
      return encoded;
    }
  }

  /** The request with its body read once and served again to the login resource behind. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reading only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(),
          encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }

  /**
   * The login form's answer: once it is 200 (the password was right), it carries a new device
   * cookie for the user, set before the body is written (the response is then committed).
   */
  private static final class DeviceCookieResponse extends HttpServletResponseWrapper {
    private final DeviceCookies devices;
    private final String user;
    private final boolean secure;
    private boolean added;

    DeviceCookieResponse(HttpServletResponse response, DeviceCookies devices, String user, boolean secure) {
      super(response);
      this.devices = devices;
      this.user = user;
      this.secure = secure;
    }

    void addCookieIfVerified() {
      if (!added && !isCommitted() && getStatus() == HttpServletResponse.SC_OK) {
        added = true;
        addHeader(HttpHeaders.SET_COOKIE, devices.issue(user, secure).toString());
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      addCookieIfVerified();
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      addCookieIfVerified();
      return super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
      addCookieIfVerified();
      super.flushBuffer();
    }
  }

  private static void refuse(HttpServletResponse response, Attempt attempt) throws IOException {
    long retryAfter = attempt.retryAfterSeconds();
    String message = switch (attempt.refusedBy()) {
      case ADDRESS -> ADDRESS_MESSAGE;
      case DEVICE -> DEVICE_MESSAGE;
      default -> MESSAGE;
    };
    response.setStatus(429);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(JSON.writeValueAsString(Map.of(
        "type", "TooManyLoginAttempts", "message", message.formatted(retryAfter))));
  }
}
