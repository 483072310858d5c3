package vn.thanthien.pilot.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's task query accepts {@code orQueries} only in a POST body; in a query string the
 * parameter makes the REST API fail with 500 ("argument type mismatch") before any query is
 * built. This filter answers such a request with 400 and a Vietnamese message instead. It reads
 * the query string only, never the body, and is no security boundary: expressions are refused in
 * the engine ({@link RequestExpressionPlugin}).
 */
public class OrQueriesParameterFilter extends OncePerRequestFilter {

  static final String MESSAGE = "Tham số orQueries chỉ được gửi trong thân của yêu cầu POST, "
      + "không được gửi trên địa chỉ (query string)";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (hasOrQueriesParameter(request.getQueryString())) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write(("{\"type\":\"InvalidRequestException\",\"message\":\"" + MESSAGE + "\"}")
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean hasOrQueriesParameter(String queryString) {
    if (queryString == null) {
      return false;
    }
    for (String pair : queryString.split("&")) {
      String name = pair.split("=", 2)[0];
      try {
        name = URLDecoder.decode(name, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // a malformed escape: compare the raw name
      }
      if ("orQueries".equalsIgnoreCase(name.trim())) {
        return true;
      }
    }
    return false;
  }
}
