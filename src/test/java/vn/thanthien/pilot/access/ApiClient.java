package vn.thanthien.pilot.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Real HTTP calls to the running application, as a given user (or nobody). */
public class ApiClient {

  public static final String PASSWORD = "ThanThien@2023";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  public ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  public record Reply(int status, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(body, e);
      }
    }

    public List<String> cookies() {
      return raw.headers().allValues("set-cookie");
    }
  }

  public Reply get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
  }

  public Reply post(String user, String path, Object body) {
    return send(user, HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(body))), null);
  }

  /**
   * A request with exactly this Content-Type (none when {@code null}) and these body bytes, as a
   * client other than a browser may send it.
   */
  public Reply raw(String user, String method, String path, String contentType, byte[] body) {
    return send(user, rawRequest(base + path, method, contentType, body), null);
  }

  static HttpRequest.Builder rawRequest(String url, String method, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return request;
  }

  /** A GET whose answer is read as bytes (a downloaded file), as a given user (or nobody). */
  public HttpResponse<byte[]> download(String user, String path) {
    HttpRequest.Builder request = authorize(HttpRequest.newBuilder(URI.create(base + path)).GET(), user);
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** HTTP Basic as {@code user} with the demo password; nothing for {@code null}. */
  private static HttpRequest.Builder authorize(HttpRequest.Builder request, String user) {
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
    return request;
  }

  public String base() {
    return base;
  }

  public Reply send(String user, HttpRequest.Builder request, String ignored) {
    authorize(request, user);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A logged-in webapp session (Tasklist, Cockpit, Admin), with its CSRF token. */
  public class WebSession {
    private final java.net.CookieManager cookies = new java.net.CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
    private String csrf;
    public Reply login;

    public WebSession(String user, String app) {
      try {
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/app/" + app + "/default/")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        csrf = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        login = call(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
        // The session is renewed at login: fetch the CSRF token of the new session, as the webapps do.
        get("/camunda/api/admin/auth/user/default");
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    public Reply get(String path) {
      return call(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Reply post(String path, Object body) {
      return call(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    public Reply put(String path, Object body) {
      return call(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    /** Like {@link ApiClient#raw}, within this session and with its CSRF token. */
    public Reply raw(String method, String path, String contentType, byte[] body) {
      return call(rawRequest(base + path, method, contentType, body));
    }

    /** Like {@link #raw}, within this session but without its CSRF token (as another site's page would send it). */
    public Reply rawWithoutCsrfToken(String method, String path, String contentType, byte[] body) {
      try {
        HttpResponse<String> response = client.send(rawRequest(base + path, method, contentType, body).build(),
            HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    private Reply call(HttpRequest.Builder request) {
      try {
        request.header("X-XSRF-TOKEN", csrf).header("Accept", "application/json");
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrf = token);
        cookies.getCookieStore().getCookies().stream()
            .filter(cookie -> "XSRF-TOKEN".equals(cookie.getName()))
            .findFirst().ifPresent(cookie -> csrf = cookie.getValue());
        return new Reply(response.statusCode(), response.body(), response);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public WebSession login(String user, String app) {
    return new WebSession(user, app);
  }

  private static String write(Object body) {
    try {
      return body instanceof String text ? text : JSON.writeValueAsString(body == null ? Map.of() : body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
