package vn.thanthien.pilot.survey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.spin.json.SpinJsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.survey.SurveyFigures.Figures;
import vn.thanthien.pilot.survey.SurveyReaders.Pilot;

/**
 * The citizens' figures of a commune for other tools and for the officials who follow it
 * (README "Khảo sát sự hài lòng / Citizens' survey"): {@code GET /api/communes/{code}/survey},
 * for whoever may read the commune's pilot ({@link SurveyReaders}); anyone else gets 404, as for a
 * commune without a pilot. The district hides a comment (or shows it again) with
 * {@code PUT /api/communes/{code}/survey/comments/{id}} and {@code {"hidden": true|false}}. The
 * commune's poster: {@code GET /api/communes/{code}/survey/poster.pdf}.
 */
@RestController
@RequestMapping("/api/communes/{code}/survey")
public class SurveyFiguresController {

  private static final Logger LOG = LoggerFactory.getLogger(SurveyFiguresController.class);

  static final String NOT_FOUND = "Không tìm thấy thí điểm của xã, phường này, hoặc anh/chị không có quyền xem.";
  static final String NO_COMMENT = "Không tìm thấy góp ý này trong các phiếu của xã, phường.";
  static final String MAY_NOT_HIDE = "Chỉ cán bộ của cấp huyện (cơ quan cấp tỉnh) theo dõi xã, phường này mới được ẩn "
      + "hay hiện lại góp ý của người dân.";
  static final String BAD_HIDE = "Hãy gửi {\"hidden\": true} để ẩn góp ý, {\"hidden\": false} để hiện lại.";
  static final String WRONG_METHOD = "Phương thức này không dùng được ở địa chỉ này: kết quả khảo sát và áp phích chỉ "
      + "đọc bằng GET, góp ý chỉ ẩn hay hiện bằng PUT.";
  static final String FAILED = "Máy chủ gặp lỗi khi đọc kết quả khảo sát; vui lòng thử lại sau hoặc liên hệ quản trị "
      + "hệ thống.";
  /** The newest comments shown. */
  static final int COMMENTS = 200;

  private final SurveyReaders readers;
  private final SurveyFigures figures;
  private final SurveyAnswers answers;
  private final UnitDirectory units;
  private final SurveyPoster poster;
  private final SurveyProperties settings;

  public SurveyFiguresController(SurveyReaders readers, SurveyFigures figures, SurveyAnswers answers,
      UnitDirectory units, SurveyPoster poster, SurveyProperties settings) {
    this.poster = poster;
    this.settings = settings;
    this.readers = readers;
    this.figures = figures;
    this.answers = answers;
    this.units = units;
  }

  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }

  List<Pilot> readable(String code) {
    List<Pilot> pilots = code.matches("\\d{1,10}") ? readers.pilots(code) : List.of();
    if (pilots.isEmpty()) {
      throw new NotFound(NOT_FOUND);
    }
    return pilots;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> survey(@PathVariable String code) {
    List<Pilot> pilots = readable(code);
    Map<String, java.time.LocalDate> launches = new LinkedHashMap<>();
    pilots.forEach(p -> launches.put(p.id(), p.launch()));
    Figures citizens = figures.of(launches, Set.of(code));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("communeCode", code);
    body.put("communeName", units.commune(code).map(u -> u.name()).orElse(null));
    body.put("page", "/survey/" + code);
    body.put("responses", citizens.responses());
    body.put("perLevel", citizens.perLevel());
    body.put("satisfiedShare", citizens.satisfiedShare());
    body.put("flagged", citizens.flagged());
    body.put("refused", citizens.refused());
    body.put("periods", citizens.periods());
    body.put("paper", paper(pilots));
    body.put("comments", figures.comments(launches.keySet(), COMMENTS));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  /** The paper survey's figures the commune typed into its periodic reports, apart. */
  private static List<Map<String, Object>> paper(List<Pilot> pilots) {
    List<Map<String, Object>> reports = new java.util.ArrayList<>();
    for (Pilot pilot : pilots) {
      if (pilot.reportHistory() instanceof SpinJsonNode history && history.isArray()) {
        for (SpinJsonNode report : history.elements()) {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("processInstanceId", pilot.id());
          entry.put("number", report.hasProp("number") ? report.prop("number").numberValue() : null);
          entry.put("periodEnd", report.hasProp("periodEnd") ? report.prop("periodEnd").stringValue() : null);
          entry.put("satisfiedShare", report.hasProp("satisfactionRate") ? report.prop("satisfactionRate").numberValue()
              : null);
          reports.add(entry);
        }
      }
    }
    return reports;
  }

  /**
   * The commune's QR poster and table card (A4 PDF, {@link SurveyPoster}) with the address
   * {@code PILOT_PUBLIC_BASE_URL}/survey/{code}, for whoever may read its pilot.
   */
  @GetMapping("/poster.pdf")
  public ResponseEntity<byte[]> poster(@PathVariable String code) throws java.io.IOException {
    readable(code);
    String committee = units.commune(code).map(u -> u.committeeName()).orElse("UBND xã, phường " + code);
    byte[] pdf = poster.pdf(committee, settings.publicBaseUrl() + "/survey/" + code);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_PDF)
        .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"khao-sat-" + code + ".pdf\"")
        .body(pdf);
  }

  @PutMapping("/comments/{id}")
  public ResponseEntity<Void> hide(@PathVariable String code, @PathVariable String id, @RequestBody JsonNode body) {
    List<Pilot> pilots = readable(code);
    if (body == null || !body.path("hidden").isBoolean() || body.size() != 1) {
      throw new BadRequest(BAD_HIDE);
    }
    List<String> mine = pilots.stream().filter(readers::mayModerate).map(Pilot::id).toList();
    if (mine.isEmpty()) {
      throw new Forbidden(MAY_NOT_HIDE);
    }
    if (!id.matches("[0-9a-f-]{36}") || !answers.hideComment(id, mine, body.path("hidden").booleanValue())) {
      throw new NotFound(NO_COMMENT);
    }
    return ResponseEntity.noContent().build();
  }

  static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  static final class Forbidden extends RuntimeException {
    Forbidden(String message) {
      super(message);
    }
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<Map<String, String>> notFound(NotFound e) {
    return error(HttpStatus.NOT_FOUND, "NotFound", e.getMessage());
  }

  @ExceptionHandler(BadRequest.class)
  ResponseEntity<Map<String, String>> badRequest(BadRequest e) {
    return error(HttpStatus.BAD_REQUEST, "InvalidRequest", e.getMessage());
  }

  @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, String>> unreadable(Exception e) {
    return error(HttpStatus.BAD_REQUEST, "InvalidRequest", BAD_HIDE);
  }

  @ExceptionHandler(org.springframework.web.HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, String>> notJson(Exception e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "InvalidRequest", BAD_HIDE);
  }

  @ExceptionHandler(org.springframework.web.HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, String>> wrongMethod(Exception e) {
    return error(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed", WRONG_METHOD);
  }

  @ExceptionHandler(Forbidden.class)
  ResponseEntity<Map<String, String>> forbidden(Forbidden e) {
    return error(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, String>> failed(Exception e) {
    LOG.error("Survey figures failed", e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR, "SurveyFailed", FAILED);
  }

  static ResponseEntity<Map<String, String>> error(HttpStatus status, String type, String message) {
    return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("type", type, "message", message));
  }
}
