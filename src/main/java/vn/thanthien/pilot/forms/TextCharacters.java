package vn.thanthien.pilot.forms;

import java.util.Optional;

/**
 * Characters that have no place in what an official types: control characters (C0 U+0000–U+001F,
 * DEL, C1 U+0080–U+009F), except line feed, carriage return and tab in a multi-line text; the
 * bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which
 * can make a text read differently from what it holds; unpaired surrogates (not text at all); and
 * Unicode noncharacters (U+FDD0–U+FDEF and every code point ending in FFFE or FFFF). All are
 * invisible or meaningless on screen, so the message says which one and where.
 */
public final class TextCharacters {

  private TextCharacters() {}

  /**
   * The end of a Vietnamese message ("chứa …") describing the first forbidden character, or
   * empty when the text is clean. {@code multiline}: a textarea, where line breaks and tabs are
   * allowed.
   */
  public static Optional<String> firstForbidden(String text, boolean multiline) {
    int position = 0;
    for (int i = 0; i < text.length(); i++) {
      position++;
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
        i++;
        if (isNoncharacter(codePoint)) {
          return Optional.of(invalid(codePoint, position));
        }
        continue;
      }
      if (Character.isSurrogate(c)) {
        return Optional.of(invalid(c, position));
      }
      if (c == '\n' || c == '\r' || c == '\t') {
        if (!multiline) {
          return Optional.of("chỉ được nhập trên một dòng: có ký tự xuống dòng hoặc tab ("
              + code(c) + ") ở vị trí thứ " + position);
        }
        continue;
      }
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
          || (c >= 0x2066 && c <= 0x2069)) {
        return Optional.of("chứa ký tự điều khiển không nhìn thấy (" + code(c) + ") ở vị trí thứ " + position
            + "; hãy xoá ký tự đó hoặc gõ lại đoạn văn bản đã dán");
      }
      if (isNoncharacter(c)) {
        return Optional.of(invalid(c, position));
      }
    }
    return Optional.empty();
  }

  private static boolean isNoncharacter(int codePoint) {
    return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
  }

  private static String invalid(int codePoint, int position) {
    return "chứa ký tự không hợp lệ (" + code(codePoint) + ") ở vị trí thứ " + position
        + "; hãy xoá ký tự đó hoặc gõ lại đoạn văn bản đã dán";
  }

  private static String code(int codePoint) {
    return String.format("U+%04X", codePoint);
  }
}
