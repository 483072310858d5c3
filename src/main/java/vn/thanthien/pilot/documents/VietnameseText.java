package vn.thanthien.pilot.documents;

import java.time.LocalDate;
import java.util.Locale;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.organisation.AdministrativeUnit;

/**
 * How an administrative document writes dates, numbers and names (Nghị định 30/2020/NĐ-CP, Phụ
 * lục I): "ngày 05 tháng 7 năm 2023" in the body (a day below 10 and the months 1 and 2 with a
 * leading zero), dd/mm/yyyy in tables, "87,5" with the decimal comma, the issuing body in upper
 * case in the header.
 */
final class VietnameseText {

  static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
  private static final String COMMITTEE = "UBND ";
  private static final String COMMITTEE_IN_FULL = "ỦY BAN NHÂN DÂN";

  private VietnameseText() {}

  /** "ngày 05 tháng 7 năm 2023"; "ngày 12 tháng 02 năm 2024". */
  static String date(LocalDate date) {
    int month = date.getMonthValue();
    return "ngày " + String.format("%02d", date.getDayOfMonth()) + " tháng " + (month <= 2 ? "0" + month : month)
        + " năm " + date.getYear();
  }

  /** The date line of a draft not yet signed: "ngày      tháng      năm 2026" for the official to fill in. */
  static String blankDate(int year) {
    return "ngày      tháng      năm " + year;
  }

  /** "05/07/2023", as tables write dates. */
  static String day(LocalDate date) {
    return date == null ? "" : FormValues.display(date);
  }

  /** "87,5", "90"; empty for none. */
  static String number(Double number) {
    return number == null ? "" : FormValues.display(number);
  }

  /** "Xã Chí Hòa" → "xã Chí Hòa", as the name reads inside a sentence. */
  static String inSentence(String name) {
    return name == null || name.isEmpty() ? "" : Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** "Tỉnh Thái Bình" → "Thái Bình", "Thành phố Thái Bình" → "Thái Bình": the place of the date line. */
  static String place(AdministrativeUnit unit) {
    String name = unit.name();
    String type = unit.type() == null ? "" : unit.type();
    if (!type.isEmpty() && name.startsWith(type + " ")) {
      return name.substring(type.length() + 1);
    }
    return name;
  }

  /** "UBND tỉnh Thái Bình" → "ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH"; any other body in upper case. */
  static String heading(String issuer) {
    if (isCommittee(issuer)) {
      return COMMITTEE_IN_FULL + "\n" + rest(issuer).toUpperCase(VIETNAMESE);
    }
    return issuer.toUpperCase(VIETNAMESE);
  }

  /** Whether the body is a people's committee ("UBND …", "Ủy ban nhân dân …"), which signs "TM." as a collective. */
  static boolean isCommittee(String issuer) {
    return issuer.startsWith(COMMITTEE) || issuer.toUpperCase(VIETNAMESE).startsWith(COMMITTEE_IN_FULL + " ");
  }

  private static String rest(String issuer) {
    return issuer.startsWith(COMMITTEE) ? issuer.substring(COMMITTEE.length())
        : issuer.substring(COMMITTEE_IN_FULL.length() + 1);
  }

  /**
   * The signing block's authority (Phụ lục I, mục 9): a people's committee signs "TM. ỦY BAN NHÂN
   * DÂN" and its chair, or a vice-chair "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (the default for a draft);
   * another body its head's title.
   */
  static String signingAuthority(String issuer, String signerTitle) {
    String title = signerTitle == null || signerTitle.isBlank() ? null : signerTitle.strip();
    if (!isCommittee(issuer)) {
      return title == null ? "THỦ TRƯỞNG CƠ QUAN" : title.toUpperCase(VIETNAMESE);
    }
    String collective = "TM. " + COMMITTEE_IN_FULL + "\n";
    if (title != null && title.equalsIgnoreCase("Chủ tịch")) {
      return collective + "CHỦ TỊCH";
    }
    return collective + "KT. CHỦ TỊCH\n" + (title == null ? "PHÓ CHỦ TỊCH" : title.toUpperCase(VIETNAMESE));
  }

  /**
   * The programme's basis as a document cites it: "Đề án số 08-ĐA/TU ngày 05 tháng 7 năm 2023 về
   * mô hình “…”", the kind read from the symbol of its number.
   */
  static String basis(String number, LocalDate date, String title) {
    if (number == null || number.isBlank()) {
      return "đề án thực hiện mô hình “" + title + "”";
    }
    String kind;
    if (number.contains("-ĐA/") || number.contains("/ĐA-")) {
      kind = "Đề án";
    } else if (number.contains("QĐ-")) {
      kind = "Quyết định";
    } else if (number.contains("KH-") || number.contains("-KH/")) {
      kind = "Kế hoạch";
    } else {
      kind = "Văn bản";
    }
    String text = kind + " số " + number.strip();
    if (date != null) {
      text += " " + date(date);
    }
    return text + " về thực hiện mô hình “" + title + "”";
  }
}
