package vn.thanthien.pilot.summary;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import vn.thanthien.pilot.summary.ProgrammeSummaries.NotAuthenticatedException;
import vn.thanthien.pilot.summary.ProgrammeSummaries.NothingToShowException;
import vn.thanthien.pilot.summary.ProgrammeSummaries.UnknownDistrictException;
import vn.thanthien.pilot.summary.ProgrammeSummaries.UnknownProvinceException;

/**
 * The programme at a glance for other systems and for officials' spreadsheets:
 * {@code GET /api/programme/summary} (JSON) and {@code GET /api/programme/summary.xlsx} (Excel),
 * each with an optional {@code ?district=<code>} and {@code ?province=<code>}. Who calls is authenticated in the engine by
 * {@code access.ApiAuthenticationFilter} (HTTP Basic or the webapps' session); what they see is
 * decided by {@link ProgrammeSummaries}. Errors answer a Vietnamese message as
 * {@code {"type": …, "message": …}}, never a stack trace.
 */
@RestController
@RequestMapping("/api/programme")
public class ProgrammeSummaryController {

  public static final String XLSX_FILE_NAME = "tong-hop-de-an.xlsx";
  static final String XLSX_DISPLAY_NAME = "Tổng hợp đề án.xlsx";
  static final String DISTRICT = "district";
  static final String PROVINCE = "province";
  /** A district's or a province's GSO code: digits only, 1 to 10 of them. */
  static final Pattern CODE = Pattern.compile("[0-9]{1,10}");

  static final String REPEATED_DISTRICT = "Chỉ được chọn một huyện: tham số «district» chỉ được gửi một lần.";
  static final String INVALID_DISTRICT = "Mã huyện không hợp lệ: tham số «district» là mã huyện gồm từ 1 đến "
      + "10 chữ số, ví dụ district=339 (huyện Hưng Hà); bỏ tham số này để xem tất cả các huyện.";
  static final String REPEATED_PROVINCE = "Chỉ được chọn một tỉnh: tham số «province» chỉ được gửi một lần.";
  static final String INVALID_PROVINCE = "Mã tỉnh không hợp lệ: tham số «province» là mã tỉnh gồm từ 1 đến "
      + "10 chữ số, ví dụ province=34 (tỉnh Thái Bình); bỏ tham số này để xem đề án của tỉnh mình.";
  static final String METHOD_NOT_ALLOWED = "Địa chỉ này chỉ dùng để xem (GET), không nhận phương thức %s.";
  static final String FORBIDDEN = "Anh/chị không có quyền xem thông tin này.";
  static final String FAILED = "Không lập được báo cáo tổng hợp do lỗi của hệ thống; vui lòng thử lại sau "
      + "hoặc liên hệ quản trị hệ thống.";

  private static final Logger LOG = LoggerFactory.getLogger(ProgrammeSummaryController.class);
  private static final MediaType XLSX = MediaType.parseMediaType(SummaryWorkbook.CONTENT_TYPE);

  private final ProgrammeSummaries summaries;

  public ProgrammeSummaryController(ProgrammeSummaries summaries) {
    this.summaries = summaries;
  }

  @GetMapping("/summary")
  public ResponseEntity<ProgrammeSummary> summary(HttpServletRequest request) {
    ProgrammeSummary summary = read(request);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
        .body(summary);
  }

  @GetMapping("/summary.xlsx")
  public ResponseEntity<byte[]> workbook(HttpServletRequest request) throws IOException {
    ProgrammeSummary summary = read(request);
    // Written whole before the answer starts, so that a failure still answers a clean error.
    ByteArrayOutputStream file = new ByteArrayOutputStream(64 * 1024);
    SummaryWorkbook.write(summary, file);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition())
        .body(file.toByteArray());
  }

  /** Everything but GET and HEAD (which Spring answers as GET without the body). */
  @RequestMapping(path = {"/summary", "/summary.xlsx"}, method = {RequestMethod.POST, RequestMethod.PUT,
      RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS})
  public ResponseEntity<Map<String, String>> otherMethods(HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "GET, HEAD")
        .cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
        .body(error("MethodNotAllowed", METHOD_NOT_ALLOWED.formatted(request.getMethod())));
  }

  private ProgrammeSummary read(HttpServletRequest request) {
    Optional<String> province = code(request, PROVINCE, REPEATED_PROVINCE, INVALID_PROVINCE, "InvalidProvinceCode");
    Optional<String> district = code(request, DISTRICT, REPEATED_DISTRICT, INVALID_DISTRICT, "InvalidDistrictCode");
    return summaries.read(province, district);
  }

  /**
   * The unit asked for: none, or exactly one code of digits. Read from the request itself, so that
   * a repeated parameter is refused rather than silently joined or cut.
   */
  static Optional<String> code(HttpServletRequest request, String parameter, String repeated, String invalid,
      String type) {
    String[] values = request.getParameterValues(parameter);
    if (values == null) {
      return Optional.empty();
    }
    if (values.length != 1) {
      throw new InvalidParameterException(type, repeated);
    }
    if (!CODE.matcher(values[0]).matches()) {
      throw new InvalidParameterException(type, invalid);
    }
    return Optional.of(values[0]);
  }

  /** {@code attachment; filename="tong-hop-de-an.xlsx"; filename*=UTF-8''T%E1%BB%95ng…} (RFC 6266, 5987). */
  static String contentDisposition() {
    String encoded = URLEncoder.encode(XLSX_DISPLAY_NAME, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + XLSX_FILE_NAME + "\"; filename*=UTF-8''" + encoded;
  }

  /** A request parameter this API does not accept. */
  static final class InvalidParameterException extends RuntimeException {
    final String type;

    InvalidParameterException(String type, String message) {
      super(message);
      this.type = type;
    }
  }

  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<Map<String, String>> invalid(InvalidParameterException e) {
    return answer(HttpStatus.BAD_REQUEST, e.type, e.getMessage());
  }

  @ExceptionHandler(UnknownProvinceException.class)
  ResponseEntity<Map<String, String>> unknownProvince(UnknownProvinceException e) {
    return answer(HttpStatus.NOT_FOUND, "UnknownProvince", e.getMessage());
  }

  @ExceptionHandler(NothingToShowException.class)
  ResponseEntity<Map<String, String>> nothingToShow(NothingToShowException e) {
    return answer(HttpStatus.NOT_FOUND, "NoProgrammeToShow", e.getMessage());
  }

  @ExceptionHandler(UnknownDistrictException.class)
  ResponseEntity<Map<String, String>> unknown(UnknownDistrictException e) {
    return answer(HttpStatus.NOT_FOUND, "UnknownDistrict", e.getMessage());
  }

  @ExceptionHandler(NotAuthenticatedException.class)
  ResponseEntity<Map<String, String>> notAuthenticated(NotAuthenticatedException e) {
    ResponseEntity<Map<String, String>> answer = answer(HttpStatus.UNAUTHORIZED, "AuthenticationRequired",
        e.getMessage());
    HttpHeaders headers = new HttpHeaders();
    headers.putAll(answer.getHeaders());
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"api\", charset=\"UTF-8\"");
    return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, String>> forbidden(AuthorizationException e) {
    LOG.debug("Programme summary refused: {}", e.getMessage());
    return answer(HttpStatus.FORBIDDEN, "Forbidden", FORBIDDEN);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, String>> failed(Exception e) {
    LOG.error("Programme summary failed", e);
    return answer(HttpStatus.INTERNAL_SERVER_ERROR, "SummaryFailed", FAILED);
  }

  private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String type, String message) {
    return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON).body(error(type, message));
  }

  private static Map<String, String> error(String type, String message) {
    return Map.of("type", type, "message", message);
  }
}
