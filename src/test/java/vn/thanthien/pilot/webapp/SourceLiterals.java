package vn.thanthien.pilot.webapp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string literals of a Java, JavaScript or CSS source, each with its line and its value (escapes
 * translated), and the source's code with comments and literal contents blanked (same offsets and
 * lines as the source; the literals' quotes stay). Comments are never literals. Java: "…" with
 * escapes (also backslash-u), text blocks with their indentation stripped, char literals skipped.
 * JavaScript: '…', "…", template literals (each text between ${…} is a literal of its own), regular
 * expression literals skipped. CSS: '…' and "…" and block comments. A lexer, not a parser: good for
 * the project's own sources, which compile.
 */
final class SourceLiterals {

  enum Language { JAVA, JAVASCRIPT, CSS }

  /** A literal's value, its line (1-based) and where it stands in the source (from its opening quote). */
  record Literal(int line, int offset, String text) {}

  private static final Set<String> BEFORE_REGEX =
      Set.of("return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "yield", "await");
  private static final Pattern UNICODE_ESCAPE = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u+([0-9a-fA-F]{4})");

  private final String source;
  private final Language language;
  private final char[] code;
  private final int[] lineStarts;
  private final List<Literal> literals = new ArrayList<>();
  private int i;
  /** The last character of code before the current place, and the last word, for telling a regex from a division. */
  private char previous;
  private String previousWord = "";

  private SourceLiterals(String source, Language language) {
    this.source = source;
    this.language = language;
    this.code = source.toCharArray();
    this.lineStarts = lineStarts(source);
  }

  static SourceLiterals read(String source, Language language) {
    SourceLiterals lexed = new SourceLiterals(source, language);
    lexed.code(false);
    return lexed;
  }

  List<Literal> literals() {
    return literals;
  }

  /** The source without comments and with every literal's contents blanked. */
  String code() {
    return new String(code);
  }

  /** The 1-based line of an offset in the source. */
  int line(int offset) {
    int at = Arrays.binarySearch(lineStarts, offset);
    return (at >= 0 ? at : -at - 2) + 1;
  }

  private static int[] lineStarts(String source) {
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int k = 0; k < source.length(); k++) {
      if (source.charAt(k) == '\n') {
        starts.add(k + 1);
      }
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  // ---- the lexer ----

  /** Code up to the end, or (inside a template's ${…}) up to its closing brace, left as the current character. */
  private void code(boolean untilBrace) {
    int braces = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      char next = i + 1 < source.length() ? source.charAt(i + 1) : 0;
      if (c == '/' && next == '/' && language != Language.CSS) {
        blankUntil(source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i));
      } else if (c == '/' && next == '*') {
        int end = source.indexOf("*/", i + 2);
        blankUntil(end < 0 ? source.length() : end + 2);
      } else if (language == Language.JAVA && source.startsWith("\"\"\"", i)) {
        textBlock();
      } else if (c == '"' || (c == '\'' && language != Language.JAVA)) {
        quoted(c);
      } else if (c == '\'') {
        charLiteral();
      } else if (c == '`' && language == Language.JAVASCRIPT) {
        template();
      } else if (c == '/' && language == Language.JAVASCRIPT && regexMayStart()) {
        regex();
      } else {
        if (untilBrace && c == '{') {
          braces++;
        } else if (untilBrace && c == '}' && braces-- == 0) {
          return;
        }
        if (!Character.isWhitespace(c)) {
          boolean wordChar = Character.isJavaIdentifierPart(c);
          previousWord = wordChar ? (Character.isJavaIdentifierPart(previous) ? previousWord : "") + c : "";
          previous = c;
        }
        i++;
      }
    }
  }

  private boolean regexMayStart() {
    if (previous == 0 || "(,=:[!&|?{};+-*%<>~^".indexOf(previous) >= 0) {
      return true;
    }
    return BEFORE_REGEX.contains(previousWord);
  }

  private void blankUntil(int end) {
    for (; i < end; i++) {
      if (code[i] != '\n') {
        code[i] = ' ';
      }
    }
  }

  private void afterLiteral(char closing) {
    previous = closing;
    previousWord = "";
  }

  private void quoted(char quote) {
    int start = i++;
    StringBuilder raw = new StringBuilder();
    while (i < source.length() && source.charAt(i) != quote) {
      if (source.charAt(i) == '\\' && i + 1 < source.length()) {
        raw.append(source.charAt(i++));
      }
      raw.append(source.charAt(i++));
    }
    int end = i;
    i = start + 1;
    blankUntil(end);
    i = end + 1;
    literals.add(new Literal(line(start), start, unescape(raw.toString())));
    afterLiteral(quote);
  }

  private void charLiteral() {
    int start = i++;
    while (i < source.length() && source.charAt(i) != '\'') {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    int end = i;
    i = start + 1;
    blankUntil(end);
    i = end + 1;
    afterLiteral('\'');
  }

  private void textBlock() {
    int start = i;
    int contentStart = source.indexOf('\n', i + 3) + 1;
    int k = contentStart;
    while (k < source.length() && !source.startsWith("\"\"\"", k)) {
      k += source.charAt(k) == '\\' ? 2 : 1;
    }
    String raw = source.substring(contentStart, k).replace("\r\n", "\n");
    i = start + 3;
    blankUntil(k);
    i = k + 3;
    literals.add(new Literal(line(start), start, unescape(raw.stripIndent())));
    afterLiteral('"');
  }

  private void template() {
    int start = i++;
    int pieceStart = i;
    StringBuilder raw = new StringBuilder();
    while (i < source.length() && source.charAt(i) != '`') {
      char c = source.charAt(i);
      if (c == '\\' && i + 1 < source.length()) {
        raw.append(c).append(source.charAt(i + 1));
        code[i] = ' ';
        code[i + 1] = source.charAt(i + 1) == '\n' ? '\n' : ' ';
        i += 2;
      } else if (c == '$' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
        addPiece(pieceStart == start + 1 ? start : pieceStart, raw);
        i += 2;
        previous = '{';
        code(true);
        i++;
        pieceStart = i;
      } else {
        raw.append(c);
        if (c != '\n') {
          code[i] = ' ';
        }
        i++;
      }
    }
    addPiece(pieceStart == start + 1 ? start : pieceStart, raw);
    i++;
    afterLiteral('`');
  }

  private void addPiece(int offset, StringBuilder raw) {
    if (!raw.isEmpty()) {
      literals.add(new Literal(line(offset), offset, unescape(raw.toString())));
    }
    raw.setLength(0);
  }

  private void regex() {
    boolean inClass = false;
    i++;
    while (i < source.length() && source.charAt(i) != '\n') {
      char c = source.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      i++;
      if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        break;
      }
    }
    while (i < source.length() && Character.isLetter(source.charAt(i))) {
      i++;
    }
    afterLiteral('/');
  }

  // ---- escapes ----

  private String unescape(String raw) {
    if (language == Language.JAVA) {
      Matcher unicode = UNICODE_ESCAPE.matcher(raw);
      String text = unicode.replaceAll(m -> Matcher.quoteReplacement(
          m.group(1) + (char) Integer.parseInt(m.group(2), 16)));
      return text.translateEscapes();
    }
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < raw.length(); k++) {
      char c = raw.charAt(k);
      if (c != '\\' || k + 1 == raw.length()) {
        text.append(c);
        continue;
      }
      char e = raw.charAt(++k);
      switch (e) {
        case 'n' -> text.append('\n');
        case 't' -> text.append('\t');
        case 'r' -> text.append('\r');
        case 'x' -> {
          text.append((char) Integer.parseInt(raw.substring(k + 1, k + 3), 16));
          k += 2;
        }
        case 'u' -> {
          int close = raw.indexOf('}', k);
          boolean braced = raw.charAt(k + 1) == '{';
          String hex = braced ? raw.substring(k + 2, close) : raw.substring(k + 1, k + 5);
          text.appendCodePoint(Integer.parseInt(hex, 16));
          k = braced ? close : k + 4;
        }
        case '\n' -> { }
        default -> text.append(e);
      }
    }
    return text.toString();
  }
}
