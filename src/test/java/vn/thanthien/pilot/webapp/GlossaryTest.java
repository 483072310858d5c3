package vn.thanthien.pilot.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The glossary (src/main/resources/glossary/thuat-ngu.yaml) against every text an official reads:
 * the four webapps' Vietnamese locale files, the models' names, labels and documentation, and the
 * forms' labels, descriptions and texts. A ruled-out variant fails the test, with the file, the
 * place and the term to use instead; the glossary's "allow" list names the few legitimate
 * exceptions, each with its reason.
 */
class GlossaryTest {

  private static final Path GLOSSARY = Path.of("src/main/resources/glossary/thuat-ngu.yaml");
  private static final Path WEBAPPS = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app");
  private static final Path MODELS = Path.of("bpmn");
  private static final List<String> APPS = List.of("tasklist", "cockpit", "admin", "welcome");
  /** Form-js properties a person reads. */
  private static final Set<String> FORM_TEXT_KEYS =
      Set.of("label", "description", "text", "placeholder", "prefixAdorner", "suffixAdorner", "title");

  private static final ObjectMapper JSON = new ObjectMapper();

  private record Rule(String concept, String term, String variant, boolean alone, Pattern pattern, List<String> except) {}

  private record Allowed(String file, String variant, String text, String reason) {}

  private record Text(String file, String where, String text) {}

  private static List<Rule> rules;
  private static List<Allowed> allowed;

  @BeforeAll
  static void readGlossary() throws IOException {
    JsonNode glossary = new ObjectMapper(new YAMLFactory()).readTree(GLOSSARY.toFile());
    rules = new ArrayList<>();
    for (JsonNode concept : glossary.get("concepts")) {
      String key = concept.get("key").asText();
      String term = concept.get("term").asText();
      List<String> except = strings(concept.get("except")).stream().map(GlossaryTest::normalise).toList();
      for (String variant : strings(concept.get("ruledOut"))) {
        rules.add(new Rule(key, term, variant, false, wholeWords(normalise(variant)), except));
      }
      for (String variant : strings(concept.get("ruledOutAlone"))) {
        rules.add(new Rule(key, term, variant, true, null, except));
      }
    }
    allowed = new ArrayList<>();
    for (JsonNode allow : glossary.path("allow")) {
      allowed.add(new Allowed(allow.get("file").asText(), allow.get("variant").asText(),
          allow.get("text").asText(), allow.path("reason").asText()));
    }
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node != null) {
      node.forEach(value -> values.add(value.asText()));
    }
    return values;
  }

  /**
   * Vietnamese-aware comparison form: NFC, lower case, one space between words, and the old tone
   * placement ("hoá", "thuỷ") written as the new one ("hóa", "thủy").
   */
  static String normalise(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.forLanguageTag("vi"));
    s = s.replaceAll("\\s+", " ").trim();
    String[][] tones = {
        {"oá", "óa"}, {"oà", "òa"}, {"oả", "ỏa"}, {"oã", "õa"}, {"oạ", "ọa"},
        {"oé", "óe"}, {"oè", "òe"}, {"oẻ", "ỏe"}, {"oẽ", "õe"}, {"oẹ", "ọe"},
        {"uý", "úy"}, {"uỳ", "ùy"}, {"uỷ", "ủy"}, {"uỹ", "ũy"}, {"uỵ", "ụy"}};
    for (String[] tone : tones) {
      // Only where the vowel pair ends the syllable ("hoàn" keeps its tone on the a).
      s = s.replaceAll(tone[0] + "(?![\\p{L}\\p{M}])", tone[1]);
    }
    return s;
  }

  private static Pattern wholeWords(String phrase) {
    return Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{M}\\p{N}_])");
  }

  private static String alone(String text) {
    return normalise(text).replaceAll("[\\s:*.…]+$", "").trim();
  }

  /** Every ruled-out variant in these texts, as "file — where: "text" → use "term" (concept)". */
  private static List<String> violations(List<Text> texts) {
    List<String> found = new ArrayList<>();
    for (Text text : texts) {
      String normalised = normalise(text.text());
      Set<String> reported = new HashSet<>();
      for (Rule rule : rules) {
        if (reported.contains(rule.concept())) {
          continue;
        }
        boolean hit;
        if (rule.alone()) {
          hit = alone(text.text()).equals(normalise(rule.variant()));
        } else {
          String rest = normalised;
          for (String phrase : rule.except()) {
            rest = wholeWords(phrase).matcher(rest).replaceAll(" ");
          }
          hit = rule.pattern().matcher(rest).find();
        }
        if (hit && !isAllowed(text, rule)) {
          reported.add(rule.concept());
          found.add(text.file() + " — " + text.where() + ": \"" + text.text() + "\" has \"" + rule.variant()
              + "\" → use \"" + rule.term() + "\" (" + rule.concept() + ")");
        }
      }
    }
    return found;
  }

  private static boolean isAllowed(Text text, Rule rule) {
    return allowed.stream().anyMatch(a -> a.file().equals(text.file())
        && normalise(a.variant()).equals(normalise(rule.variant()))
        && normalise(a.text()).equals(normalise(text.text()))
        && !a.reason().isBlank());
  }

  private static String file(Path path) {
    return path.toString().replace('\\', '/');
  }

  // ---- the texts ----

  private static List<Text> localeTexts() throws IOException {
    List<Text> texts = new ArrayList<>();
    for (String app : APPS) {
      Path path = WEBAPPS.resolve(app).resolve("locales/vi.json");
      String content = Files.readString(path, StandardCharsets.UTF_8);
      JsonNode root = JSON.readTree(content.startsWith("\uFEFF") ? content.substring(1) : content);
      jsonTexts(root, "", file(path), null, texts);
    }
    return texts;
  }

  /** Every string of a JSON tree, or with {@code keys} only the values of those properties. */
  private static void jsonTexts(JsonNode node, String where, String file, Set<String> keys, List<Text> into) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
        String path = where.isEmpty() ? field.getKey() : where + "." + field.getKey();
        JsonNode value = field.getValue();
        if (value.isTextual()) {
          if (keys == null || keys.contains(field.getKey())) {
            into.add(new Text(file, path, value.asText()));
          }
        } else {
          jsonTexts(value, path, file, keys, into);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode value = node.get(i);
        if (value.isTextual()) {
          if (keys == null) {
            into.add(new Text(file, where + "[" + i + "]", value.asText()));
          }
        } else {
          jsonTexts(value, where + "[" + i + "]", file, keys, into);
        }
      }
    }
  }

  private static List<Path> models(String... extensions) throws IOException {
    try (Stream<Path> files = Files.list(MODELS)) {
      return files.filter(p -> Stream.of(extensions).anyMatch(e -> p.toString().endsWith(e))).sorted().toList();
    }
  }

  /** Names and labels (attributes), documentation, descriptions and annotation texts of BPMN and DMN. */
  private static List<Text> modelTexts() throws Exception {
    List<Text> texts = new ArrayList<>();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    for (Path path : models(".bpmn", ".dmn")) {
      Element root = factory.newDocumentBuilder().parse(path.toFile()).getDocumentElement();
      modelTexts(root, file(path), texts);
    }
    return texts;
  }

  private static void modelTexts(Element element, String file, List<Text> into) {
    String where = element.getLocalName() + (element.hasAttribute("id") ? "#" + element.getAttribute("id") : "");
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if ((name.equals("name") || name.equals("label")) && !attribute.getValue().isBlank()) {
        into.add(new Text(file, where + " @" + name, attribute.getValue()));
      }
    }
    String local = element.getLocalName();
    Node parent = element.getParentNode();
    boolean annotation = "text".equals(local) && parent != null && "textAnnotation".equals(parent.getLocalName());
    if ("documentation".equals(local) || "description".equals(local) || annotation) {
      into.add(new Text(file, (parent instanceof Element p ? p.getLocalName() + "#" + p.getAttribute("id") : "")
          + " " + local, element.getTextContent().trim()));
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        modelTexts(child, file, into);
      }
    }
  }

  private static List<Text> formTexts() throws IOException {
    List<Text> texts = new ArrayList<>();
    for (Path path : models(".form")) {
      jsonTexts(JSON.readTree(path.toFile()), "", file(path), FORM_TEXT_KEYS, texts);
    }
    return texts;
  }

  // ---- the tests ----

  @Test
  void theGlossaryIsConsistent() {
    assertThat(rules).as("ruled-out variants in the glossary").isNotEmpty();
    List<String> clashes = new ArrayList<>();
    for (Rule rule : rules) {
      clashes.addAll(violations(List.of(new Text(file(GLOSSARY), rule.concept(), rule.term()))));
    }
    assertThat(clashes).as("a term the glossary itself rules out").isEmpty();
    assertThat(allowed).as("every exception in the glossary says why").allMatch(a -> !a.reason().isBlank());
  }

  @Test
  void theWebappsUseOnlyTheGlossarysTerms() throws IOException {
    List<Text> texts = localeTexts();
    assertThat(texts).hasSizeGreaterThan(1000);
    assertThat(violations(texts)).as("ruled-out variants in the webapps' vi.json (see glossary/thuat-ngu.yaml)").isEmpty();
  }

  @Test
  void theModelsUseOnlyTheGlossarysTerms() throws Exception {
    List<Text> texts = modelTexts();
    assertThat(texts).hasSizeGreaterThan(100);
    assertThat(violations(texts)).as("ruled-out variants in bpmn/*.bpmn and bpmn/*.dmn (see glossary/thuat-ngu.yaml)").isEmpty();
  }

  @Test
  void theFormsUseOnlyTheGlossarysTerms() throws IOException {
    List<Text> texts = formTexts();
    assertThat(texts).hasSizeGreaterThan(50);
    assertThat(violations(texts)).as("ruled-out variants in bpmn/*.form (see glossary/thuat-ngu.yaml)").isEmpty();
  }

  @Test
  void theMatchingIsVietnameseAware() {
    Rule khoa = rules.stream().filter(r -> r.variant().equals("khóa nghiệp vụ")).findFirst().orElseThrow();
    assertThat(khoa.pattern().matcher(normalise("Khoá  nghiệp vụ (business key)")).find()).isTrue();
    assertThat(violations(List.of(new Text("x", "y", "Người đang xử lý")))).isEmpty();
    assertThat(violations(List.of(new Text("x", "y", "Mã nghiệp vụ")))).isEmpty();
    assertThat(violations(List.of(new Text("x", "y", "Mã:")))).hasSize(1);
    assertThat(violations(List.of(new Text("x", "y", "Trả lại để bổ sung")))).isEmpty();
    assertThat(violations(List.of(new Text("x", "y", "Hoàn thành")))).isEmpty();
    assertThat(violations(List.of(new Text("x", "y", "Tiếp tục")))).isEmpty();
    assertThat(violations(List.of(new Text("x", "y", "Tiếp")))).hasSize(1);
  }
}
