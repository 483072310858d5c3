package vn.thanthien.pilot.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;
import vn.thanthien.pilot.survey.SurveyQuestions.Level;
import vn.thanthien.pilot.survey.SurveyQuestions.Question;

/**
 * The public survey page as the server writes it: HTML without a script, its small style sheet
 * inline (allowed by its hash in the page's Content-Security-Policy, nothing else is loaded), made
 * for a cheap phone: one column from 320 px, every choice a label of at least 48 px, real labels
 * and legends for screen readers. Every text that comes from data (the commune's name, the
 * questions, what a citizen typed) is escaped.
 */
final class SurveyPage {

  static final String STYLE = "*{box-sizing:border-box}"
      + "body{margin:0;font:17px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1b1f23;"
      + "background:#eef2f5}"
      + "main{max-width:40rem;margin:0 auto;padding:12px}"
      + "header{background:#0a4f8f;color:#fff;padding:14px 12px;border-radius:0 0 10px 10px}"
      + "header p{margin:0}h1{font-size:1.3rem;margin:.2rem 0}"
      + ".unit{font-size:1.2rem;font-weight:700}"
      + "fieldset{border:1px solid #b9c3cc;border-radius:10px;background:#fff;margin:0 0 14px;padding:8px 10px 10px}"
      + "legend{font-weight:700;padding:0 4px;max-width:100%}"
      + "label.o{display:flex;align-items:center;min-height:48px;padding:6px 10px;margin:6px 0;border:1px solid #c9d1d9;"
      + "border-radius:8px;background:#fafbfc}"
      + "label.o:has(input:checked){border-color:#0a4f8f;background:#e3eefa;font-weight:700}"
      + "label.o input{width:26px;height:26px;margin:0 12px 0 0;flex:none;accent-color:#0a4f8f}"
      + "label.c{display:block;font-weight:700;margin:0 0 6px}"
      + "textarea{width:100%;min-height:110px;font:inherit;padding:10px;border:1px solid #6b7680;border-radius:8px}"
      + ".hint{color:#4a545e;font-size:.95rem;margin:4px 0 0}"
      + "button,a.b{display:flex;align-items:center;justify-content:center;width:100%;min-height:56px;margin:16px 0;"
      + "font:inherit;font-weight:700;font-size:1.15rem;color:#fff;background:#0a4f8f;border:0;border-radius:10px;"
      + "text-decoration:none}"
      + ".msg{background:#fff;border-radius:10px;padding:14px 12px;margin:14px 0;border:1px solid #b9c3cc}"
      + ".err{background:#fdecea;border:2px solid #b3261e;color:#7a1a14;padding:10px 12px;border-radius:8px;margin:12px 0}"
      + "footer{color:#4a545e;font-size:.9rem;padding:8px 0 24px}";

  /** The page's Content-Security-Policy: nothing but its own inline style, forms posted to itself. */
  static final String POLICY = "default-src 'none'; style-src '" + hash(STYLE) + "'; form-action 'self'; "
      + "frame-ancestors 'none'; base-uri 'none'";

  static final String PROGRAMME = "Mô hình «Chính quyền thân thiện vì nhân dân phục vụ»";
  static final String FOOTER = "Phiếu không hỏi và không lưu tên, số điện thoại, địa chỉ hay thiết bị của ông/bà.";

  private SurveyPage() {}

  static String escape(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
  }

  /**
   * The survey form for {@code unitName}.
   *
   * @param error a message shown above the form, or null
   * @param chosen what the citizen chose before (question id → value), kept when the form is shown again
   * @param comment what the citizen typed before, or null
   */
  static String form(SurveyQuestions questions, String code, String unitName, String token, String error,
      Map<String, Integer> chosen, String comment) {
    StringBuilder html = start(questions.title(), unitName);
    if (error != null) {
      html.append("<p class=\"err\" role=\"alert\">").append(escape(error)).append("</p>");
    }
    html.append("<p>").append(escape(questions.intro())).append("</p>");
    html.append("<form method=\"post\" action=\"/survey/").append(escape(code)).append("\" accept-charset=\"UTF-8\">");
    html.append("<input type=\"hidden\" name=\"t\" value=\"").append(escape(token)).append("\">");
    int number = 0;
    for (Question question : questions.questions()) {
      number++;
      html.append("<fieldset><legend>").append(number).append(". ").append(escape(question.text())).append("</legend>");
      for (Level level : questions.scale()) {
        String id = "q-" + question.id() + "-" + level.value();
        html.append("<label class=\"o\" for=\"").append(id).append("\"><input type=\"radio\" id=\"").append(id)
            .append("\" name=\"q-").append(question.id()).append("\" value=\"").append(level.value()).append("\"");
        if (Integer.valueOf(level.value()).equals(chosen.get(question.id()))) {
          html.append(" checked");
        }
        html.append(" required>").append(escape(level.label())).append("</label>");
      }
      html.append("</fieldset>");
    }
    int max = questions.comment().maxLength();
    html.append("<fieldset><label class=\"c\" for=\"comment\">").append(escape(questions.comment().label()))
        .append("</label><textarea id=\"comment\" name=\"comment\" maxlength=\"").append(max)
        .append("\" aria-describedby=\"comment-hint\">").append(escape(comment)).append("</textarea>")
        .append("<p class=\"hint\" id=\"comment-hint\">Tối đa ").append(max)
        .append(" ký tự. Xin đừng ghi tên, số điện thoại hay địa chỉ.</p></fieldset>");
    html.append("<button type=\"submit\">Gửi ý kiến</button></form>");
    return end(html);
  }

  /** A page with one message (thanks, refusals, a commune that takes no answers). */
  static String message(String title, String unitName, String heading, String text, String linkHref, String linkText) {
    StringBuilder html = start(title, unitName);
    html.append("<div class=\"msg\" role=\"status\"><h2>").append(escape(heading)).append("</h2><p>")
        .append(escape(text)).append("</p></div>");
    if (linkHref != null) {
      html.append("<a class=\"b\" href=\"").append(escape(linkHref)).append("\">").append(escape(linkText)).append("</a>");
    }
    return end(html);
  }

  private static StringBuilder start(String title, String unitName) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<meta name=\"referrer\" content=\"no-referrer\"><title>").append(escape(title));
    if (unitName != null) {
      html.append(" – ").append(escape(unitName));
    }
    html.append("</title><style>").append(STYLE).append("</style></head><body><header><p>")
        .append(escape(PROGRAMME)).append("</p><h1>").append(escape(title)).append("</h1>");
    if (unitName != null) {
      html.append("<p class=\"unit\">").append(escape(unitName)).append("</p>");
    }
    html.append("</header><main>");
    return html;
  }

  private static String end(StringBuilder html) {
    return html.append("<footer>").append(escape(FOOTER)).append("</footer></main></body></html>").toString();
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
