package vn.thanthien.pilot.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Writes the four Word templates of {@code src/main/resources/documents/} once, laid out as
 * Nghị định 30/2020/NĐ-CP (Phụ lục I) asks. Not part of the build and not a test: the templates
 * are source that a province edits in Word; this program only made their first version. Run it by
 * hand from the project ({@code java -cp target/test-classes:$(cat target/runtime-classpath.txt)
 * vn.thanthien.pilot.documents.TemplateGenerator}) only to start the templates anew.
 */
public final class TemplateGenerator {

  static final String FONT = "Times New Roman";
  /** Text width of an A4 page with 30 mm left and 15 mm right margins, in twentieths of a point. */
  static final int TEXT_WIDTH = 11906 - 1701 - 851;
  private static final int LEFT_COLUMN = 3600;

  private TemplateGenerator() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args.length > 0 ? args[0] : "src/main/resources/documents");
    Files.createDirectories(folder);
    write(folder.resolve("recognition-decision.docx"), recognitionDecision());
    write(folder.resolve("rollout-plan.docx"), rolloutPlan());
    write(folder.resolve("interim-report.docx"), interimReport());
    write(folder.resolve("final-report.docx"), finalReport());
  }

  private static void write(Path file, XWPFDocument document) throws IOException {
    try (document; OutputStream out = Files.newOutputStream(file)) {
      document.write(out);
    }
  }

  private static XWPFDocument recognitionDecision() {
    XWPFDocument d = page();
    header(d);
    kind(d, "QUYẾT ĐỊNH");
    centered(d, "{{summaryLine}}", 14, true, false);
    centered(d, "{{authority}}", 14, true, false).setSpacingBefore(240);
    d.getParagraphs().get(d.getParagraphs().size() - 1).setSpacingAfter(120);
    basis(d, "Căn cứ Luật Tổ chức chính quyền địa phương;");
    basis(d, "Căn cứ {{programmeBasis}};");
    basis(d, "Xét kết quả thẩm định, chấm điểm của {{appraiser}} đối với {{communeFullName}}.");
    XWPFParagraph decides = centered(d, "QUYẾT ĐỊNH:", 14, true, false);
    decides.setSpacingBefore(120);
    decides.setSpacingAfter(120);
    article(d, "Điều 1.", " Công nhận {{communeFullName}} đạt mô hình “{{programmeTitle}}”, xếp loại {{ratingLevel}},"
        + " với tổng số điểm {{totalScore}}/{{maxTotal}} điểm. Điểm thẩm định của từng tiêu chí như sau:");
    XWPFTable areas = grid(d, List.of("STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định"),
        List.of(760, 5394, 1500, 1700), "{{areas}}", List.of("[number]", "[name]", "[maxPoints]", "[points]"));
    XWPFTableRow total = areas.createRow();
    cell(total.getCell(0), "", false, ParagraphAlignment.CENTER);
    cell(total.getCell(1), "Tổng cộng", true, ParagraphAlignment.LEFT).getRuns().get(0).setFontSize(12);
    cell(total.getCell(2), "{{maxTotal}}", true, ParagraphAlignment.CENTER).getRuns().get(0).setFontSize(12);
    cell(total.getCell(3), "{{totalScore}}", true, ParagraphAlignment.CENTER).getRuns().get(0).setFontSize(12);
    d.createParagraph().setSpacingAfter(60);
    article(d, "Điều 2.", " {{communeCommittee}} có trách nhiệm duy trì, phát huy kết quả đạt được; tiếp tục thực hiện"
        + " mô hình, khắc phục những tồn tại, hạn chế đã được chỉ ra khi thẩm định (nếu có).");
    article(d, "Điều 3.", " Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng {{issuer}}, Chủ tịch"
        + " {{communeCommittee}} và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.");
    signature(d, List.of("- Như Điều 3;", "- {{reportsTo}} (để b/c);", "- Lưu: VT."));
    return d;
  }

  private static XWPFDocument rolloutPlan() {
    XWPFDocument d = page();
    header(d);
    kind(d, "KẾ HOẠCH");
    centered(d, "{{summaryLine}}", 14, true, false);
    spacer(d);
    basis(d, "Căn cứ {{programmeBasis}};");
    body(d, "Căn cứ kết quả thực hiện thí điểm mô hình tại {{pilotCount}} xã, phường, thị trấn, {{issuer}} ban hành"
        + " Kế hoạch nhân rộng mô hình “{{programmeTitle}}” như sau:");
    heading(d, "I. MỤC ĐÍCH, YÊU CẦU");
    body(d, "Nhân rộng mô hình ra các xã, phường, thị trấn chưa thực hiện, phát huy kết quả và kinh nghiệm của các"
        + " đơn vị thí điểm; xây dựng chính quyền công khai, minh bạch, thân thiện, trách nhiệm, tận tụy phục vụ nhân dân.");
    heading(d, "II. PHẠM VI, THỜI GIAN");
    body(d, "Nhân rộng mô hình tại {{rolloutCount}} xã, phường, thị trấn theo danh sách dưới đây; thời gian thực hiện"
        + " {{rolloutPeriod}}.");
    grid(d, List.of("STT", "Xã, phường, thị trấn", "Mã đơn vị"), List.of(900, 6654, 1800), "{{communes}}",
        List.of("[number]", "[name]", "[code]"));
    heading(d, "III. NỘI DUNG THỰC HIỆN");
    body(d, "{{planContent}}");
    heading(d, "IV. TỔ CHỨC THỰC HIỆN");
    body(d, "Các xã, phường, thị trấn được nhân rộng xây dựng kế hoạch thực hiện mô hình, tổ chức ra mắt, báo cáo"
        + " định kỳ và tự đánh giá theo hướng dẫn; {{issuer}} theo dõi, hướng dẫn, thẩm định và tổng hợp kết quả./.");
    signature(d, List.of("- {{reportsTo}} (để b/c);", "- Các xã, phường, thị trấn nhân rộng;", "- Lưu: VT."));
    return d;
  }

  private static XWPFDocument interimReport() {
    XWPFDocument d = page();
    header(d);
    kind(d, "BÁO CÁO");
    centered(d, "{{summaryLine}}", 14, true, false);
    spacer(d);
    body(d, "Thực hiện {{programmeBasis}}, {{issuer}} báo cáo sơ kết việc thực hiện mô hình như sau:");
    heading(d, "I. KẾT QUẢ THỰC HIỆN");
    body(d, "{{countsText}}");
    grid(d, List.of("STT", "Đơn vị", "{{unitColumn}}", "Vai trò", "Ngày ra mắt", "Số kỳ báo cáo", "Hài lòng (%)"),
        List.of(760, 2200, 1300, 1550, 1400, 1000, 1144), "{{communes}}",
        List.of("[number]", "[name]", "[unit]", "[role]", "[launchDate]", "[reports]", "[satisfaction]"));
    heading(d, "II. ĐÁNH GIÁ CHUNG, KIẾN NGHỊ");
    body(d, "{{conclusion}}");
    signature(d, List.of("- {{reportsTo}} (để b/c);", "- Lưu: VT."));
    return d;
  }

  private static XWPFDocument finalReport() {
    XWPFDocument d = page();
    header(d);
    kind(d, "BÁO CÁO");
    centered(d, "{{summaryLine}}", 14, true, false);
    spacer(d);
    body(d, "Thực hiện {{programmeBasis}}, {{issuer}} báo cáo tổng kết việc thực hiện mô hình như sau:");
    heading(d, "I. KẾT QUẢ THỰC HIỆN");
    body(d, "{{countsText}}");
    body(d, "1. Kết quả theo đơn vị:");
    grid(d, List.of("STT", "{{unitColumn}}", "Số xã", "Thí điểm", "Nhân rộng", "Được công nhận", "Không đạt"),
        List.of(760, 2444, 1000, 1200, 1300, 1450, 1200), "{{units}}",
        List.of("[number]", "[name]", "[communeCount]", "[pilots]", "[rollouts]", "[recognised]", "[notPassed]"));
    body(d, "2. Kết quả thẩm định, công nhận từng xã, phường, thị trấn:");
    grid(d, List.of("STT", "Đơn vị", "{{unitColumn}}", "Vai trò", "Tổng điểm", "Xếp loại", "Quyết định công nhận"),
        List.of(760, 2100, 1200, 1450, 900, 1140, 1804), "{{communes}}",
        List.of("[number]", "[name]", "[unit]", "[role]", "[totalScore]", "[ratingLevel]", "[decision]"));
    heading(d, "II. ĐÁNH GIÁ CHUNG, KIẾN NGHỊ");
    body(d, "{{conclusion}}");
    signature(d, List.of("- {{reportsTo}} (để b/c);", "- Lưu: VT."));
    return d;
  }

  /** A4 portrait, margins top and bottom 20 mm, left 30 mm, right 15 mm; page numbers from page 2. */
  private static XWPFDocument page() {
    XWPFDocument d = new XWPFDocument();
    CTFonts fonts = CTFonts.Factory.newInstance();
    fonts.setAscii(FONT);
    fonts.setHAnsi(FONT);
    fonts.setCs(FONT);
    fonts.setEastAsia(FONT);
    d.createStyles().setDefaultFonts(fonts);
    var defaults = d.getStyles().getCtStyles().getDocDefaults().getRPrDefault().getRPr();
    defaults.addNewSz().setVal(BigInteger.valueOf(28));
    defaults.addNewSzCs().setVal(BigInteger.valueOf(28));
    defaults.addNewLang().setVal("vi-VN");
    CTSectPr section = d.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    size.setOrient(STPageOrientation.PORTRAIT);
    CTPageMar margins = section.addNewPgMar();
    margins.setTop(BigInteger.valueOf(1134));
    margins.setBottom(BigInteger.valueOf(1134));
    margins.setLeft(BigInteger.valueOf(1701));
    margins.setRight(BigInteger.valueOf(851));
    margins.setHeader(BigInteger.valueOf(567));
    margins.setFooter(BigInteger.valueOf(567));
    margins.setGutter(BigInteger.ZERO);
    // the first page has no number (an empty header of its own), the others their number, centred
    d.createHeader(HeaderFooterType.FIRST).createParagraph();
    XWPFHeader numbered = d.createHeader(HeaderFooterType.DEFAULT);
    XWPFParagraph number = numbered.createParagraph();
    number.setAlignment(ParagraphAlignment.CENTER);
    XWPFRun begin = run(number, "", 14, false, false);
    begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
    XWPFRun code = run(number, "", 14, false, false);
    code.getCTR().addNewInstrText().setStringValue(" PAGE ");
    XWPFRun separate = run(number, "", 14, false, false);
    separate.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
    run(number, "2", 14, false, false);
    XWPFRun end = run(number, "", 14, false, false);
    end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    if (!section.isSetTitlePg()) {
      section.addNewTitlePg();
    }
    return d;
  }

  /** The borderless header table: issuer and number on the left; national title, motto, place and date on the right. */
  private static void header(XWPFDocument d) {
    XWPFTable table = borderless(d, 2, List.of(LEFT_COLUMN, TEXT_WIDTH - LEFT_COLUMN));
    XWPFTableRow top = table.getRow(0);
    cell(top.getCell(0), "{{issuerHeading}}", true, ParagraphAlignment.CENTER).getRuns().get(0).setFontSize(13);
    XWPFParagraph title = cell(top.getCell(1), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, ParagraphAlignment.CENTER);
    title.getRuns().get(0).setFontSize(13);
    XWPFParagraph motto = top.getCell(1).addParagraph();
    motto.setAlignment(ParagraphAlignment.CENTER);
    motto.setSpacingAfter(0);
    run(motto, "Độc lập - Tự do - Hạnh phúc", 14, true, false).setUnderline(UnderlinePatterns.SINGLE);
    XWPFTableRow second = table.getRow(1);
    XWPFParagraph number = cell(second.getCell(0), "Số: ", false, ParagraphAlignment.CENTER);
    number.setSpacingBefore(120);
    number.getRuns().get(0).setFontSize(13);
    run(number, "{{number}}", 13, false, false);
    XWPFParagraph date = cell(second.getCell(1), "{{placeAndDate}}", false, ParagraphAlignment.CENTER);
    date.setSpacingBefore(120);
    date.getRuns().get(0).setItalic(true);
    spacer(d);
  }

  /** The closing table: "Nơi nhận" bottom left, the signing authority and the signer on the right. */
  private static void signature(XWPFDocument d, List<String> recipients) {
    spacer(d);
    XWPFTable table = borderless(d, 1, List.of(4200, TEXT_WIDTH - 4200));
    // the signing block stays on one page with the recipients
    table.getRow(0).setCantSplitRow(true);
    XWPFTableCell left = table.getRow(0).getCell(0);
    XWPFParagraph heading = cell(left, "Nơi nhận:", true, ParagraphAlignment.LEFT);
    heading.getRuns().get(0).setItalic(true);
    heading.getRuns().get(0).setFontSize(12);
    for (String recipient : recipients) {
      XWPFParagraph line = left.addParagraph();
      line.setSpacingAfter(0);
      run(line, recipient, 11, false, false);
    }
    XWPFTableCell right = table.getRow(0).getCell(1);
    cell(right, "{{signingAuthority}}", true, ParagraphAlignment.CENTER);
    for (int i = 0; i < 3; i++) {
      XWPFParagraph blank = right.addParagraph();
      blank.setSpacingAfter(0);
    }
    XWPFParagraph signer = right.addParagraph();
    signer.setAlignment(ParagraphAlignment.CENTER);
    run(signer, "{{signerName}}", 14, true, false);
  }

  private static XWPFTable borderless(XWPFDocument d, int rows, List<Integer> widths) {
    XWPFTable table = d.createTable(rows, widths.size());
    table.removeBorders();
    layout(table, widths);
    return table;
  }

  /**
   * A bordered table: a header row whose first cell holds the loop's tag (the row below it is
   * repeated once per item, its cells naming the item's fields).
   */
  private static XWPFTable grid(XWPFDocument d, List<String> headings, List<Integer> widths, String loop,
      List<String> fields) {
    XWPFTable table = d.createTable(2, headings.size());
    layout(table, widths);
    table.setTableAlignment(TableRowAlign.CENTER);
    for (int i = 0; i < headings.size(); i++) {
      XWPFParagraph p = cell(table.getRow(0).getCell(i), headings.get(i), true, ParagraphAlignment.CENTER);
      p.getRuns().get(0).setFontSize(12);
      if (i == 0) {
        run(p, loop, 12, true, false);
      }
      XWPFParagraph value = cell(table.getRow(1).getCell(i), fields.get(i), false,
          i == 1 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
      value.getRuns().get(0).setFontSize(12);
    }
    table.getRow(0).setRepeatHeader(true);
    // a row is never cut by a page break (the repeated rows are copies of this one)
    table.getRow(0).setCantSplitRow(true);
    table.getRow(1).setCantSplitRow(true);
    return table;
  }

  private static void layout(XWPFTable table, List<Integer> widths) {
    CTTblWidth width = table.getCTTbl().getTblPr().isSetTblW() ? table.getCTTbl().getTblPr().getTblW()
        : table.getCTTbl().getTblPr().addNewTblW();
    width.setType(STTblWidth.DXA);
    width.setW(BigInteger.valueOf(widths.stream().mapToInt(Integer::intValue).sum()));
    table.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
    var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
    while (grid.sizeOfGridColArray() > 0) {
      grid.removeGridCol(0);
    }
    for (int w : widths) {
      grid.addNewGridCol().setW(BigInteger.valueOf(w));
    }
    for (XWPFTableRow row : table.getRows()) {
      for (int i = 0; i < widths.size(); i++) {
        row.getCell(i).setWidth(String.valueOf(widths.get(i)));
      }
    }
  }

  private static XWPFParagraph cell(XWPFTableCell cell, String text, boolean bold, ParagraphAlignment alignment) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setAlignment(alignment);
    p.setSpacingAfter(0);
    run(p, text, 14, bold, false);
    return p;
  }

  private static void kind(XWPFDocument d, String kind) {
    XWPFParagraph p = centered(d, kind, 14, true, false);
    p.setSpacingBefore(240);
  }

  private static XWPFParagraph centered(XWPFDocument d, String text, int size, boolean bold, boolean italic) {
    XWPFParagraph p = d.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    p.setSpacingAfter(0);
    run(p, text, size, bold, italic);
    return p;
  }

  private static void heading(XWPFDocument d, String text) {
    XWPFParagraph p = d.createParagraph();
    p.setAlignment(ParagraphAlignment.BOTH);
    p.setIndentationFirstLine(567);
    p.setSpacingBefore(120);
    p.setSpacingAfter(60);
    run(p, text, 14, true, false);
  }

  private static void basis(XWPFDocument d, String text) {
    XWPFParagraph p = paragraph(d);
    run(p, text, 14, false, true);
  }

  private static void body(XWPFDocument d, String text) {
    run(paragraph(d), text, 14, false, false);
  }

  private static void article(XWPFDocument d, String number, String text) {
    XWPFParagraph p = paragraph(d);
    run(p, number, 14, true, false);
    run(p, text, 14, false, false);
  }

  private static XWPFParagraph paragraph(XWPFDocument d) {
    XWPFParagraph p = d.createParagraph();
    p.setAlignment(ParagraphAlignment.BOTH);
    p.setIndentationFirstLine(567);
    p.setSpacingAfter(120);
    return p;
  }

  private static void spacer(XWPFDocument d) {
    d.createParagraph().setSpacingAfter(0);
  }

  private static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
    XWPFRun run = p.createRun();
    run.setFontFamily(FONT);
    run.setFontSize(size);
    run.setBold(bold);
    run.setItalic(italic);
    if (!text.isEmpty()) {
      run.setText(text);
    }
    return run;
  }
}
