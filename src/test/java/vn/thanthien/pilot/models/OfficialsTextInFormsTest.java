package vn.thanthien.pilot.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Camunda Forms render a "text" component as Markdown (HTML allowed after sanitising), so what an
 * official typed never goes into a text template: another unit sees it in a disabled textarea or
 * textfield (shown as typed, never submitted). Summaries built in Java escape it themselves.
 */
class OfficialsTextInFormsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern TEMPLATE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Test
  void noTextTemplateShowsWhatAnOfficialTyped() throws IOException {
    List<JsonNode> forms = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        forms.add(JSON.readTree(file.toFile()));
      }
    }
    Set<String> typed = new TreeSet<>();
    forms.forEach(form -> collectTyped(form.path("components"), typed));
    assertThat(typed).contains("planArea1", "selectionRationale", "communeLessons", "planResponsible");

    List<String> problems = new ArrayList<>();
    for (JsonNode form : forms) {
      checkTemplates(form.path("id").asText(), form.path("components"), typed, problems);
    }
    assertThat(problems).isEmpty();
  }

  private static void collectTyped(JsonNode components, Set<String> typed) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if (("textfield".equals(type) || "textarea".equals(type)) && component.has("key")) {
        typed.add(component.path("key").asText());
      }
      collectTyped(component.path("components"), typed);
    }
  }

  private static void checkTemplates(String form, JsonNode components, Set<String> typed, List<String> problems) {
    for (JsonNode component : components) {
      if ("text".equals(component.path("type").asText())) {
        Matcher names = TEMPLATE_NAME.matcher(component.path("text").asText());
        while (names.find()) {
          if (typed.contains(names.group())) {
            problems.add(form + ": text " + component.path("id").asText() + " shows «" + names.group() + "»");
          }
        }
      }
      checkTemplates(form, component.path("components"), typed, problems);
    }
  }
}
