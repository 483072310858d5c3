package vn.thanthien.pilot.evidence;

import java.text.Normalizer;

/**
 * The name a file is kept and downloaded under, from the name the official's device sent: Unicode
 * NFC (so "Kế hoạch" typed on a Mac is the same letters as on Windows), only its last path segment
 * (no {@code /} or {@code \}, no {@code ..}), without control, format (bidirectional overrides,
 * zero-width) or unassigned characters and unpaired surrogates, without leading dots and spaces,
 * characters Windows refuses in names ({@code <>:"|?*}) replaced by {@code _}, at most
 * {@code maxLength} characters with the extension kept. Vietnamese letters stay.
 */
final class FileNames {

  /** When nothing of the name is left. */
  static final String FALLBACK = "tep-minh-chung";

  private FileNames() {}

  static String clean(String submitted, int maxLength) {
    String name = submitted == null ? "" : Normalizer.normalize(submitted, Normalizer.Form.NFC);
    int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(cut + 1);
    StringBuilder kept = new StringBuilder(name.length());
    name.codePoints().forEach(c -> {
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
          || type == Character.SURROGATE || type == Character.PRIVATE_USE
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
        return;
      }
      if ("<>:\"|?*".indexOf(c) >= 0) {
        kept.append('_');
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        kept.append(' ');
      } else {
        kept.appendCodePoint(c);
      }
    });
    String cleaned = kept.toString().replaceAll(" {2,}", " ").strip();
    int start = 0;
    while (start < cleaned.length() && (cleaned.charAt(start) == '.' || cleaned.charAt(start) == ' ')) {
      start++;
    }
    cleaned = cleaned.substring(start);
    while (cleaned.endsWith(".") || cleaned.endsWith(" ")) {
      cleaned = cleaned.substring(0, cleaned.length() - 1);
    }
    if (cleaned.isEmpty()) {
      return FALLBACK;
    }
    return shorten(cleaned, maxLength);
  }

  /** At most {@code maxLength} code points, the extension (up to 10 characters) kept. */
  private static String shorten(String name, int maxLength) {
    if (name.codePointCount(0, name.length()) <= maxLength) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = dot > 0 && name.length() - dot <= 11 ? name.substring(dot) : "";
    String stem = extension.isEmpty() ? name : name.substring(0, dot);
    int room = maxLength - extension.codePointCount(0, extension.length());
    String cutStem = stem.substring(0, stem.offsetByCodePoints(0, Math.min(room, stem.codePointCount(0, stem.length()))));
    return cutStem.strip() + extension;
  }

  /** The name in ASCII for {@code filename="…"} (RFC 6266's fallback): other letters become {@code _}. */
  static String ascii(String name) {
    String decomposed = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
    StringBuilder ascii = new StringBuilder(decomposed.length());
    for (char c : decomposed.toCharArray()) {
      ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' && c != ';' ? c : '_');
    }
    return ascii.toString();
  }
}
