package vn.thanthien.pilot.survey;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thanthien.pilot.access.ClientAddress;
import vn.thanthien.pilot.forms.TextCharacters;
import vn.thanthien.pilot.organisation.TimeZoneProperties;
import vn.thanthien.pilot.survey.SurveyAnswers.Refusal;
import vn.thanthien.pilot.survey.SurveyCommunes.Merged;
import vn.thanthien.pilot.survey.SurveyCommunes.NoProgramme;
import vn.thanthien.pilot.survey.SurveyCommunes.Open;
import vn.thanthien.pilot.survey.SurveyCommunes.Status;
import vn.thanthien.pilot.survey.SurveyCommunes.Unknown;
import vn.thanthien.pilot.survey.SurveyLimits.Decision;
import vn.thanthien.pilot.survey.SurveyQuestions.Question;

/**
 * The public survey page, {@code /survey/{communeCode}}, without an account (README "Khảo sát sự
 * hài lòng / Citizens' survey"): GET shows the form (or why the commune takes no answers: 404
 * unknown, 409 no running pilot, 410 merged, naming its successor); POST counts one answer within
 * the limits ({@link SurveyLimits}) and thanks the citizen. The body is read here, at most
 * {@code pilot.survey.max-body}; nothing else under {@code /survey} reads a body. No session is
 * created and no cookie set but the device's own answered-today cookie.
 */
@RestController
public class SurveyController {

  static final String UNKNOWN_TITLE = "Không tìm thấy xã, phường này";
  static final String UNKNOWN_TEXT = "Mã «%s» không phải là mã của xã, phường, thị trấn nào trong danh sách đơn vị "
      + "hành chính. Ông/bà vui lòng quét lại mã QR dán tại bộ phận một cửa.";
  static final String NO_PROGRAMME_TITLE = "Chưa nhận ý kiến qua trang này";
  static final String NO_PROGRAMME_TEXT = "%s hiện không thực hiện thí điểm mô hình «Chính quyền thân thiện vì nhân "
      + "dân phục vụ», nên trang khảo sát chưa nhận ý kiến. Cảm ơn ông/bà đã quan tâm.";
  static final String MERGED_TITLE = "Xã, phường này đã sáp nhập";
  static final String MERGED_TEXT = "%s nay là %s. Mời ông/bà cho ý kiến tại trang khảo sát của %s.";
  static final String MERGED_LINK = "Mở trang khảo sát của %s";
  static final String THANKS_TITLE = "Cảm ơn ông/bà!";
  static final String THANKS_TEXT = "Ý kiến của ông/bà đã được ghi nhận cho %s. Ủy ban nhân dân dùng ý kiến của người "
      + "dân để phục vụ tốt hơn.";
  static final String ANSWERED_TITLE = "Hôm nay ông/bà đã gửi ý kiến";
  static final String ANSWERED_TEXT = "Thiết bị này đã gửi phiếu cho %s hôm nay; mỗi thiết bị gửi một phiếu mỗi ngày "
      + "cho một xã, phường. Cảm ơn ông/bà.";
  static final String TOKEN_USED_TEXT = "Phiếu này đã được gửi rồi và đã được ghi nhận một lần. Cảm ơn ông/bà.";
  static final String LIMIT_TITLE = "Tạm thời chưa nhận thêm ý kiến";
  static final String ADDRESS_LIMIT_TEXT = "Trong giờ này trang đã nhận nhiều phiếu từ cùng mạng Internet của ông/bà. "
      + "Vui lòng gửi lại sau khoảng %d phút, hoặc dùng mạng di động của điện thoại.";
  static final String COMMUNE_LIMIT_TEXT = "Trong giờ này trang đã nhận rất nhiều phiếu cho %s. Vui lòng gửi lại sau "
      + "khoảng %d phút.";
  static final String TOO_LARGE_TITLE = "Phiếu gửi lên quá lớn";
  static final String TOO_LARGE_TEXT = "Phiếu gửi lên dài quá %d byte nên chưa được ghi nhận. Ông/bà vui lòng mở lại "
      + "trang và gửi phiếu với góp ý ngắn hơn.";
  static final String EXPIRED = "Phiếu đã quá hạn hoặc không hợp lệ (trang được mở quá lâu). Ông/bà vui lòng chọn "
      + "lại các câu trả lời rồi bấm «Gửi ý kiến».";
  static final String UNREADABLE = "Phiếu gửi lên không đọc được. Ông/bà vui lòng chọn lại các câu trả lời rồi bấm "
      + "«Gửi ý kiến».";
  static final String MISSING_ANSWER = "Xin chọn một mức cho câu %d: «%s».";
  static final String BAD_ANSWER = "Câu trả lời cho câu %d không hợp lệ: xin chọn một trong các mức của phiếu.";
  static final String LONG_COMMENT = "Góp ý dài %d ký tự, quá giới hạn %d ký tự; xin rút gọn rồi gửi lại.";
  static final String BAD_COMMENT = "Góp ý %s; xin sửa rồi gửi lại.";

  private final SurveyCommunes communes;
  private final SurveyQuestions questions;
  private final SurveyLimits limits;
  private final SurveyAnswers answers;
  private final SurveyProperties settings;
  private final ZoneId zone;

  public SurveyController(SurveyCommunes communes, SurveyQuestions questions, SurveyLimits limits,
      SurveyAnswers answers, SurveyProperties settings, TimeZoneProperties time) {
    this.communes = communes;
    this.questions = questions;
    this.limits = limits;
    this.answers = answers;
    this.settings = settings;
    this.zone = time.timeZone();
  }

  @GetMapping("/survey/{code}")
  public ResponseEntity<String> page(@PathVariable String code, HttpServletRequest request) {
    Status status = communes.status(code, limits.today());
    if (!(status instanceof Open open)) {
      return closed(status, code);
    }
    if (limits.answeredToday(request, code)) {
      return html(200, SurveyPage.message(ANSWERED_TITLE, open.name(), ANSWERED_TITLE,
          ANSWERED_TEXT.formatted(open.name()), null, null));
    }
    return html(200, form(open, null, Map.of(), null));
  }

  @PostMapping("/survey/{code}")
  public ResponseEntity<String> answer(@PathVariable String code, HttpServletRequest request) throws IOException {
    LocalDate today = limits.today();
    Status status = communes.status(code, today);
    if (!(status instanceof Open open)) {
      return closed(status, code);
    }
    long max = settings.maxBody().toBytes();
    byte[] body = request.getContentLengthLong() > max ? null : readAtMost(request.getInputStream(), max + 1);
    if (body == null || body.length > max) {
      answers.refused(code, today, Refusal.TOO_LARGE);
      return html(413, SurveyPage.message(TOO_LARGE_TITLE, open.name(), TOO_LARGE_TITLE, TOO_LARGE_TEXT.formatted(max),
          "/survey/" + code, "Mở lại phiếu"));
    }
    MultiValueMap<String, String> form = parse(body, request.getContentType());
    if (form == null || form.values().stream().anyMatch(values -> values.size() != 1)) {
      return html(400, form(open, UNREADABLE, Map.of(), null));
    }
    String token = form.getFirst("t");
    Instant served = limits.verifyToken(token, code);
    Map<String, Integer> chosen = new LinkedHashMap<>();
    Optional<String> problem = choices(form, chosen);
    String comment = comment(form.getFirst("comment"));
    if (served == null) {
      answers.refused(code, today, Refusal.TOKEN_INVALID);
      return html(403, form(open, EXPIRED, chosen, comment));
    }
    if (limits.answeredToday(request, code)) {
      answers.refused(code, today, Refusal.DEVICE_ANSWERED);
      return html(429, SurveyPage.message(ANSWERED_TITLE, open.name(), ANSWERED_TITLE,
          ANSWERED_TEXT.formatted(open.name()), null, null));
    }
    if (problem.isEmpty() && comment != null) {
      problem = commentProblem(comment);
    }
    if (problem.isPresent()) {
      return html(400, form(open, problem.get(), chosen, comment));
    }
    if (!limits.useToken(token)) {
      answers.refused(code, today, Refusal.TOKEN_USED);
      return html(429, SurveyPage.message(ANSWERED_TITLE, open.name(), ANSWERED_TITLE, TOKEN_USED_TEXT, null, null));
    }
    Decision decision = limits.acquire(ClientAddress.limitKey(request), code, served);
    if (decision == Decision.ADDRESS_LIMIT || decision == Decision.COMMUNE_LIMIT) {
      answers.refused(code, today, decision == Decision.ADDRESS_LIMIT ? Refusal.ADDRESS_LIMIT : Refusal.COMMUNE_LIMIT);
      long seconds = limits.secondsToNextHour();
      long minutes = Math.max(1, (seconds + 59) / 60);
      String text = decision == Decision.ADDRESS_LIMIT ? ADDRESS_LIMIT_TEXT.formatted(minutes)
          : COMMUNE_LIMIT_TEXT.formatted(open.name(), minutes);
      return ResponseEntity.status(429).headers(pageHeaders()).header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
          .body(SurveyPage.message(LIMIT_TITLE, open.name(), LIMIT_TITLE, text, null, null));
    }
    int overall = chosen.get(questions.overall().id());
    StringBuilder levels = new StringBuilder();
    chosen.forEach((id, value) -> levels.append(levels.isEmpty() ? "" : ";").append(id).append('=').append(value));
    answers.store(new SurveyAnswers.Answer(code, open.instanceId(), open.period(), OffsetDateTime.now(zone), overall,
        levels.toString(), comment, decision == Decision.FLAGGED));
    return ResponseEntity.ok().headers(pageHeaders())
        .header(HttpHeaders.SET_COOKIE, limits.answeredCookie(code, request.isSecure()).toString())
        .body(SurveyPage.message(THANKS_TITLE, open.name(), THANKS_TITLE, THANKS_TEXT.formatted(open.name()), null, null));
  }

  /** Every question's chosen level into {@code chosen}; the first problem, if any. */
  private Optional<String> choices(MultiValueMap<String, String> form, Map<String, Integer> chosen) {
    String problem = null;
    int number = 0;
    for (Question question : questions.questions()) {
      number++;
      String given = form.getFirst("q-" + question.id());
      Integer value = given != null && given.matches("\\d{1,2}") ? Integer.valueOf(given) : null;
      if (value != null && questions.level(value).isPresent()) {
        chosen.put(question.id(), value);
      } else if (problem == null) {
        problem = given == null || given.isBlank() ? MISSING_ANSWER.formatted(number, question.text())
            : BAD_ANSWER.formatted(number);
      }
    }
    return Optional.ofNullable(problem);
  }

  /** The comment as kept: line breaks as typed, blanks around it removed; null when empty. */
  private static String comment(String given) {
    if (given == null) {
      return null;
    }
    String text = Normalizer.normalize(given.replace("\r\n", "\n"), Normalizer.Form.NFC).strip();
    return text.isEmpty() ? null : text;
  }

  private Optional<String> commentProblem(String comment) {
    int length = comment.codePointCount(0, comment.length());
    int max = questions.comment().maxLength();
    if (length > max) {
      return Optional.of(LONG_COMMENT.formatted(length, max));
    }
    return TextCharacters.firstForbidden(comment, true).map(BAD_COMMENT::formatted);
  }

  private String form(Open open, String error, Map<String, Integer> chosen, String comment) {
    return SurveyPage.form(questions, open.code(), open.name(), limits.issueToken(open.code()), error, chosen, comment);
  }

  private ResponseEntity<String> closed(Status status, String code) {
    if (status instanceof NoProgramme none) {
      return html(409, SurveyPage.message(NO_PROGRAMME_TITLE, none.name(), NO_PROGRAMME_TITLE,
          NO_PROGRAMME_TEXT.formatted(none.name()), null, null));
    }
    if (status instanceof Merged merged) {
      String old = merged.name() == null ? "Xã, phường có mã " + code : merged.name();
      return html(410, SurveyPage.message(MERGED_TITLE, old, MERGED_TITLE,
          MERGED_TEXT.formatted(old, merged.successorName(), merged.successorName()),
          "/survey/" + merged.successorCode(), MERGED_LINK.formatted(merged.successorName())));
    }
    String shown = code.length() > 20 ? code.substring(0, 20) + "…" : code;
    return html(404, SurveyPage.message(UNKNOWN_TITLE, null, UNKNOWN_TITLE, UNKNOWN_TEXT.formatted(shown), null, null));
  }

  private static ResponseEntity<String> html(int status, String body) {
    return ResponseEntity.status(status).headers(pageHeaders()).body(body);
  }

  static HttpHeaders pageHeaders() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8));
    headers.setCacheControl(CacheControl.noStore());
    headers.set("Content-Security-Policy", SurveyPage.POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    return headers;
  }

  private static byte[] readAtMost(InputStream in, long limit) {
    try {
      return in.readNBytes((int) limit);
    } catch (IOException broken) {
      return new byte[0];
    }
  }

  /** The form's fields, or null when the body is not a readable form. */
  private static MultiValueMap<String, String> parse(byte[] body, String contentType) {
    MediaType type;
    try {
      type = contentType == null ? null : MediaType.parseMediaType(contentType);
    } catch (IllegalArgumentException bad) {
      return null;
    }
    if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
      return null;
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type.getCharset() == null
        ? new MediaType(MediaType.APPLICATION_FORM_URLENCODED, java.nio.charset.StandardCharsets.UTF_8) : type);
    HttpInputMessage message = new HttpInputMessage() {
      @Override
      public InputStream getBody() {
        return new ByteArrayInputStream(body);
      }

      @Override
      public HttpHeaders getHeaders() {
        return headers;
      }
    };
    try {
      return new FormHttpMessageConverter().read(null, message);
    } catch (IOException | HttpMessageNotReadableException | IllegalArgumentException unreadable) {
      return null;
    }
  }
}
