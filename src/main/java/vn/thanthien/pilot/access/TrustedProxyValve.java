package vn.thanthien.pilot.access;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Tomcat's view of a request from a trusted proxy ({@link TrustedProxies}), before any filter, the
 * session cookie or the login throttle see it: the client address is the one the proxy names in
 * {@code X-Forwarded-For}, and {@code X-Forwarded-Proto: https} makes the request secure (so the
 * session cookie is {@code Secure}), with {@code X-Forwarded-Port} as its port if given (else 443
 * or 80). From any other peer these headers change nothing; no other header ({@code Forwarded},
 * {@code X-Real-IP}, {@code True-Client-IP}, {@code X-Forwarded-Host} …) is ever read. Replaces
 * Tomcat's {@code RemoteIpValve}, whose default trusts every private address and which knows no
 * CIDR ranges.
 */
public class TrustedProxyValve extends ValveBase {

  static final String FORWARDED_FOR = "X-Forwarded-For";
  static final String FORWARDED_PROTO = "X-Forwarded-Proto";
  static final String FORWARDED_PORT = "X-Forwarded-Port";

  private final TrustedProxies proxies;

  public TrustedProxyValve(TrustedProxies proxies) {
    super(true);
    this.proxies = proxies;
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    String client = proxies.isEmpty() ? null : proxies.forwardedClient(request.getRemoteAddr(),
        Collections.list(request.getHeaders(FORWARDED_FOR)));
    if (client == null) {
      getNext().invoke(request, response);
      return;
    }
    String remoteAddr = request.getRemoteAddr();
    String remoteHost = request.getRemoteHost();
    String scheme = request.getScheme();
    boolean secure = request.isSecure();
    int serverPort = request.getServerPort();
    try {
      request.setRemoteAddr(client);
      request.setRemoteHost(client);
      List<String> protocols = values(request, FORWARDED_PROTO);
      if (!protocols.isEmpty()) {
        boolean https = protocols.stream().allMatch("https"::equalsIgnoreCase);
        request.setSecure(https);
        request.getCoyoteRequest().scheme().setString(https ? "https" : "http");
        request.setServerPort(port(values(request, FORWARDED_PORT), https ? 443 : 80));
      }
      getNext().invoke(request, response);
    } finally {
      request.setRemoteAddr(remoteAddr);
      request.setRemoteHost(remoteHost);
      request.getCoyoteRequest().scheme().setString(scheme);
      request.setSecure(secure);
      request.setServerPort(serverPort);
    }
  }

  /** The comma-separated values of every line of a header. */
  private static List<String> values(Request request, String header) {
    return Collections.list(request.getHeaders(header)).stream()
        .flatMap(line -> java.util.Arrays.stream(line.split(",")))
        .map(String::trim).filter(value -> !value.isEmpty()).toList();
  }

  /** The proxy's port if it names exactly one valid one, else the scheme's default. */
  private static int port(List<String> ports, int fallback) {
    if (ports.size() == 1 && ports.get(0).matches("\\d{1,5}")) {
      int port = Integer.parseInt(ports.get(0));
      if (port >= 1 && port <= 65535) {
        return port;
      }
    }
    return fallback;
  }
}
