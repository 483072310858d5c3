package vn.thanthien.pilot.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
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
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.reporting.SummaryText;
import vn.thanthien.pilot.webapp.SourceLiterals.Language;

/**
 * The glossary (src/main/resources/glossary/thuat-ngu.yaml) against every text an official reads:
 * the four webapps' Vietnamese locale files, the models' names, labels and documentation, the
 * forms' labels, descriptions and texts, and the server's own texts (the Vietnamese string literals
 * of its Java code and of its scripts, the texts of its other resources). A ruled-out variant fails
 * the test, with the file, the place and the term to use instead; the glossary's "allow" list names
 * the few legitimate exceptions, each with its reason. The server's texts are also checked for the
 * way they write dates (dd/MM/yyyy) and decimals (the Vietnamese comma).
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

  private static final Path SERVER_CODE = Path.of("src/main/java");
  private static final Path SERVER_RESOURCES = Path.of("src/main/resources");
  /** A letter with a diacritic (NFD splits "ế" into e and its marks) or đ: a Vietnamese text. */
  private static final Pattern VIETNAMESE = Pattern.compile("[đĐ]|\\p{M}");
  /**
   * Java files that make texts for officials without a Vietnamese literal of their own (the others
   * are those with one): the shared helper that writes dates and numbers as officials read them.
   */
  private static final Set<String> TEXT_HELPERS = Set.of("src/main/java/vn/thanthien/pilot/forms/FormValues.java");

  private record Rule(String concept, String term, String variant, boolean alone, Pattern pattern, List<String> except) {}

  private record Allowed(String file, String variant, String text, String reason) {}

  private record Text(String file, String where, String text) {}

  /** A source file of the server, its text and its literals. */
  private record Source(String file, String text, SourceLiterals lexed) {}

  /** Formatting that a format check lets pass in one file, and why. */
  private record Exclusion(String file, String found, String reason) {}

  /** A way of writing dates or numbers that officials do not read, and what to write instead. */
  private record FormatRule(Pattern pattern, String instead) {}

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

  static boolean isVietnamese(String text) {
    return VIETNAMESE.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).find();
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


  // ---- the server's texts ----

  private static List<Path> files(Path root, String extension) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(extension)).sorted().toList();
    }
  }

  private static Source source(Path path, Language language) throws IOException {
    return source(file(path), Files.readString(path, StandardCharsets.UTF_8), language);
  }

  private static Source source(String file, String text, Language language) {
    return new Source(file, text, SourceLiterals.read(text, language));
  }

  private static List<Source> javaSources() throws IOException {
    List<Source> sources = new ArrayList<>();
    for (Path path : files(SERVER_CODE, ".java")) {
      sources.add(source(path, Language.JAVA));
    }
    return sources;
  }

  /** The Vietnamese literals of these sources, each a text of its own (a concatenation is read piecewise). */
  private static List<Text> literalTexts(List<Source> sources) {
    List<Text> texts = new ArrayList<>();
    for (Source source : sources) {
      source.lexed().literals().stream().filter(l -> isVietnamese(l.text()))
          .forEach(l -> texts.add(new Text(source.file(), "line " + l.line(), l.text())));
    }
    return texts;
  }

  /**
   * The server's resources, by kind: scripts and styles (string literals: the Cockpit plugin, the
   * Tasklist scripts, the webapps' shared config), YAML and the web app manifest (string values: the
   * reorganisations' names, Tasklist's name on a phone's home screen),
   * templates and message files (every line). Not read: the locale files (see
   * {@link #theWebappsUseOnlyTheGlossarysTerms}), the glossary itself, CSV data (the names of
   * administrative units as the state lists them), fonts, comments. A file of another kind with Vietnamese
   * in it fails the test, so that a new kind of resource is not passed over.
   */
  private static List<Text> resourceTexts() throws IOException {
    List<Text> texts = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    for (Path path : files(SERVER_RESOURCES, "")) {
      String name = path.getFileName().toString();
      String kind = name.substring(name.lastIndexOf('.') + 1);
      String content = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
      // fonts (the survey poster's) are glyphs, not texts
      if (path.equals(GLOSSARY) || kind.equals("csv") || kind.equals("ttf")
          || (kind.equals("json") && path.getParent().endsWith("locales"))) {
        continue;
      }
      switch (kind) {
        case "js" -> texts.addAll(literalTexts(List.of(source(path, Language.JAVASCRIPT))));
        case "css" -> texts.addAll(literalTexts(List.of(source(path, Language.CSS))));
        case "yaml", "yml", "webmanifest" -> yamlTexts(path, content, texts);
        case "docx" -> {
          // a document template (README "Văn bản dự thảo"): every line of its text, tables included
          try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(path));
              var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            List<String> lines = extractor.getText().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
              if (isVietnamese(lines.get(i))) {
                texts.add(new Text(file(path), "line " + (i + 1), lines.get(i).trim()));
              }
            }
          }
        }
        case "png", "jpg", "jpeg", "ico", "ttf", "otf", "woff", "woff2", "zip" -> {
          // pictures, fonts and archives: bytes, no text to read
        }
        case "properties", "html", "txt", "ftl", "ftlh", "mustache", "vm", "md" -> {
          List<String> lines = content.lines().toList();
          for (int i = 0; i < lines.size(); i++) {
            if (isVietnamese(lines.get(i))) {
              texts.add(new Text(file(path), "line " + (i + 1), lines.get(i).trim()));
            }
          }
        }
        default -> {
          if (isVietnamese(content)) {
            unread.add(file(path));
          }
        }
      }
    }
    assertThat(unread).as("resources with Vietnamese text of a kind GlossaryTest does not read: teach it").isEmpty();
    return texts;
  }

  private static void yamlTexts(Path path, String content, List<Text> into) throws IOException {
    try (JsonParser parser = new YAMLFactory().createParser(content)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_STRING && isVietnamese(parser.getText())) {
          into.add(new Text(file(path), "line " + parser.currentTokenLocation().getLineNr(), parser.getText()));
        }
      }
    }
  }

  // ---- how the server's texts write dates and numbers ----

  /**
   * The Java files that make texts officials read: those with a Vietnamese literal (messages, mail,
   * summaries written into variables, sheets, filters), and {@link #TEXT_HELPERS}. The others write
   * JSON, variable values, ids, file names or operators' logs, where ISO dates and points are right.
   */
  private static List<Source> textMakingJava() throws IOException {
    return javaSources().stream().filter(s -> TEXT_HELPERS.contains(s.file())
        || s.lexed().literals().stream().anyMatch(l -> isVietnamese(l.text()))).toList();
  }

  /**
   * Every match of the rules that starts in code (not in a comment or inside a literal) and that no
   * exclusion lets pass.
   */
  private static List<String> misformatted(List<Source> sources, List<FormatRule> rules, List<Exclusion> exclusions) {
    List<String> found = new ArrayList<>();
    for (Source source : sources) {
      String code = source.lexed().code();
      for (FormatRule rule : rules) {
        Matcher m = rule.pattern().matcher(source.text());
        while (m.find()) {
          String what = source.text().substring(m.start(), m.end()).strip();
          boolean inCode = code.charAt(m.start()) == source.text().charAt(m.start());
          if (inCode && exclusions.stream().noneMatch(e -> e.file().equals(source.file()) && e.found().equals(what))) {
            found.add(source.file() + " — line " + source.lexed().line(m.start()) + ": \"" + what + "\" → " + rule.instead());
          }
        }
      }
    }
    return found;
  }

  /** Rules for variables of these types: used in a text as they are ({@code + x}, {@code append(x)}, {@code valueOf(x)}). */
  private static List<FormatRule> variablesInTexts(Source source, String types, String instead) {
    List<FormatRule> rules = new ArrayList<>();
    Matcher declared = Pattern.compile("\\b(?:" + types + ")\\s+(\\w+)\\s*[=;,):]").matcher(source.lexed().code());
    Set<String> names = new HashSet<>();
    while (declared.find()) {
      names.add(declared.group(1));
    }
    for (String name : names) {
      String n = Pattern.quote(name);
      rules.add(new FormatRule(Pattern.compile("\"\\s*\\+\\s*" + n + "\\b(?!\\s*[.(\\[])|(?<![.\\w])" + n
          + "\\s*\\+\\s*\"|\\.append\\(\\s*" + n + "\\s*\\)|String\\.valueOf\\(\\s*" + n + "\\s*\\)|(?<![.\\w])"
          + n + "\\s*\\.\\s*toString\\(\\)"), instead));
    }
    return rules;
  }

  /** A chain of names and calls, "x", "n.value()", "a.b(c).d()": what stands before a .doubleValue() in a text. */
  private static final String CALLS = "\\w+(?:\\s*\\.\\s*\\w+(?:\\s*\\([^()]*\\))?)*";
  /** A literal that is nothing but a date pattern: "yyyy-MM-dd", "dd/MM/yyyy HH:mm", "yyyyMMdd". */
  private static final Pattern DATE_PATTERN = Pattern.compile("(?=.*(?:yy|uu))[yuMdHhms:/. \\-]+");
  private static final Pattern OFFICIALS_DATE = Pattern.compile("dd/MM/yyyy( HH:mm)?");
  /** The same in Excel's notation (Apache POI's cell formats), where mm after dd is the month. */
  private static final Pattern OFFICIALS_EXCEL_DATE = Pattern.compile("dd/mm/yyyy( hh:mm)?");
  /** Code right before a literal that is a Java date pattern. */
  private static final Pattern FORMATTER_CALL = Pattern.compile("(?:ofPattern|SimpleDateFormat)\\(\\s*$");
  private static final Pattern ISO_DATE_IN_TEXT = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b|(?i)yyyy-mm-dd");
  private static final String USE_DISPLAY_DATE = "write it dd/MM/yyyy (FormValues.display) in a text an official reads";

  /**
   * ISO days in the files that make texts for officials, and why they stay. All other ISO
   * formatting in those files fails. In the other files ISO is right (see {@link #textMakingJava});
   * none formats a date today: the summary's JSON days are ISO (Jackson), and plugin.js shows them
   * dd/MM/yyyy. The Excel sheet's cell formats ("dd/mm/yyyy", "dd/mm/yyyy hh:mm") are Excel's
   * notation for dd/MM/yyyy and pass.
   */
  private static final List<Exclusion> DATE_EXCLUSIONS = List.of(
      new Exclusion("src/main/java/vn/thanthien/pilot/forms/FormValues.java", "DateTimeFormatter.ISO_LOCAL_DATE",
          "parses the date picker's yyyy-MM-dd value; the texts it writes use DISPLAY_DATE (dd/MM/yyyy)"),
      new Exclusion("src/main/java/vn/thanthien/pilot/organisation/AdministrativeUnit.java",
          "DateTimeFormatter.BASIC_ISO_DATE",
          "the day in a group id (commune-<code>-<yyyyMMdd>): part of an identifier, not a date to read"));

  /** Decimals written with a point in the files that make texts for officials, and why they stay. */
  private static final List<Exclusion> DECIMAL_EXCLUSIONS = List.of(
      new Exclusion("src/main/java/vn/thanthien/pilot/forms/FormValues.java", "String.valueOf(number)",
          "FormValues.display(double), the shared helper: it replaces the point by the Vietnamese comma"));

  private static List<String> dateProblems(List<Source> sources) {
    List<String> found = new ArrayList<>();
    for (Source source : sources) {
      boolean excel = source.text().contains("import org.apache.poi.");
      String code = source.lexed().code();
      for (SourceLiterals.Literal literal : source.lexed().literals()) {
        String text = literal.text();
        boolean formatter = FORMATTER_CALL.matcher(code.substring(Math.max(0, literal.offset() - 40), literal.offset())).find();
        boolean officials = OFFICIALS_DATE.matcher(text).matches()
            || (excel && !formatter && OFFICIALS_EXCEL_DATE.matcher(text).matches());
        String where = source.file() + " — line " + literal.line() + ": \"" + text + "\"";
        if ((formatter || DATE_PATTERN.matcher(text).matches()) && !officials) {
          found.add(where + " is a date pattern officials do not read → use dd/MM/yyyy (FormValues.DISPLAY_DATE)");
        } else if (isVietnamese(text) && ISO_DATE_IN_TEXT.matcher(text).find()) {
          found.add(where + " has a yyyy-MM-dd date → " + USE_DISPLAY_DATE);
        }
      }
      List<FormatRule> rules = new ArrayList<>(variablesInTexts(source,
          "LocalDate|LocalDateTime|ZonedDateTime|OffsetDateTime|Instant|Date|java\\.util\\.Date",
          "a date printed as it is (yyyy-MM-dd or \"Wed Jul 05 …\"): " + USE_DISPLAY_DATE));
      rules.add(new FormatRule(Pattern.compile("\\bDateTimeFormatter\\s*\\.\\s*(?:ISO_\\w+|BASIC_ISO_DATE)"),
          "ISO, not dd/MM/yyyy: " + USE_DISPLAY_DATE));
      rules.add(new FormatRule(Pattern.compile("(?:\\+\\s*|\\.append\\(\\s*)" + CALLS + "\\.get(?:StartTime|EndTime|DueDate|"
          + "CreateTime|FollowUpDate|RemovalTime)\\(\\)(?!\\s*\\.)|\\.get(?:StartTime|EndTime|DueDate|CreateTime|FollowUpDate|"
          + "RemovalTime)\\(\\)\\s*\\+"), "an engine date printed as it is: " + USE_DISPLAY_DATE));
      found.addAll(misformatted(List.of(source), rules, DATE_EXCLUSIONS));
    }
    return found;
  }

  private static final String USE_COMMA = "write it with the Vietnamese comma (FormValues.display: 87,5) in a text an official reads";
  /** A format specifier that prints a decimal point: %f, %.1f, %,.2f, %e, %g. */
  private static final Pattern POINT_FORMAT = Pattern.compile("%(?:\\d+\\$)?[-#+0,(]*\\d*(?:\\.\\d+)?[fFeEgGaA]");

  private static List<String> decimalProblems(List<Source> sources) {
    List<String> found = new ArrayList<>();
    for (Source source : sources) {
      source.lexed().literals().stream().filter(l -> POINT_FORMAT.matcher(l.text()).find())
          .forEach(l -> found.add(source.file() + " — line " + l.line() + ": \"" + l.text()
              + "\" formats a decimal with a point → " + USE_COMMA));
      List<FormatRule> rules = new ArrayList<>(variablesInTexts(source, "double|float|Double|Float|BigDecimal",
          "a decimal printed as it is (87.5): " + USE_COMMA));
      rules.add(new FormatRule(Pattern.compile("\\b(?:Double|Float|BigDecimal)\\s*\\.\\s*(?:toString|valueOf)\\s*\\(|"
          + "new\\s+DecimalFormat\\s*\\(|NumberFormat\\s*\\.\\s*get\\w*Instance\\s*\\((?![^)]*\\bvi)|\\.toPlainString\\(\\)|"
          + "\"\\s*\\+\\s*" + CALLS + "\\.(?:double|float)Value\\(\\)(?!\\s*\\.)|\\.(?:double|float)Value\\(\\)\\s*\\+\\s*\"|"
          + "\\.append\\(\\s*" + CALLS + "\\.(?:double|float)Value\\(\\)\\s*\\)"), "a point, not a comma: " + USE_COMMA));
      found.addAll(misformatted(List.of(source), rules, DECIMAL_EXCLUSIONS));
    }
    return found;
  }

  /** The scripts an official's browser runs: numbers and dates as the browser's language or ISO would write them. */
  private static final List<FormatRule> SCRIPT_FORMATS = List.of(
      new FormatRule(Pattern.compile("\\.toFixed\\s*\\("), "a decimal point: use Intl.NumberFormat('vi-VN')"),
      new FormatRule(Pattern.compile("\\.toISOString\\s*\\(|\\.toJSON\\s*\\("), "an ISO date: write it dd/MM/yyyy"),
      new FormatRule(Pattern.compile("\\.toLocale(?:Date|Time)?String\\s*\\((?!\\s*['\"]vi)|"
          + "\\bIntl\\s*\\.\\s*(?:NumberFormat|DateTimeFormat)\\s*\\((?!\\s*['\"]vi)"),
          "the browser's language decides: pass 'vi-VN'"));

  /** More than {@code fewest} texts were read (the reader still finds them), and none has a ruled-out variant. */
  private static void assertOnlyTheGlossarysTerms(List<Text> texts, int fewest, String where) {
    assertThat(texts).as("texts read from " + where).hasSizeGreaterThan(fewest);
    assertThat(violations(texts)).as("ruled-out variants in " + where + " (see glossary/thuat-ngu.yaml)").isEmpty();
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
    assertOnlyTheGlossarysTerms(localeTexts(), 1000, "the webapps' vi.json");
  }

  @Test
  void theModelsUseOnlyTheGlossarysTerms() throws Exception {
    assertOnlyTheGlossarysTerms(modelTexts(), 100, "bpmn/*.bpmn and bpmn/*.dmn");
  }

  @Test
  void theFormsUseOnlyTheGlossarysTerms() throws IOException {
    assertOnlyTheGlossarysTerms(formTexts(), 50, "bpmn/*.form");
  }

  @Test
  void theServersMessagesUseOnlyTheGlossarysTerms() throws IOException {
    assertOnlyTheGlossarysTerms(literalTexts(javaSources()), 300, "the server's Java texts");
  }

  @Test
  void theServersResourcesUseOnlyTheGlossarysTerms() throws IOException {
    List<Text> texts = resourceTexts();
    assertThat(texts).anyMatch(t -> t.file().endsWith("plugin.js")).anyMatch(t -> t.file().endsWith("successions.yaml"))
        .anyMatch(t -> t.file().endsWith("vi-form-messages.js")).anyMatch(t -> t.file().endsWith("pilot-shared/config.js"));
    assertOnlyTheGlossarysTerms(texts, 80, "src/main/resources");
  }

  @Test
  void theServersTextsWriteDatesDdMmYyyy() throws IOException {
    List<Source> sources = textMakingJava();
    assertThat(sources).hasSizeGreaterThan(40).anyMatch(s -> s.file().endsWith("forms/FormValues.java"));
    assertThat(dateProblems(sources)).as("dates in the server's texts that are not dd/MM/yyyy").isEmpty();
    assertThat(FormValues.display(LocalDate.of(2023, 7, 5))).isEqualTo("05/07/2023");
  }

  @Test
  void theServersTextsWriteDecimalsWithAComma() throws IOException {
    assertThat(decimalProblems(textMakingJava())).as("decimals in the server's texts written with a point").isEmpty();
    assertThat(FormValues.display(87.5)).isEqualTo("87,5");
    assertThat(SummaryText.percent(85.54)).isEqualTo("85,5%");
  }

  @Test
  void theScriptsWriteDatesAndNumbersAsOfficialsReadThem() throws IOException {
    List<Source> scripts = new ArrayList<>();
    for (Path path : files(SERVER_RESOURCES, ".js")) {
      scripts.add(source(path, Language.JAVASCRIPT));
    }
    assertThat(scripts).hasSizeGreaterThan(5);
    assertThat(misformatted(scripts, SCRIPT_FORMATS, List.of())).as("dates and numbers in the scripts").isEmpty();
  }

  @Test
  void theFormatChecksFindWhatOfficialsDoNotRead() {
    Source java = source("X.java", """
        class X {
          static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
          static final DateTimeFormatter SHEET = DateTimeFormatter.ofPattern("dd/mm/yyyy");
          String a(LocalDate day, Date due, double rate, Number n) {
            return "Ngày " + day + ", hạn " + due.toString() + ", ví dụ 2023-07-05, " + instance.getStartTime()
                + DateTimeFormatter.ISO_LOCAL_DATE.format(day) + FormValues.display(day)
                + " tỷ lệ " + rate + String.format("%.1f", rate) + Double.toString(rate) + " điểm " + n.doubleValue()
                + FormValues.display(rate) + " " + String.format("%d", 3); // "hạn " + day in a comment
          }
        }
        """, Language.JAVA);
    assertThat(dateProblems(List.of(java))).hasSize(7)
        .anyMatch(p -> p.startsWith("X.java — line 2: \"yyyy-MM-dd\" is a date pattern"))
        .anyMatch(p -> p.startsWith("X.java — line 3: \"dd/mm/yyyy\""))
        .anyMatch(p -> p.startsWith("X.java — line 5: \"\" + day\" → a date printed as it is"))
        .anyMatch(p -> p.startsWith("X.java — line 5: \"due.toString()\""))
        .anyMatch(p -> p.contains("has a yyyy-MM-dd date"))
        .anyMatch(p -> p.startsWith("X.java — line 5: \"+ instance.getStartTime()\" → an engine date"))
        .anyMatch(p -> p.startsWith("X.java — line 6: \"DateTimeFormatter.ISO_LOCAL_DATE\""))
        .noneMatch(p -> p.contains(": \"FormValues.display("));
    assertThat(decimalProblems(List.of(java))).hasSize(4)
        .anyMatch(p -> p.startsWith("X.java — line 7: \"\" + rate\" → a decimal printed as it is"))
        .anyMatch(p -> p.contains("\"%.1f\" formats a decimal with a point"))
        .anyMatch(p -> p.contains("\"Double.toString(\""))
        .anyMatch(p -> p.contains("n.doubleValue()"))
        .noneMatch(p -> p.contains(": \"FormValues.display(") || p.contains("%d"));
    Source script = source("x.js", "const a = (1.5).toFixed(1) + new Date().toISOString() + d.toLocaleDateString() "
        + "+ new Intl.NumberFormat('vi-VN').format(2) + '.toFixed(';", Language.JAVASCRIPT);
    assertThat(misformatted(List.of(script), SCRIPT_FORMATS, List.of())).hasSize(3);
  }

  @Test
  void theServersTextsAreItsLiteralsNotItsComments() {
    String java = "// Trả lại việc: a comment\n/* Người xử lý */ class A {\n"
        + "  char q = '\"'; char e = '\\''; String s = \"Đang \\\"x\\\" \\u0111\" + n; // đang chạy\n"
        + "  String block = \"\"\"\n      Dòng một\n        Dòng \\\"\"\"hai\\\n      tiếp\"\"\";\n}\n";
    SourceLiterals lexed = SourceLiterals.read(java, Language.JAVA);
    assertThat(lexed.literals()).extracting(SourceLiterals.Literal::text)
        .containsExactly("Đang \"x\" đ", "Dòng một\n  Dòng \"\"\"haitiếp");
    assertThat(lexed.literals()).extracting(SourceLiterals.Literal::line).containsExactly(3, 4);
    assertThat(lexed.code()).doesNotContain("Trả lại", "xử lý", "chạy", "Dòng").contains("\" + n;");
    String js = "const r = [/^dd\\/mm\\/'yyyy$/i, 'x\\'y']; // 'không'\n"
        + "const t = `Giá trị ${m[1] + '}' + `${x}`} nhỏ`; const d = a / 2 / b, u = \"\\u{111}\";";
    assertThat(SourceLiterals.read(js, Language.JAVASCRIPT).literals()).extracting(SourceLiterals.Literal::text)
        .containsExactly("x'y", "Giá trị ", "}", " nhỏ", "đ");
    assertThat(violations(List.of(new Text("A.java", "line 3", "quy trình đang chạy")))).hasSize(1);
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
