package vn.thanthien.pilot.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Vietnamese answers, with the same JSON shape as Camunda's ({@code type}, {@code message}), for
 * requests the REST API cannot read at all: a body that is not JSON (Camunda answers 400 with an
 * empty message), JSON whose fields do not fit (also empty), and the HTTP-level refusals Jersey
 * words in English (404 for an unknown address, 405, 406, 415). Each mapper only replaces the
 * wording; the status stays Camunda's.
 */
public final class RequestErrorMappers {

  static final String NOT_JSON = "Yêu cầu không hợp lệ: nội dung gửi lên không phải JSON đúng cú pháp";
  static final String WRONG_FIELDS = "Yêu cầu không hợp lệ: nội dung JSON có trường không được nhận hoặc sai kiểu";

  private RequestErrorMappers() {
  }

  /** A body that is not JSON: where the reading stopped. */
  @Provider
  @Priority(1)
  public static class NotJson implements ExceptionMapper<JsonParseException> {
    @Override
    public Response toResponse(JsonParseException exception) {
      return notJson(exception);
    }
  }

  private static Response notJson(JsonParseException exception) {
    JsonLocation at = exception.getLocation();
    String where = at == null || at.getLineNr() < 0 ? ""
        : " (dòng " + at.getLineNr() + ", cột " + at.getColumnNr() + ")";
    return answer(Response.Status.BAD_REQUEST, "InvalidRequestException", NOT_JSON + where + ".");
  }

  /** JSON the resource cannot take: which field. */
  @Provider
  @Priority(1)
  public static class WrongFields implements ExceptionMapper<JsonMappingException> {
    @Override
    public Response toResponse(JsonMappingException exception) {
      // a syntax error inside a nested value arrives wrapped, with the path it was found at
      for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof JsonParseException syntax) {
          return notJson(syntax);
        }
      }
      String path = exception.getPath().stream()
          .map(step -> step.getFieldName() != null ? step.getFieldName() : "[" + step.getIndex() + "]")
          .collect(Collectors.joining("."));
      return answer(Response.Status.BAD_REQUEST, "InvalidRequestException",
          WRONG_FIELDS + (path.isEmpty() ? "." : ": «" + path + "»."));
    }
  }

  /** Jersey's own refusals, before any Camunda resource ran. */
  @Provider
  @Priority(1)
  public static class Http implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
      Response original = exception.getResponse();
      int status = original.getStatus();
      String message = switch (status) {
        case 404 -> "Không có địa chỉ này trong API.";
        case 405 -> "Địa chỉ này không nhận phương thức HTTP đã dùng.";
        case 406 -> "Không thể trả lời theo kiểu nội dung đã yêu cầu (Accept); API trả lời bằng JSON.";
        case 415 -> "Kiểu nội dung gửi lên không được nhận; hãy gửi JSON (Content-Type: application/json).";
        default -> status >= 400 && status < 500 ? "Yêu cầu không hợp lệ (HTTP " + status + ")."
            : "Máy chủ không xử lý được yêu cầu (HTTP " + status + ").";
      };
      return Response.fromResponse(original).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", exception.getClass().getSimpleName(), "message", message)).build();
    }
  }

  /** An error answer in Camunda's JSON shape ({@code type}, {@code message}). */
  static Response answer(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message)).build();
  }
}
