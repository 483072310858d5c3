package vn.thanthien.pilot.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.util.HtmlUtils;

/**
 * The servlet container's error path ({@code /error}), instead of Spring Boot's: what a filter
 * refused with {@code sendError} (the webapps' 401, 413 …), an address nobody serves, an exception
 * no handler caught. The answer is Vietnamese, as JSON ({@code {"type", "message"}}) or, for a
 * browser that asks for HTML, a short page; never an exception, its class or a stack trace
 * (logged on the server). Called directly, the path does not exist (404), whatever the method.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
public class ErrorPageController implements ErrorController {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorPageController.class);
  static final String NOT_FOUND = "Không có địa chỉ này.";

  @RequestMapping(method = {RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST, RequestMethod.PUT,
      RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS})
  public ResponseEntity<?> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number && number >= 400 && number <= 599 ? number : 404;
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (status >= 500 && failure instanceof Throwable exception) {
      LOG.error("Request {} failed", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), exception);
    }
    String message = status == 404 ? NOT_FOUND : RequestErrorMappers.httpMessage(status);
    String type = status >= 500 ? "ServerError" : "InvalidRequestException";
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).cacheControl(CacheControl.noStore());
    String accept = request.getHeader("Accept");
    if (accept != null && accept.contains("text/html") && !"HEAD".equals(request.getMethod())) {
      String text = HtmlUtils.htmlEscape(message, "UTF-8");
      return answer.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
          .body("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Lỗi " + status
              + "</title></head><body><h1>Lỗi " + status + "</h1><p>" + text + "</p></body></html>");
    }
    return answer.contentType(MediaType.APPLICATION_JSON).body(Map.of("type", type, "message", message));
  }
}
