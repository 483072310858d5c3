package vn.thanthien.pilot.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.ProvincialBody;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.summary.ProgrammeSummary;
import vn.thanthien.pilot.summary.ProgrammeSummary.Commune;
import vn.thanthien.pilot.summary.SummaryFixtures;

/**
 * The recognition decision's values without an engine: on the two-tier map (Hưng Yên from
 * 01/07/2025, no district) the province's body issues it and no district is named; what the
 * official typed wins over the defaults; the Vietnamese forms of dates, numbers and signing
 * blocks; and a province's own template, put in {@code PILOT_DOCUMENT_TEMPLATES}, replaces the
 * application's at the next draft.
 */
class DocumentValuesTest {

  @TempDir Path folder;

  @Test
  void onTheTwoTierMapTheProvincesBodyIssuesTheDecisionAndNoDistrictIsNamed() throws Exception {
    UnitDirectory units;
    try (InputStream csv = DocumentValuesTest.class.getResourceAsStream("/organisation/units-hung-yen-2025-07-01.csv")) {
      units = UnitDirectory.read(csv, "33", ProvincialBody.DEFAULTS);
    }
    AdministrativeUnit province = units.province("33").orElseThrow();
    AdministrativeUnit body = units.districtsOf("33").get(0);
    assertThat(body.isProvincialBody()).isTrue();
    AdministrativeUnit commune = units.communesOf(body.code()).get(1);
    Commune row = recognised(commune, body, "district", null, null);
    Map<String, Object> values = DocumentDrafts.DecisionValues.of(row, summary(), commune, body, province, 2026);
    byte[] docx = new DocumentTemplates("").fill(DocumentKind.RECOGNITION_DECISION, values);
    DecreeLayout layout = DecreeLayout.open(docx).page().fonts()
        .header("ỦY BAN NHÂN DÂN\nTỈNH HƯNG YÊN", "       /QĐ-UBND", "Hưng Yên, ngày      tháng      năm 2026")
        .kind("QUYẾT ĐỊNH", "Về việc công nhận " + lower(commune.name())
            + " đạt mô hình “Chính quyền thân thiện vì nhân dân phục vụ”")
        .signature("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "");
    String text = String.join("\n", layout.paragraphs());
    assertThat(text).contains("Công nhận " + lower(commune.name()) + ", tỉnh Hưng Yên đạt mô hình")
        .doesNotContainIgnoringCase("huyện");
    assertThat(DecreeLayout.text(layout.document.getTables().get(layout.document.getTables().size() - 1)
        .getRow(0).getCell(0))).contains("Thường trực Tỉnh ủy");
    // every placeholder was filled
    assertThat(text).doesNotContain("{{", "}}");
    LibreOffice.Pdf pdf = LibreOffice.render("recognition-decision-two-tier", docx);
    assertThat(pdf.text()).contains("TỈNH HƯNG YÊN", "Hưng Yên, ngày").doesNotContainIgnoringCase("huyện");
  }

  @Test
  void whatTheOfficialTypedWinsOverTheAppraisingLevel() throws Exception {
    UnitDirectory units;
    try (InputStream csv = DocumentValuesTest.class.getResourceAsStream("/organisation/units-thai-binh-2023-04-10.csv")) {
      units = UnitDirectory.read(csv);
    }
    AdministrativeUnit commune = units.commune("12679").orElseThrow();
    AdministrativeUnit district = units.district("339").orElseThrow();
    AdministrativeUnit province = units.province("34").orElseThrow();
    Commune row = recognised(commune, district, "province", new ProgrammeSummary.Decision("Sở Nội vụ tỉnh Thái Bình",
        "07/QĐ-SNV", LocalDate.of(2025, 2, 3), "Lê Thị Hoa", "Giám đốc", "Về việc công nhận xã Chí Hòa"), null);
    Map<String, Object> values = DocumentDrafts.DecisionValues.of(row, summary(), commune, district, province, 2026);
    byte[] docx = new DocumentTemplates("").fill(DocumentKind.RECOGNITION_DECISION, values);
    DecreeLayout.open(docx).fonts()
        .header("SỞ NỘI VỤ TỈNH THÁI BÌNH", "07/QĐ-SNV", "Thái Bình, ngày 03 tháng 02 năm 2025")
        .kind("QUYẾT ĐỊNH", "Về việc công nhận xã Chí Hòa")
        .signature("GIÁM ĐỐC", "Lê Thị Hoa");
  }

  @Test
  void datesNumbersAndSigningBlocksAreWrittenAsTheDecreeWantsThem() {
    assertThat(VietnameseText.date(LocalDate.of(2023, 7, 5))).isEqualTo("ngày 05 tháng 7 năm 2023");
    assertThat(VietnameseText.date(LocalDate.of(2024, 2, 12))).isEqualTo("ngày 12 tháng 02 năm 2024");
    assertThat(VietnameseText.date(LocalDate.of(2025, 12, 31))).isEqualTo("ngày 31 tháng 12 năm 2025");
    assertThat(VietnameseText.day(LocalDate.of(2025, 7, 1))).isEqualTo("01/07/2025");
    assertThat(VietnameseText.number(87.5)).isEqualTo("87,5");
    assertThat(VietnameseText.number(90.0)).isEqualTo("90");
    assertThat(VietnameseText.heading("UBND huyện Hưng Hà")).isEqualTo("ỦY BAN NHÂN DÂN\nHUYỆN HƯNG HÀ");
    assertThat(VietnameseText.signingAuthority("UBND tỉnh Thái Bình", "Chủ tịch"))
        .isEqualTo("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH");
    assertThat(VietnameseText.signingAuthority("UBND tỉnh Thái Bình", null))
        .isEqualTo("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
    assertThat(VietnameseText.basis("123/QĐ-UBND", null, "Mô hình")).startsWith("Quyết định số 123/QĐ-UBND về");
  }

  @Test
  void aProvincesOwnTemplateReplacesTheApplicationsAtTheNextDraft() throws IOException {
    DocumentTemplates templates = new DocumentTemplates(folder.toString());
    Map<String, Object> values = Map.of("communeName", "Xã Chí Hòa", "issuerHeading", "ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH");
    // nothing in the folder yet: the application's own
    assertThat(text(templates.fill(DocumentKind.RECOGNITION_DECISION, values))).doesNotContain("Mẫu riêng của tỉnh");
    // the province edits the template in Word and puts it in the folder: the next draft uses it
    try (XWPFDocument own = new XWPFDocument(new java.io.ByteArrayInputStream(
        templates.template(DocumentKind.RECOGNITION_DECISION)))) {
      XWPFParagraph added = own.createParagraph();
      added.createRun().setText("Mẫu riêng của tỉnh cho {{communeName}}");
      try (OutputStream out = Files.newOutputStream(folder.resolve("recognition-decision.docx"))) {
        own.write(out);
      }
    }
    String drafted = text(templates.fill(DocumentKind.RECOGNITION_DECISION, values));
    assertThat(drafted).contains("Mẫu riêng của tỉnh cho Xã Chí Hòa", "TỈNH THÁI BÌNH");
    // the other kinds keep the application's templates
    assertThat(text(templates.fill(DocumentKind.ROLLOUT_PLAN, values))).contains("KẾ HOẠCH")
        .doesNotContain("Mẫu riêng");
  }

  private static String text(byte[] docx) throws IOException {
    try (XWPFDocument document = new XWPFDocument(new java.io.ByteArrayInputStream(docx));
        var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
      return extractor.getText();
    }
  }

  private static ProgrammeSummary summary() {
    return SummaryFixtures.summary(List.of());
  }

  /** A commune passed at 92,5 points, appraised by the level given, the decision recorded or not. */
  private static Commune recognised(AdministrativeUnit commune, AdministrativeUnit district, String level,
      ProgrammeSummary.Decision decision, String appraiserName) {
    return new Commune(commune.code(), commune.name(), district.code(), "district-pilot", "Điểm của huyện", "instance-1",
        LocalDate.of(2025, 7, 20), null, "recognised", "Đã được công nhận", List.of(), LocalDate.of(2025, 8, 1),
        List.of(18.5, 19.0, 17.5, 18.5, 19.0), List.of(19.0, 19.0, 18.0, 18.5, 19.0), 92.5, true, "Ba sao", level, appraiserName, 1, null, List.of(), null, 0,
        0, 0, null, List.of(), 0, null, decision);
  }

  private static String lower(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
