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
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.ExceptionLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vietnamese answers, with the same JSON shape as Camunda's ({@code type}, {@code message}), for
 * requests the REST API cannot read at all: a body that is not JSON (Camunda answers 400 with an
 * empty message), JSON whose fields do not fit (also empty), and the HTTP-level refusals Jersey
 * words in English (404 for an unknown address, 405, 406, 415), and every other error a resource
 * throws ({@link #camunda}: Camunda's own answers are English, some name Java classes, and some
 * mistakes of the caller are answered 500). They are registered in every Jersey application, the
 * REST API's and the webapps' ({@link ErrorMapping}).
 */
public final class RequestErrorMappers {

  static final String NOT_JSON = "Yêu cầu không hợp lệ: nội dung gửi lên không phải JSON đúng cú pháp";
  static final String WRONG_FIELDS = "Yêu cầu không hợp lệ: nội dung JSON có trường không được nhận hoặc sai kiểu";

  static final String SERVER_FAULT = "Máy chủ gặp lỗi khi xử lý yêu cầu; lỗi đã được ghi lại để quản trị hệ "
      + "thống kiểm tra. Vui lòng thử lại sau hoặc liên hệ quản trị hệ thống.";
  static final String JAVA_SERIALIZED = "Dữ liệu chưa hợp lệ: biến «%s» được gửi dưới dạng đối tượng Java tuần tự "
      + "hóa (application/x-java-serialized-object), dạng này không được nhận; hãy gửi giá trị JSON.";
  static final String UNKNOWN_VALUE = "Dữ liệu chưa hợp lệ: kiểu giá trị hoặc kiểu đối tượng của biến không được nhận "
      + "(ví dụ Xml, hay Object không có objectTypeName); hãy dùng String, Integer, Long, Double, Boolean, Date, "
      + "Json hoặc Object dạng JSON.";
  static final String UNREADABLE_VALUE = "Dữ liệu chưa hợp lệ: nội dung của biến «%s» không đọc được theo kiểu đã "
      + "khai báo (JSON sai cú pháp hoặc không đúng kiểu đối tượng).";
  static final String OBJECT_IN_QUERY = "Truy vấn không hợp lệ: không thể lọc theo một giá trị đối tượng hay mảng; "
      + "hãy so sánh với chuỗi, số, ngày hoặc giá trị đúng/sai.";
  static final String EMPTY_GROUPS = "Truy vấn không hợp lệ: danh sách nhóm để lọc đang trống.";
  static final String UNPARSABLE_MODEL = "Tệp mô hình gửi lên không đọc được (XML sai cú pháp hoặc không phải "
      + "BPMN/DMN hợp lệ); chưa có gì được triển khai.";
  static final String MISSING_PART = "Yêu cầu không hợp lệ: nội dung multipart thiếu phần «data» chứa tệp hoặc giá trị.";
  static final String FORM_EXPECTED = "Kiểu nội dung gửi lên không được nhận; địa chỉ này nhận biểu mẫu "
      + "(Content-Type: application/x-www-form-urlencoded).";

  private static final Logger LOG = LoggerFactory.getLogger(RequestErrorMappers.class);
  private static final Pattern VIETNAMESE = Pattern.compile(
      "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", Pattern.CASE_INSENSITIVE);
  /** A qualified exception class name that starts a message or a part of it ("org.….XException: "). */
  private static final Pattern EXCEPTION_PREFIX =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");
  /** Any other qualified class name ("java.lang.Integer"), shortened to its simple name. */
  private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+([A-Z][\\w$]*)");
  /**
   * The English lead Camunda's REST API puts before the message of what refused an action
   * ("Cannot complete task 1a2b: ", "Cannot submit task form …: ", "Cannot instantiate process
   * definition pilot:1:x: "): up to the first colon followed by a space.
   */
  private static final Pattern ENGLISH_LEAD =
      Pattern.compile("^(?:Cannot|Could not|Unable to|ENGINE-\\d{5})[\\x20-\\x7E]*?: (?=\\S)");
  private static final Pattern JAVA_SERIALIZATION =
      Pattern.compile("ENGINE-17007 Cannot set variable with name (\\S+?)\\. Java serialization format is prohibited");
  private static final Pattern NOT_DESERIALIZABLE = Pattern.compile("Cannot deserialize object in variable '([^']*)'");
  /** Camunda's usual wordings, in Vietnamese; the rest of its detail is kept as it is. */
  private static final List<Map.Entry<Pattern, String>> WORDINGS = List.of(
      Map.entry(Pattern.compile("Cannot set query parameter '([^']*)' to value '([^']*)'"),
          "tham số «$1» không nhận giá trị «$2»"),
      Map.entry(Pattern.compile("Cannot convert value '([^']*)' of type '([^']*)' to java type \\S+"),
          "giá trị «$1» không phải kiểu $2"),
      Map.entry(Pattern.compile("Cannot convert value \"?([^\"]*?)\"? to java type (?:java\\.util\\.)?Date"),
          "«$1» không phải ngày giờ đúng định dạng ISO 8601 (năm-tháng-ngày, giờ và múi giờ)"),
      Map.entry(Pattern.compile("Cannot convert value \"?([^\"]*?)\"? to java type \\S+"),
          "giá trị «$1» không đúng kiểu"),
      Map.entry(Pattern.compile("Unsupported value type '([^']*)'"),
          "kiểu giá trị «$1» không được hỗ trợ"),
      Map.entry(Pattern.compile("Invalid (?:process )?variable comparator specified: (\\S+)"),
          "phép so sánh «$1» không được hỗ trợ"),
      Map.entry(Pattern.compile("Only a single sorting parameter specified\\. sortBy and sortOrder required"),
          "cần gửi cả sortBy và sortOrder"));

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
      String message = httpMessage(original.getStatus());
      return Response.fromResponse(original).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(Map.of("type", exception.getClass().getSimpleName(), "message", message)).build();
    }
  }

  /**
   * Every other exception of a resource, which Camunda's own handler ({@code ExceptionHandler},
   * for {@link Throwable}) answers 500 with the Java exception's class and message.
   */
  @Provider
  @Priority(1)
  public static class Any implements ExceptionMapper<Throwable> {
    @Override
    public Response toResponse(Throwable exception) {
      return camunda(exception);
    }
  }

  /**
   * Camunda's answer to an exception, in its JSON shape and status, in Vietnamese and without Java
   * class names: a message the application wrote (already Vietnamese) is kept; Camunda's English
   * detail follows a Vietnamese sentence for the status. Mistakes of the caller that Camunda
   * answers 500 (a variable serialized as Java object, a value of an unknown type, a record that
   * does not exist …) answer 4xx. What remains a 500 is the server's fault: it is logged with its
   * stack trace, and the caller reads only that the server failed.
   */
  static Response camunda(Throwable exception) {
    ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
    ExceptionDto body = camunda.fromException(exception);
    Response.Status status = camunda.getStatus(exception);
    String message = body.getMessage();
    if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
      Response.Status clientStatus = null;
      String clientMessage = null;
      for (Throwable cause = exception; cause != null && clientStatus == null; cause = cause.getCause()) {
        String text = String.valueOf(cause.getMessage());
        var serialized = JAVA_SERIALIZATION.matcher(text);
        var unreadable = NOT_DESERIALIZABLE.matcher(text);
        if (serialized.find()) {
          clientStatus = Response.Status.BAD_REQUEST;
          clientMessage = JAVA_SERIALIZED.formatted(serialized.group(1));
        } else if (unreadable.find()) {
          clientStatus = Response.Status.BAD_REQUEST;
          clientMessage = UNREADABLE_VALUE.formatted(unreadable.group(1));
        } else if (text.startsWith("Cannot find serializer for value")) {
          clientStatus = Response.Status.BAD_REQUEST;
          clientMessage = UNKNOWN_VALUE;
        } else if (text.startsWith("Object values cannot be used to query")) {
          clientStatus = Response.Status.BAD_REQUEST;
          clientMessage = OBJECT_IN_QUERY;
        } else if (text.startsWith("Candidate group list is empty")) {
          clientStatus = Response.Status.BAD_REQUEST;
          clientMessage = EMPTY_GROUPS;
        } else if (text.startsWith("ENGINE-09003 ")) {
          clientStatus = Response.Status.BAD_REQUEST;
          clientMessage = UNPARSABLE_MODEL;
        } else if (cause instanceof org.camunda.bpm.engine.exception.NullValueException) {
          // "task … doesn't exist: task is null", "Cannot find task with id …"
          clientStatus = text.contains("exist") || text.startsWith("Cannot find")
              ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST;
          clientMessage = vietnamese(clientStatus, message);
        } else if (cause instanceof NullPointerException && text.contains("FormPart")) {
          // Camunda's multipart resources read their part without checking it was sent
          clientStatus = Response.Status.BAD_REQUEST;
          clientMessage = MISSING_PART;
        } else if (cause instanceof IllegalStateException && text.contains("@FormParam")) {
          // Jersey's answer to a body that is not a form, for a resource that reads a form (the login)
          clientStatus = Response.Status.UNSUPPORTED_MEDIA_TYPE;
          clientMessage = FORM_EXPECTED;
        }
      }
      if (clientStatus == null) {
        ExceptionLogger.REST_LOGGER.log(exception);
        return answer(Response.Status.INTERNAL_SERVER_ERROR, typeOf(body, exception, "ServerError"), SERVER_FAULT);
      }
      LOG.debug("Caller's mistake answered {} instead of {}", clientStatus.getStatusCode(), status, exception);
      status = clientStatus;
      message = clientMessage;
      body.setType("InvalidRequestException");
    } else {
      LOG.debug("Answered {}", status.getStatusCode(), exception);
      message = vietnamese(status, message);
      body.setType(typeOf(body, exception, "InvalidRequestException"));
    }
    body.setMessage(message);
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /** The answer's type: Camunda's exception name, or a neutral one for an exception that is not Camunda's. */
  private static String typeOf(ExceptionDto body, Throwable exception, String neutral) {
    return exception.getClass().getName().startsWith("org.camunda.") ? body.getType() : neutral;
  }

  /** A client error's message in Vietnamese: the application's own as it is, Camunda's after a Vietnamese sentence. */
  static String vietnamese(Response.Status status, String camundaMessage) {
    String detail = withoutClassNames(camundaMessage == null ? "" : camundaMessage.strip());
    if (VIETNAMESE.matcher(detail).find()) {
      return withoutEnglishLead(detail);
    }
    for (Map.Entry<Pattern, String> wording : WORDINGS) {
      detail = wording.getKey().matcher(detail).replaceAll(wording.getValue());
    }
    String lead = switch (status.getStatusCode()) {
      case 400 -> "Yêu cầu không hợp lệ";
      case 401 -> "Cần đăng nhập";
      case 403 -> "Anh/chị không có quyền thực hiện thao tác này";
      case 404 -> "Không tìm thấy dữ liệu được yêu cầu (mã không đúng, hoặc đã kết thúc hay đã bị xóa)";
      case 409 -> "Dữ liệu vừa được người khác thay đổi cùng lúc; vui lòng tải lại rồi thử lại";
      default -> "Yêu cầu không được thực hiện (HTTP " + status.getStatusCode() + ")";
    };
    return detail.isEmpty() ? lead + "." : lead + ". Chi tiết: " + detail;
  }

  /**
   * A Vietnamese message without the English leads Camunda put before it ("Cannot complete task
   * 1a2b: Chưa có minh chứng …" → "Chưa có minh chứng …"), so that an official reads Vietnamese
   * only; a message with no Vietnamese after the lead keeps it (it is all the detail there is).
   */
  static String withoutEnglishLead(String message) {
    if (message == null) {
      return null;
    }
    String text = message;
    for (var lead = ENGLISH_LEAD.matcher(text); lead.find(); lead = ENGLISH_LEAD.matcher(text)) {
      String rest = text.substring(lead.end());
      if (!VIETNAMESE.matcher(rest).find()) {
        break;
      }
      text = rest;
    }
    return text;
  }

  /** The text without Java class names: exception names dropped, other class names as simple names. */
  static String withoutClassNames(String text) {
    String shorter = EXCEPTION_PREFIX.matcher(text).replaceAll("");
    return CLASS_NAME.matcher(shorter).replaceAll("$1");
  }

  /** The Vietnamese message for an HTTP status that no resource answered itself (Jersey's, the servlet container's). */
  static String httpMessage(int status) {
    return switch (status) {
      case 401 -> "Cần đăng nhập: hãy gửi tên đăng nhập và mật khẩu (HTTP Basic) hoặc đăng nhập vào ứng dụng web.";
      case 403 -> "Anh/chị không có quyền truy cập địa chỉ này.";
      case 404 -> "Không có địa chỉ này trong API.";
      case 405 -> "Địa chỉ này không nhận phương thức HTTP đã dùng.";
      case 406 -> "Không thể trả lời theo kiểu nội dung đã yêu cầu (Accept); API trả lời bằng JSON.";
      case 413 -> "Yêu cầu quá lớn: nội dung gửi lên vượt giới hạn của máy chủ.";
      case 415 -> "Kiểu nội dung gửi lên không được nhận; hãy gửi JSON (Content-Type: application/json).";
      default -> status >= 400 && status < 500 ? "Yêu cầu không hợp lệ (HTTP " + status + ")."
          : SERVER_FAULT;
    };
  }

  /** An error answer in Camunda's JSON shape ({@code type}, {@code message}). */
  static Response answer(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message)).build();
  }
}
