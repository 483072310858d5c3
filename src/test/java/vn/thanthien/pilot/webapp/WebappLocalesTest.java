package vn.thanthien.pilot.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Vietnamese files of Tasklist, Cockpit, Admin and Welcome against Camunda's own English files
 * of the same version (read from the Camunda webjar on the classpath): no key missing, no value
 * left in English (but the justified allow-list), and every placeholder and tag kept.
 */
class WebappLocalesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "META-INF/resources/webjars/camunda/app/";
  /** Placeholders and real HTML tags (not "<Operation>", a placeholder shown to users). */
  private static final Pattern MARKUP = Pattern.compile(
      "\\{\\{[^}]*}}|%[sd]|</?(?:a|b|i|em|strong|br|p|span|code|ul|ol|li|div|small|u)(?:\\s[^>]*)?/?>");

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = WebappLocalesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }
  }

  private static Map<String, JsonNode> leaves(JsonNode node, String path, Map<String, JsonNode> into) {
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> leaves(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), into));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), path + "[" + i + "]", into);
      }
    } else {
      into.put(path, node);
    }
    return into;
  }

  private static Set<String> allowList(String app) throws IOException {
    Set<String> allowed = new TreeSet<>();
    try (InputStream in = WebappLocalesTest.class.getResourceAsStream("/webapp/vi-identical-allowlist.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t")[0].split(" ", 2);
        if (parts[0].equals("*") || parts[0].equals(app)) {
          allowed.add(parts[1].trim());
        }
      }
    }
    return allowed;
  }

  private static List<String> markup(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = MARKUP.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replaceAll("\\s+", ""));
    }
    found.sort(null);
    return found;
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void vietnameseCoversEveryEnglishKeyAndTranslatesIt(String app) throws IOException {
    Map<String, JsonNode> english = leaves(read(BASE + app + "/locales/en.json"), "", new LinkedHashMap<>());
    Map<String, JsonNode> vietnamese = leaves(read(BASE + app + "/locales/vi.json"), "", new LinkedHashMap<>());
    Set<String> allowed = allowList(app);

    List<String> missing = english.keySet().stream().filter(k -> !vietnamese.containsKey(k)).toList();
    assertThat(missing).as(app + ": keys of Camunda's en.json missing from vi.json").isEmpty();

    List<String> untranslated = new ArrayList<>();
    List<String> brokenMarkup = new ArrayList<>();
    english.forEach((key, value) -> {
      JsonNode vi = vietnamese.get(key);
      if (vi.equals(value) && !value.asText().isBlank() && !allowed.contains(key)) {
        untranslated.add(key + " = " + value.asText());
      }
      if (!markup(value.asText()).equals(markup(vi.asText()))) {
        brokenMarkup.add(key + ": " + markup(value.asText()) + " vs " + markup(vi.asText()));
      }
    });
    assertThat(untranslated).as(app + ": Vietnamese values left identical to English").isEmpty();
    assertThat(brokenMarkup).as(app + ": placeholders or tags changed").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyAppTakesTheSharedVietnameseSettings(String app) throws IOException {
    assertThat(text(BASE + app + "/scripts/config.js")).contains("import pilotConfig from '../../pilot-shared/config.js'");
    assertThat(text(BASE + app + "/styles/user-styles.css")).contains("../../pilot-shared/user-styles.css");
    assertThat(text(BASE + "pilot-shared/config.js").replaceAll("\\s+", ""))
        .contains("availableLocales:['vi','en']").contains("fallbackLocale:'vi'");
  }

  private String text(String resource) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
