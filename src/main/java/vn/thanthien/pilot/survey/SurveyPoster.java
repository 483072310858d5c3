package vn.thanthien.pilot.survey;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.springframework.stereotype.Component;

/**
 * The poster a commune prints for its one-stop desk (A4: its committee's name, an invitation, the
 * QR code of its survey page and the address written out, three steps) and, on a second page, a
 * small table card (cut out, folded in two, it stands on the desk and reads from both sides). The
 * QR code is drawn as vector squares (sharp at any size, error correction level M), the text in
 * DejaVu Sans, shipped with the application with its licence ({@code survey/fonts}), which has
 * every Vietnamese letter.
 */
@Component
public class SurveyPoster {

  static final float[] BLUE = {0.04f, 0.31f, 0.56f};
  static final float[] INK = {0.11f, 0.12f, 0.14f};
  static final float[] GREY = {0.33f, 0.36f, 0.40f};

  static final String INVITATION_TITLE = "Ông/bà hài lòng với chúng tôi không?";
  static final String INVITATION = "Xin dành một phút cho biết ông/bà hài lòng đến đâu với việc giải quyết thủ tục "
      + "hành chính hôm nay. Ý kiến của người dân được tính vào kết quả thực hiện mô hình của xã.";
  static final List<String> STEPS = List.of(
      "1. Mở máy ảnh hoặc Zalo trên điện thoại, hướng vào mã QR.",
      "2. Chọn mức hài lòng cho từng câu hỏi.",
      "3. Bấm «Gửi ý kiến». Không cần tên hay số điện thoại.");
  static final String FOOTER = "Mỗi điện thoại gửi một phiếu mỗi ngày. Phiếu không hỏi và không lưu thông tin cá "
      + "nhân của người trả lời.";
  static final String CARD_INVITATION = "Quét mã QR để cho ý kiến";
  static final String CUT = "Cắt theo nét đứt, gấp đôi theo đường giữa để dựng trên bàn tiếp dân.";

  private final SurveyQuestions questions;

  public SurveyPoster(SurveyQuestions questions) {
    this.questions = questions;
  }

  /**
   * @param committee "UBND xã Hồng An"
   * @param url the survey page's full address
   */
  public byte[] pdf(String committee, String url) throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDFont regular = font(document, "survey/fonts/DejaVuSans.ttf");
      PDFont bold = font(document, "survey/fonts/DejaVuSans-Bold.ttf");
      BitMatrix qr = qr(url);
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(questions.title() + " – " + committee);
      info.setSubject(url);
      poster(document, regular, bold, qr, committee, url);
      card(document, regular, bold, qr, committee, url);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private void poster(PDDocument document, PDFont regular, PDFont bold, BitMatrix qr, String committee, String url)
      throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    float width = page.getMediaBox().getWidth();
    float height = page.getMediaBox().getHeight();
    try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
      cs.setNonStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
      cs.addRect(0, height - 120, width, 120);
      cs.fill();
      cs.setNonStrokingColor(1f, 1f, 1f);
      float y = height - 52;
      for (String line : lines(committee.toUpperCase(Locale.forLanguageTag("vi")), bold, 24, width - 80)) {
        centered(cs, bold, 24, line, width, y);
        y -= 30;
      }
      centered(cs, regular, 12, SurveyPage.PROGRAMME, width, height - 104);
      cs.setNonStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
      y = height - 172;
      for (String line : lines(INVITATION_TITLE, bold, 23, width - 70)) {
        centered(cs, bold, 23, line, width, y);
        y -= 30;
      }
      cs.setNonStrokingColor(INK[0], INK[1], INK[2]);
      y -= 4;
      for (String line : lines(INVITATION, regular, 14, width - 110)) {
        centered(cs, regular, 14, line, width, y);
        y -= 19;
      }
      float size = 320;
      float qrTop = y - 10;
      drawQr(cs, qr, (width - size) / 2, qrTop - size, size);
      cs.setNonStrokingColor(INK[0], INK[1], INK[2]);
      centered(cs, bold, 13, url, width, qrTop - size - 20);
      y = qrTop - size - 58;
      for (String step : STEPS) {
        for (String line : lines(step, regular, 15, width - 140)) {
          left(cs, regular, 15, line, 80, y);
          y -= 21;
        }
        y -= 4;
      }
      cs.setNonStrokingColor(GREY[0], GREY[1], GREY[2]);
      y = 48;
      for (String line : lines(FOOTER, regular, 10, width - 100)) {
        centered(cs, regular, 10, line, width, y);
        y -= 14;
      }
    }
  }

  /** The table card: two panels, the upper one upside down, a fold line between them, a cut line around. */
  private void card(PDDocument document, PDFont regular, PDFont bold, BitMatrix qr, String committee, String url)
      throws IOException {
    PDPage page = new PDPage(PDRectangle.A4);
    document.addPage(page);
    float width = page.getMediaBox().getWidth();
    float height = page.getMediaBox().getHeight();
    float cardWidth = 440;
    float panel = 200;
    float x = (width - cardWidth) / 2;
    float bottom = height - 120 - 2 * panel;
    try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
      cs.setNonStrokingColor(GREY[0], GREY[1], GREY[2]);
      centered(cs, regular, 11, CUT, width, height - 80);
      cs.setStrokingColor(GREY[0], GREY[1], GREY[2]);
      cs.setLineWidth(0.8f);
      cs.setLineDashPattern(new float[] {6, 4}, 0);
      cs.addRect(x, bottom, cardWidth, 2 * panel);
      cs.stroke();
      cs.setLineDashPattern(new float[] {1, 3}, 0);
      cs.moveTo(x, bottom + panel);
      cs.lineTo(x + cardWidth, bottom + panel);
      cs.stroke();
      cs.setLineDashPattern(new float[] {}, 0);
      panel(cs, regular, bold, qr, committee, url, x, bottom, cardWidth, panel);
      cs.saveGraphicsState();
      float cx = x + cardWidth / 2;
      float cy = bottom + panel * 1.5f;
      cs.transform(new Matrix(-1, 0, 0, -1, 2 * cx, 2 * cy));
      panel(cs, regular, bold, qr, committee, url, x, bottom + panel, cardWidth, panel);
      cs.restoreGraphicsState();
    }
  }

  private void panel(PDPageContentStream cs, PDFont regular, PDFont bold, BitMatrix qr, String committee, String url,
      float x, float y, float w, float h) throws IOException {
    float size = h - 36;
    drawQr(cs, qr, x + 18, y + 18, size);
    float textX = x + size + 34;
    float textWidth = w - size - 52;
    float line = y + h - 40;
    cs.setNonStrokingColor(BLUE[0], BLUE[1], BLUE[2]);
    for (String text : lines(CARD_INVITATION, bold, 15, textWidth)) {
      left(cs, bold, 15, text, textX, line);
      line -= 20;
    }
    cs.setNonStrokingColor(INK[0], INK[1], INK[2]);
    line -= 6;
    for (String text : lines(committee, bold, 14, textWidth)) {
      left(cs, bold, 14, text, textX, line);
      line -= 18;
    }
    line -= 4;
    for (String text : lines(questions.title(), regular, 11, textWidth)) {
      left(cs, regular, 11, text, textX, line);
      line -= 15;
    }
    cs.setNonStrokingColor(GREY[0], GREY[1], GREY[2]);
    for (String text : lines(url, regular, 8, textWidth)) {
      left(cs, regular, 8, text, textX, y + 24);
    }
  }

  static BitMatrix qr(String url) {
    try {
      return new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
              EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot encode the survey's address as a QR code: " + url, e);
    }
  }

  /** The QR code as black squares on a white square of {@code size} points, quiet zone included. */
  private static void drawQr(PDPageContentStream cs, BitMatrix qr, float x, float y, float size) throws IOException {
    cs.setNonStrokingColor(1f, 1f, 1f);
    cs.addRect(x, y, size, size);
    cs.fill();
    float module = size / qr.getWidth();
    cs.setNonStrokingColor(0f, 0f, 0f);
    for (int row = 0; row < qr.getHeight(); row++) {
      for (int column = 0; column < qr.getWidth(); column++) {
        if (qr.get(column, row)) {
          // a hair wider than a module, so that no seam shows between neighbours
          cs.addRect(x + column * module, y + size - (row + 1) * module, module + 0.05f, module + 0.05f);
        }
      }
    }
    cs.fill();
  }

  private static PDFont font(PDDocument document, String resource) throws IOException {
    try (InputStream in = SurveyPoster.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("Font missing from the application: " + resource);
      }
      return PDType0Font.load(document, in, true);
    }
  }

  private static void centered(PDPageContentStream cs, PDFont font, float size, String text, float pageWidth, float y)
      throws IOException {
    left(cs, font, size, text, (pageWidth - font.getStringWidth(text) / 1000 * size) / 2, y);
  }

  private static void left(PDPageContentStream cs, PDFont font, float size, String text, float x, float y)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(text);
    cs.endText();
  }

  /** The text broken into lines no wider than {@code width} at its spaces (a word wider than that stays whole). */
  static List<String> lines(String text, PDFont font, float size, float width) throws IOException {
    String normalized = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    List<String> lines = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (String word : normalized.split(" ")) {
      words.add(word);
      if (words.size() > 1 && font.getStringWidth(String.join(" ", words)) / 1000 * size > width) {
        words.remove(words.size() - 1);
        lines.add(String.join(" ", words));
        words.clear();
        words.add(word);
      }
    }
    if (!words.isEmpty()) {
      lines.add(String.join(" ", words));
    }
    return lines;
  }

}
