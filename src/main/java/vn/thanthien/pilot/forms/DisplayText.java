package vn.thanthien.pilot.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Officials' free text shown inside Markdown that the application builds (summaries rendered by
 * Camunda Forms "text" components, which Tasklist renders with {@code marked}, GFM and
 * {@code breaks: true}). Whatever an official typed must appear as typed: no HTML tag, link,
 * image, heading, list or emphasis may take effect.
 *
 * <p>Every ASCII punctuation character is backslash-escaped (CommonMark and marked treat
 * {@code \<} as a literal {@code <}, {@code \&} as a literal {@code &}, and so on), which also
 * breaks the {@code http://}, {@code www.} and e-mail patterns of GFM's automatic links. Leading
 * blanks of a line are dropped (four of them would start a code block). Line breaks are kept:
 * {@code breaks: true} shows a single newline as a line break.
 */
public final class DisplayText {

  private static final String MARKDOWN_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DisplayText() {}

  /**
   * A text for a form's text template, as a variable of type Json holding one JSON string. A
   * String variable is stored in a column of 4,000 characters; a summary that embeds officials'
   * texts outgrows it. Tasklist parses a Json variable before the form sees it, so the template
   * {@code {{name}}} shows the text itself.
   */
  public static JsonValue longText(String text) {
    try {
      return SpinValues.jsonValue(MAPPER.writeValueAsString(text)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text, escaped so that Markdown shows it literally; its line breaks kept. */
  public static String escapeMarkdown(Object text) {
    return escapeMarkdown(text, "");
  }

  /**
   * The text, escaped so that Markdown shows it literally, with every line after the first
   * indented by {@code continuation} (e.g. two spaces to stay inside a list item "- …"). Empty
   * lines are dropped, so the text never ends the block it is placed in.
   */
  public static String escapeMarkdown(Object text, String continuation) {
    if (text == null) {
      return "";
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.toString().split("\\R")) {
      String escaped = escapeLine(line.strip());
      if (!escaped.isEmpty()) {
        lines.add(escaped);
      }
    }
    return String.join("\n" + continuation, lines);
  }

  private static String escapeLine(String line) {
    StringBuilder out = new StringBuilder(line.length() + 16);
    line.codePoints().forEach(c -> {
      if (c < 0x80 && MARKDOWN_PUNCTUATION.indexOf(c) >= 0) {
        out.append('\\').append((char) c);
      } else if (Character.isISOControl(c)) {
        out.append(' ');
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString().strip();
  }
}
