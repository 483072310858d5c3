package vn.thanthien.pilot.documents;

import java.util.Arrays;
import java.util.Optional;

/**
 * The documents the application drafts (README "Văn bản dự thảo"): each has a template
 * {@code documents/<key>.docx} and the number's symbol of its kind (Nghị định 30/2020/NĐ-CP,
 * Phụ lục III).
 */
public enum DocumentKind {
  RECOGNITION_DECISION("recognition-decision", "Dự thảo quyết định công nhận", "du-thao-quyet-dinh-cong-nhan", "QĐ-UBND"),
  ROLLOUT_PLAN("rollout-plan", "Dự thảo kế hoạch nhân rộng", "du-thao-ke-hoach-nhan-rong", "KH-UBND"),
  INTERIM_REPORT("interim-report", "Dự thảo báo cáo sơ kết", "du-thao-bao-cao-so-ket", "BC-UBND"),
  FINAL_REPORT("final-report", "Dự thảo báo cáo tổng kết", "du-thao-bao-cao-tong-ket", "BC-UBND");

  public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final String key;
  private final String title;
  private final String fileStem;
  private final String symbol;

  DocumentKind(String key, String title, String fileStem, String symbol) {
    this.key = key;
    this.title = title;
    this.fileStem = fileStem;
    this.symbol = symbol;
  }

  /** The stable English key of the API and of the template's file name. */
  public String key() {
    return key;
  }

  /** What an official reads in a list. */
  public String title() {
    return title;
  }

  /** The template's file name. */
  public String templateName() {
    return key + ".docx";
  }

  /** "du-thao-quyet-dinh-cong-nhan-12679.docx": plain ASCII, the unit's code. */
  public String fileName(String unitCode) {
    return fileStem + "-" + unitCode + ".docx";
  }

  /** "QĐ-UBND", "KH-UBND", "BC-UBND". */
  public String symbol() {
    return symbol;
  }

  public static Optional<DocumentKind> of(String key) {
    return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
  }
}
