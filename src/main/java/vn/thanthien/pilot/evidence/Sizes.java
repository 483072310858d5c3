package vn.thanthien.pilot.evidence;

import java.util.Locale;

/** Sizes as an official reads them: "20 MB", "512 KB", "1,5 MB" (Vietnamese decimal comma). */
final class Sizes {

  private Sizes() {}

  static String readable(long bytes) {
    if (bytes < 1024) {
      return bytes + " byte";
    }
    double kilobytes = bytes / 1024.0;
    if (kilobytes < 1024) {
      return format(kilobytes) + " KB";
    }
    return format(kilobytes / 1024) + " MB";
  }

  private static String format(double value) {
    String text = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    return text.replace('.', ',');
  }
}
