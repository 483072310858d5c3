package vn.thanthien.pilot.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a user's profile may hold: a real e-mail address (or none) and names of letters, digits,
 * spaces and the usual punctuation, each of a sane length; never control characters or line
 * breaks. Each check answers the Vietnamese reason for a refusal, or nothing.
 */
final class ProfileRules {

  /** Longest name (Camunda's column holds 255): unit names such as "UBND thị trấn …" fit easily. */
  static final int MAX_NAME = 100;
  /** Longest address SMTP carries (RFC 5321: 254 characters). */
  static final int MAX_EMAIL = 254;

  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9_%+-]+(?:\\.[A-Za-z0-9_%+-]+)*@" + LABEL + "(?:\\." + LABEL + ")*\\.[A-Za-z]{2,63}");
  /** Letters (with their combining marks, as in decomposed Vietnamese), digits, spaces, . , ' ’ - ( ) / */
  private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}\\p{Nd} .,'’()/-]+");

  private ProfileRules() {}

  static Optional<String> emailProblem(String email) {
    if (email == null || email.isEmpty()) {
      return Optional.empty();
    }
    if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
      return Optional.of("Dữ liệu chưa hợp lệ: địa chỉ thư điện tử không hợp lệ. Cần một địa chỉ dạng "
          + "vanthu@donvi.gov.vn: chữ không dấu, chữ số và các dấu . _ % + -, không có khoảng trắng, "
          + "dài tối đa " + MAX_EMAIL + " ký tự.");
    }
    return Optional.empty();
  }

  /** @param label "Tên" or "Họ", as the Admin webapp labels the field */
  static Optional<String> nameProblem(String label, String name) {
    if (name == null || name.isEmpty()) {
      return Optional.empty();
    }
    // spaces as they come: the GSO catalogue itself has doubled and trailing ones ("Xã  Mỹ Lộc")
    if (name.length() > MAX_NAME || !NAME.matcher(name).matches() || name.chars().noneMatch(Character::isLetter)) {
      return Optional.of("Dữ liệu chưa hợp lệ: «" + label + "» chỉ được gồm chữ cái, chữ số, khoảng trắng và "
          + "các dấu . , ' - ( ) /, không xuống dòng, dài tối đa " + MAX_NAME + " ký tự.");
    }
    return Optional.empty();
  }
}
