package vn.thanthien.pilot.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What officials read on the forms: every number field says its unit, every score field its
 * maximum (the one of the decision {@code pilot-scoring-scheme}), the scoring forms show the scale,
 * and no text template shows a date other than dd/MM/yyyy or a decimal with a point.
 */
class FormUnitsAndFormatsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  /** A unit in brackets: "(người)", "(phiếu)", "(điểm, tối đa 20)". */
  static final Pattern UNIT = Pattern.compile("\\((điểm|người|phiếu|ngày|tháng|năm|%|đồng)[,)]");
  static final Pattern MAXIMUM = Pattern.compile("tối đa (\\d+)");
  static final Pattern SCORE_KEY = Pattern.compile("(selfArea|appraisedArea)(\\d)|.*Score.*");
  static final Pattern ISO_DATE = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
  static final Pattern POINT_DECIMAL = Pattern.compile("\\d\\.\\d");
  static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
  /**
   * Variables the server writes as numbers (a template prints them with a point: "87.5") or as
   * dates in the date picker's "yyyy-MM-dd"; forms show their texts (…Text, dd/MM/yyyy) instead.
   */
  static final Set<String> RAW_VALUES = Set.of("totalScore", "satisfactionRate", "interimReviewAt", "reportDueAt");

  static Map<String, JsonNode> forms = new TreeMap<>();
  static Map<Integer, Integer> schemeMaxima = new TreeMap<>();
  static Set<String> dateFields = new TreeSet<>();
  static Set<String> numberFields = new TreeSet<>();

  @BeforeAll
  static void readModels() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
        forms.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
      }
    }
    forms.values().forEach(form -> eachField(form.path("components"), (field, type) -> {
      if ("datetime".equals(type)) {
        dateFields.add(field.path("key").asText());
      } else if ("number".equals(type)) {
        numberFields.add(field.path("key").asText());
      }
    }));
    DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream in = Files.newInputStream(Path.of("bpmn/pilot-rating.dmn"))) {
      DmnDecision scheme = engine.parseDecision("pilot-scoring-scheme", in);
      Map<?, ?> maxima = (Map<?, ?>) engine.evaluateDecision(scheme, Map.of()).getSingleResult().getSingleEntry();
      for (int area = 1; area <= 5; area++) {
        schemeMaxima.put(area, ((Number) maxima.get("max" + area)).intValue());
      }
    }
  }

  @Test
  void everyNumberFieldSaysItsUnitAndEveryScoreItsMaximum() {
    List<String> problems = new ArrayList<>();
    forms.forEach((name, form) -> eachField(form.path("components"), (field, type) -> {
      if (!"number".equals(type)) {
        return;
      }
      String key = field.path("key").asText();
      String words = field.path("label").asText() + " " + field.path("description").asText();
      if (!UNIT.matcher(words).find()) {
        problems.add(name + ": «" + key + "» does not say its unit: " + words);
      }
      Matcher score = SCORE_KEY.matcher(key);
      if (score.matches()) {
        Matcher maximum = MAXIMUM.matcher(words);
        if (!maximum.find()) {
          problems.add(name + ": score «" + key + "» does not say its maximum");
        } else {
          int said = Integer.parseInt(maximum.group(1));
          if (field.path("validate").has("max") && field.path("validate").path("max").asInt() != said) {
            problems.add(name + ": score «" + key + "» says maximum " + said + " but checks " + field.path("validate").path("max"));
          }
          if (score.group(2) != null && schemeMaxima.get(Integer.parseInt(score.group(2))) != said) {
            problems.add(name + ": score «" + key + "» says maximum " + said + ", pilot-scoring-scheme says "
                + schemeMaxima.get(Integer.parseInt(score.group(2))));
          }
        }
      }
    }));
    assertThat(numberFields).contains("selfArea1", "appraisedArea5", "staffTotal", "surveySatisfied");
    assertThat(problems).isEmpty();
  }

  @Test
  void theScoringFormsShowTheScale() {
    int total = schemeMaxima.values().stream().mapToInt(Integer::intValue).sum();
    for (String name : List.of("commune-self-assessment.form", "commune-appraisal.form")) {
      String texts = String.join("\n", texts(forms.get(name)));
      assertThat(texts).as(name).contains("tổng " + total + " điểm").contains("từ 80").contains("50%")
          .contains("Xuất sắc").contains("Tốt").contains("«Đạt»");
    }
  }

  @Test
  void textTemplatesShowDatesAsDayMonthYearAndDecimalsWithAComma() {
    List<String> problems = new ArrayList<>();
    Set<String> raw = new TreeSet<>(RAW_VALUES);
    raw.addAll(dateFields);
    raw.addAll(numberFields);
    forms.forEach((name, form) -> {
      for (String text : texts(form)) {
        if (ISO_DATE.matcher(text).find()) {
          problems.add(name + ": an ISO date in «" + text + "»");
        }
        if (POINT_DECIMAL.matcher(text.replaceAll("\\{\\{[^}]*}}", "")).find()) {
          problems.add(name + ": a decimal with a point in «" + text + "»");
        }
        Matcher template = TEMPLATE.matcher(text);
        while (template.find()) {
          if (raw.contains(template.group(1))) {
            problems.add(name + ": «{{" + template.group(1) + "}}» is a date or number as stored, not as officials read it");
          }
        }
      }
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckerCatchesWhatItLooksFor() {
    assertThat(UNIT.matcher("Điểm tiêu chí 1 (điểm, tối đa 20)").find()).isTrue();
    assertThat(UNIT.matcher("Tổng số cán bộ (người)").find()).isTrue();
    assertThat(UNIT.matcher("Tổng số cán bộ").find()).isFalse();
    assertThat(ISO_DATE.matcher("ngày 2025-03-05").find()).isTrue();
    assertThat(POINT_DECIMAL.matcher("87.5 điểm").find()).isTrue();
    assertThat(POINT_DECIMAL.matcher("87,5 điểm").find()).isFalse();
  }

  /** Texts, labels and descriptions an official reads. */
  private static List<String> texts(JsonNode form) {
    List<String> texts = new ArrayList<>();
    eachField(form.path("components"), (component, type) -> {
      for (String property : List.of("text", "label", "description", "dateLabel")) {
        if (component.has(property)) {
          texts.add(component.path(property).asText());
        }
      }
    });
    return texts;
  }

  private static void eachField(JsonNode components, BiConsumer<JsonNode, String> action) {
    for (JsonNode component : components) {
      action.accept(component, component.path("type").asText());
      eachField(component.path("components"), action);
    }
  }
}
