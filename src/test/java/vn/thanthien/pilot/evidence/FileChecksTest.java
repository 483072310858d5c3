package vn.thanthien.pilot.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The name a file is kept under and the type its content is, without the server. */
class FileChecksTest {

  static final List<String> DEFAULT_TYPES = List.of("application/pdf", "application/msword",
      FileTypes.DOCX, "application/vnd.ms-excel", FileTypes.XLSX, "image/jpeg", "image/png", "image/heic", "image/heif");

  final FileTypes types = new FileTypes(DEFAULT_TYPES);

  private String type(byte[] content, String name) throws Exception {
    return types.acceptedType(() -> new ByteArrayInputStream(content), name);
  }

  @Test
  void namesKeepVietnameseLettersAndLosePathsControlCharactersAndLeadingDots() {
    assertThat(FileNames.clean(Normalizer.normalize("Kế hoạch.pdf", Normalizer.Form.NFD), 150))
        .isEqualTo(Normalizer.normalize("Kế hoạch.pdf", Normalizer.Form.NFC));
    assertThat(FileNames.clean("../../etc/passwd", 150)).isEqualTo("passwd");
    assertThat(FileNames.clean("C:\\Users\\Ảnh\\..\\ảnh.jpg", 150)).isEqualTo("ảnh.jpg");
    assertThat(FileNames.clean("...htaccess", 150)).isEqualTo("htaccess");
    assertThat(FileNames.clean("bao\u0000cao\r\n\u202Efdp.exe", 150)).isEqualTo("baocaofdp.exe");
    assertThat(FileNames.clean("a<b>c:d\"e|f?g*.pdf", 150)).isEqualTo("a_b_c_d_e_f_g_.pdf");
    assertThat(FileNames.clean("..", 150)).isEqualTo(FileNames.FALLBACK);
    assertThat(FileNames.clean(null, 150)).isEqualTo(FileNames.FALLBACK);
    String cut = FileNames.clean("Biên bản ".repeat(40) + ".docx", 50);
    assertThat(cut.codePointCount(0, cut.length())).isLessThanOrEqualTo(50);
    assertThat(cut).endsWith(".docx").startsWith("Biên bản");
    assertThat(FileNames.ascii("Quyết định số 5.pdf")).isEqualTo("Quyet dinh so 5.pdf");
    assertThat(FileNames.ascii("Đánh giá \"x\";%.pdf")).isEqualTo("Danh gia _x___.pdf");
  }

  @Test
  void theContentDecidesTheTypeNotTheName() throws Exception {
    assertThat(type(EvidenceSamples.pdf(2000), "anything.jpg")).isEqualTo("application/pdf");
    assertThat(type(EvidenceSamples.jpeg(), "anh")).isEqualTo("image/jpeg");
    assertThat(type(EvidenceSamples.png(), "anh.pdf")).isEqualTo("image/png");
    assertThat(type(EvidenceSamples.heic(), "IMG_1.HEIC")).isEqualTo("image/heic");
    assertThat(type(EvidenceSamples.docx(), "cam-ket.docx")).isEqualTo(FileTypes.DOCX);
    assertThat(type(EvidenceSamples.xlsx(), "khao-sat.xlsx")).isEqualTo(FileTypes.XLSX);
    assertThat(type(EvidenceSamples.windowsProgram(), "ke-hoach.pdf")).isNull();
    assertThat(type(EvidenceSamples.linuxProgram(), "ke-hoach.pdf")).isNull();
    assertThat(type(EvidenceSamples.html(), "ke-hoach.pdf")).isNull();
    assertThat(type(EvidenceSamples.svg(), "anh.png")).isNull();
    assertThat(type(EvidenceSamples.script(), "chay.pdf")).isNull();
    assertThat(type(EvidenceSamples.zip(), "cam-ket.docx")).isNull();
    assertThat(type(EvidenceSamples.docx(), "so-lieu.xlsx")).as("a DOCX named .xlsx has no workbook").isNull();
    assertThat(type(EvidenceSamples.random(5000, 1), "khong-ro.pdf")).isNull();
  }
}
