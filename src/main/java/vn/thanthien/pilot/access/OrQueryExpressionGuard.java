package vn.thanthien.pilot.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guard against a flaw of Camunda 7.24.0 community: expressions nested inside the
 * {@code orQueries} of a task query escape the check that keeps expressions out of ad-hoc
 * queries, so any logged-in user could have the server evaluate one. This filter reads the JSON
 * body of every request to the REST API and to the webapps' engine API and refuses, with 400 and
 * before anything is evaluated, a body whose {@code orQueries} contain an expression
 * ({@code ${...}} or {@code #{...}}) — in a task query, a filter's stored query, or a filter's
 * extending query.
 */
public class OrQueryExpressionGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(OrQueryExpressionGuard.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final String MESSAGE =
      "Truy vấn bị từ chối: không được dùng biểu thức (${...} hoặc #{...}) trong orQueries";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
      if (queryStringHasExpression(request)) {
        refuse(request, response);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase().contains("json")) {
      // Forms (the webapps' login) and file uploads: the query APIs accept JSON only.
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    if (containsOrQueryExpression(body)) {
      refuse(request, response);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private static boolean queryStringHasExpression(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null || !query.contains("orQueries")) {
      return false;
    }
    String decoded = java.net.URLDecoder.decode(query, StandardCharsets.UTF_8);
    return hasExpression(decoded);
  }

  static boolean containsOrQueryExpression(byte[] body) {
    if (body.length == 0) {
      return false;
    }
    try {
      return orQueriesHaveExpression(MAPPER.readTree(body), false);
    } catch (IOException e) {
      // Unreadable JSON never reaches a query; scan the raw text conservatively all the same.
      String text = new String(body, StandardCharsets.UTF_8);
      return text.contains("orQueries") && hasExpression(text);
    }
  }

  private static boolean orQueriesHaveExpression(JsonNode node, boolean insideOrQueries) {
    if (node == null) {
      return false;
    }
    if (node.isTextual()) {
      return insideOrQueries && hasExpression(node.asText());
    }
    if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        boolean inside = insideOrQueries || "orQueries".equals(field.getKey());
        if (orQueriesHaveExpression(field.getValue(), inside)) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (orQueriesHaveExpression(element, insideOrQueries)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasExpression(String text) {
    return text.contains("${") || text.contains("#{");
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    LOG.warn("Refused a query with an expression inside orQueries: {} {} (user {})",
        request.getMethod(), request.getRequestURI(), request.getRemoteUser());
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json;charset=UTF-8");
    response.getWriter().write(MAPPER.writeValueAsString(
        java.util.Map.of("type", "InvalidRequestException", "message", MESSAGE)));
  }

  /** The request with its body read once and served again to the API behind. */
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
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
  }
}
