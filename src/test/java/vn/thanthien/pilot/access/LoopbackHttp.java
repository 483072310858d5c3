package vn.thanthien.pilot.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 requests to the application sent from a chosen loopback address (127.0.0.2,
 * 127.0.0.3 …), so that a test can be several clients: {@code java.net.http.HttpClient} cannot bind
 * its local address. One request per connection ({@code Connection: close}), headers exactly as
 * given.
 */
public final class LoopbackHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String from;
  private final int port;

  /** @param from the client's own address, e.g. {@code 127.0.0.2} */
  public LoopbackHttp(String from, int port) {
    this.from = from;
    this.port = port;
  }

  public record Reply(int status, Map<String, List<String>> headers, String body) {
    /** The first value of a header (names in lower case), or null. */
    public String header(String name) {
      List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
      return values.isEmpty() ? null : values.get(0);
    }

    public List<String> cookies() {
      return headers.getOrDefault("set-cookie", List.of());
    }

    /** The Set-Cookie header of the cookie whose name starts so, or null. */
    public String cookie(String namePrefix) {
      return cookies().stream().filter(c -> c.startsWith(namePrefix)).findFirst().orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(body, e);
      }
    }
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A GET with HTTP Basic and any further headers (name, value, name, value …). */
  public Reply get(String path, String user, String password, String... headers) {
    List<String> all = new ArrayList<>(List.of("Authorization", basic(user, password)));
    all.addAll(List.of(headers));
    return send("GET", path, null, all.toArray(String[]::new));
  }

  /** @param headers name, value, name, value … */
  public Reply send(String method, String path, String body, String... headers) {
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
        + "\r\nConnection: close\r\n");
    for (int i = 0; i < headers.length; i += 2) {
      head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    if (bytes != null) {
      head.append("Content-Length: ").append(bytes.length).append("\r\n");
    }
    head.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      if (bytes != null) {
        out.write(bytes);
      }
      out.flush();
      return read(socket.getInputStream(), method);
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " from " + from, e);
    }
  }

  private static Reply read(InputStream in, String method) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(line.substring(colon + 1).trim());
    }
    byte[] body;
    if ("HEAD".equals(method) || status == 204 || status == 304) {
      body = new byte[0];
    } else if ("chunked".equalsIgnoreCase(String.join(",", headers.getOrDefault("transfer-encoding", List.of())))) {
      ByteArrayOutputStream chunks = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
          size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
        chunks.write(in.readNBytes(size));
        line(in);
      }
      body = chunks.toByteArray();
    } else if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length").get(0)));
    } else {
      body = in.readAllBytes();
    }
    return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed in the middle of a line");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  /** A browser at this address: keeps its cookies, logs in to the webapps as Tasklist does. */
  public final class Browser {
    public final Map<String, String> cookies = new LinkedHashMap<>();
    String csrf;

    public Reply send(String method, String path, String body, String... headers) {
      List<String> all = new ArrayList<>(List.of(headers));
      if (!cookies.isEmpty()) {
        all.add("Cookie");
        all.add(String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()));
      }
      if (csrf != null) {
        all.add("X-XSRF-TOKEN");
        all.add(csrf);
      }
      Reply reply = LoopbackHttp.this.send(method, path, body, all.toArray(String[]::new));
      for (String cookie : reply.cookies()) {
        String pair = cookie.split(";", 2)[0];
        int equals = pair.indexOf('=');
        cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
      if (reply.header("X-XSRF-TOKEN") != null) {
        csrf = reply.header("X-XSRF-TOKEN");
      }
      return reply;
    }

    /** The webapps' login form, in a session with its CSRF token (the page is opened first, as a browser does). */
    Reply login(String user, String password, String... headers) {
      send("GET", "/camunda/app/tasklist/default/", null, headers);
      List<String> all = new ArrayList<>(List.of("Content-Type", "application/x-www-form-urlencoded"));
      all.addAll(List.of(headers));
      return send("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
          "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), all.toArray(String[]::new));
    }
  }

  public Browser browser() {
    return new Browser();
  }
}
