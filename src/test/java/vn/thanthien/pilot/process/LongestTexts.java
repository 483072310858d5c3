package vn.thanthien.pilot.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What an official who writes as much as a form allows submits: every text field of the form
 * filled to its maximum length, in Vietnamese with diacritics (and, in a text area, line breaks).
 */
public final class LongestTexts {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROSE = "Ủy ban nhân dân xã niêm yết công khai thủ tục hành chính, tiếp dân "
      + "thân thiện, cán bộ tận tụy, người đứng đầu gương mẫu; trụ sở khang trang, sáng, xanh, sạch, đẹp. ";
  private static final Map<String, JsonNode> FORMS = new ConcurrentHashMap<>();

  private LongestTexts() {}

  /** The honest values, with every text field of the form at its maximum length. */
  public static VariableMap fill(String formKey, Map<String, Object> honest) {
    VariableMap filled = Variables.createVariables();
    filled.putAll(honest);
    fillComponents(form(formKey).path("components"), filled);
    return filled;
  }

  private static void fillComponents(JsonNode components, VariableMap filled) {
    for (JsonNode component : components) {
      if (component.has("components")) {
        fillComponents(component.path("components"), filled);
        continue;
      }
      String type = component.path("type").asText();
      int max = component.path("validate").path("maxLength").asInt(0);
      boolean input = !component.path("disabled").asBoolean(false) && !component.path("readonly").asBoolean(false);
      if (input && max > 0 && ("textarea".equals(type) || "textfield".equals(type))
          && !component.path("validate").has("pattern")) {
        filled.putValue(component.path("key").asText(), text(max, "textarea".equals(type)));
      }
    }
  }

  /** Vietnamese prose of exactly {@code length} characters (code points). */
  public static String text(int length, boolean lines) {
    StringBuilder text = new StringBuilder();
    int paragraph = 0;
    while (text.codePointCount(0, text.length()) < length) {
      text.append(PROSE);
      if (lines && ++paragraph % 3 == 0) {
        text.append('\n');
      }
    }
    return text.substring(0, text.offsetByCodePoints(0, length));
  }

  private static JsonNode form(String key) {
    return FORMS.computeIfAbsent(key, k -> {
      try (InputStream in = LongestTexts.class.getResourceAsStream("/bpmn/" + k + ".form")) {
        return JSON.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
