package vn.thanthien.pilot.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A draft opened with POI and checked against the blocks of Nghị định 30/2020/NĐ-CP, Phụ lục I:
 * A4, margins, Times New Roman 11–14, the borderless header table (issuer, national title, motto,
 * number, place and date in italics), the kind and summary line, "Nơi nhận" and the signing block,
 * page numbers from the second page.
 */
final class DecreeLayout {

  static final String NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
  static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";

  final XWPFDocument document;

  private DecreeLayout(XWPFDocument document) {
    this.document = document;
  }

  static DecreeLayout open(byte[] docx) throws IOException {
    return new DecreeLayout(new XWPFDocument(new ByteArrayInputStream(docx)));
  }

  /** A4 portrait; top and bottom 20 mm, left 30 mm, right 15 mm (twentieths of a point); numbers from page 2. */
  DecreeLayout page() {
    CTSectPr section = document.getDocument().getBody().getSectPr();
    assertThat(twips(section.getPgSz().getW())).as("page width (A4, 210 mm)").isEqualTo(11906);
    assertThat(twips(section.getPgSz().getH())).as("page height (A4, 297 mm)").isEqualTo(16838);
    assertThat(twips(section.getPgMar().getTop())).as("top margin 20 mm").isEqualTo(1134);
    assertThat(twips(section.getPgMar().getBottom())).as("bottom margin 20 mm").isEqualTo(1134);
    assertThat(twips(section.getPgMar().getLeft())).as("left margin 30 mm").isEqualTo(1701);
    assertThat(twips(section.getPgMar().getRight())).as("right margin 15 mm").isEqualTo(851);
    assertThat(section.isSetTitlePg()).as("the first page has a header of its own (no number)").isTrue();
    XWPFHeader first = document.getHeaderFooterPolicy().getFirstPageHeader();
    XWPFHeader others = document.getHeaderFooterPolicy().getDefaultHeader();
    assertThat(first.getText().strip()).as("no page number on the first page").isEmpty();
    assertThat(others.getParagraphs().get(0).getCTP().xmlText()).as("the page number field").contains("PAGE");
    assertThat(others.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
    return this;
  }

  /** Every run with text: Times New Roman, 11 to 14 points (body 13–14, tables 12, "Nơi nhận" 11–12). */
  DecreeLayout fonts() {
    List<XWPFRun> runs = runs();
    assertThat(runs).isNotEmpty();
    for (XWPFRun run : runs) {
      if (run.text().isBlank()) {
        continue;
      }
      assertThat(run.getFontFamily()).as("font of «%s»", run.text()).isEqualTo("Times New Roman");
      assertThat(run.getFontSizeAsDouble()).as("size of «%s»", run.text()).isBetween(11.0, 14.0);
    }
    return this;
  }

  /** The header table: issuer and number left; national title (bold), motto (bold, underlined), place and date (italics) right. */
  DecreeLayout header(String issuerHeading, String number, String placeAndDate) {
    XWPFTable table = document.getTables().get(0);
    assertThat(document.getBodyElements().get(0)).as("the header table opens the document").isSameAs(table);
    assertBorderless(table);
    XWPFTableCell issuer = table.getRow(0).getCell(0);
    assertThat(text(issuer)).isEqualTo(issuerHeading);
    assertThat(issuer.getParagraphs().get(0).getRuns()).allMatch(r -> r.text().isBlank() || r.isBold());
    XWPFParagraph title = table.getRow(0).getCell(1).getParagraphs().get(0);
    assertThat(title.getText()).isEqualTo(NATIONAL_TITLE);
    assertThat(title.getRuns().get(0).isBold()).isTrue();
    XWPFParagraph motto = table.getRow(0).getCell(1).getParagraphs().get(1);
    assertThat(motto.getText()).isEqualTo(MOTTO);
    assertThat(motto.getRuns().get(0).isBold()).isTrue();
    assertThat(motto.getRuns().get(0).getUnderline()).isEqualTo(UnderlinePatterns.SINGLE);
    assertThat(text(table.getRow(1).getCell(0))).isEqualTo("Số: " + number);
    XWPFParagraph date = table.getRow(1).getCell(1).getParagraphs().get(0);
    assertThat(date.getText()).isEqualTo(placeAndDate);
    assertThat(date.getRuns()).allMatch(r -> r.text().isBlank() || r.isItalic());
    return this;
  }

  /** The kind (bold, centred, upper case) and, below it, the summary line. */
  DecreeLayout kind(String kind, String summaryLine) {
    List<XWPFParagraph> paragraphs = document.getParagraphs();
    int at = -1;
    for (int i = 0; i < paragraphs.size(); i++) {
      if (paragraphs.get(i).getText().equals(kind)) {
        at = i;
        break;
      }
    }
    assertThat(at).as("the kind «%s»", kind).isNotNegative();
    XWPFParagraph heading = paragraphs.get(at);
    assertThat(heading.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
    assertThat(heading.getRuns().get(0).isBold()).isTrue();
    assertThat(paragraphs.get(at + 1).getText()).isEqualTo(summaryLine);
    assertThat(paragraphs.get(at + 1).getRuns()).allMatch(r -> r.text().isBlank() || r.isBold());
    return this;
  }

  /** "Nơi nhận:" (bold italics) bottom left; the signing authority and the signer right. */
  DecreeLayout signature(String authority, String signer) {
    XWPFTable table = document.getTables().get(document.getTables().size() - 1);
    List<IBodyElement> body = document.getBodyElements();
    assertThat(body.indexOf(table)).as("the signing block closes the document").isEqualTo(body.size() - 1);
    assertBorderless(table);
    XWPFTableCell recipients = table.getRow(0).getCell(0);
    XWPFParagraph heading = recipients.getParagraphs().get(0);
    assertThat(heading.getText()).isEqualTo("Nơi nhận:");
    assertThat(heading.getRuns().get(0).isBold()).isTrue();
    assertThat(heading.getRuns().get(0).isItalic()).isTrue();
    assertThat(recipients.getParagraphs().get(recipients.getParagraphs().size() - 1).getText()).isEqualTo("- Lưu: VT.");
    XWPFTableCell signing = table.getRow(0).getCell(1);
    assertThat(signing.getParagraphs().get(0).getText()).isEqualTo(authority);
    assertThat(signing.getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
    assertThat(signing.getParagraphs().get(signing.getParagraphs().size() - 1).getText()).isEqualTo(signer);
    return this;
  }

  /** Every paragraph's text outside tables, in order. */
  List<String> paragraphs() {
    return document.getParagraphs().stream().map(XWPFParagraph::getText).toList();
  }

  /** The table after the header whose first heading is "STT", row by row, cell texts. */
  List<List<String>> table(int index) {
    List<XWPFTable> grids = document.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().startsWith("STT"))
        .toList();
    List<List<String>> rows = new ArrayList<>();
    grids.get(index).getRows().forEach(row -> rows.add(row.getTableCells().stream().map(DecreeLayout::text).toList()));
    return rows;
  }

  private List<XWPFRun> runs() {
    List<XWPFRun> runs = new ArrayList<>();
    document.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
    for (XWPFTable table : document.getTables()) {
      table.getRows().forEach(row -> row.getTableCells().forEach(cell -> cell.getParagraphs()
          .forEach(p -> runs.addAll(p.getRuns()))));
    }
    return runs;
  }

  private static void assertBorderless(XWPFTable table) {
    assertThat(table.getTopBorderType()).isNull();
    assertThat(table.getBottomBorderType()).isNull();
    assertThat(table.getInsideHBorderType()).isNull();
    assertThat(table.getInsideVBorderType()).isNull();
  }

  static String text(XWPFTableCell cell) {
    return String.join("\n", cell.getParagraphs().stream().map(XWPFParagraph::getText).toList()).strip();
  }

  private static int twips(Object value) {
    return ((BigInteger) value).intValue();
  }
}
