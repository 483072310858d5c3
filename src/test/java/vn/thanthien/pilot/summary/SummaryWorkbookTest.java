package vn.thanthien.pilot.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.thanthien.pilot.summary.ProgrammeSummary.District;

/** The Excel file of a programme summary, opened again with POI and read cell by cell. */
class SummaryWorkbookTest {

  static final List<String> COMMUNE_HEADERS = List.of("Mã đơn vị hành chính", "Tên xã", "Loại", "Giai đoạn",
      "Ngày ra mắt", "Tiêu chí 1 (tối đa 20 điểm)", "Tiêu chí 2 (tối đa 20 điểm)", "Tiêu chí 3 (tối đa 20 điểm)",
      "Tiêu chí 4 (tối đa 20 điểm)", "Tiêu chí 5 (tối đa 20 điểm)", "Tổng điểm", "Kết quả", "Xếp loại",
      "Cấp thẩm định", "Số lần thẩm định", "Ngày công nhận", "Quyết định công nhận", "Số kỳ báo cáo",
      "Tỷ lệ hài lòng kỳ gần nhất, phiếu giấy (%)", "Phiếu trực tuyến kỳ gần nhất",
      "Tỷ lệ hài lòng kỳ gần nhất, trực tuyến (%)", "Số lần trễ hạn", "Việc đang quá hạn", "Sự cố",
      "Số tệp minh chứng", "Minh chứng theo bước", "Bài học kinh nghiệm");

  static XSSFWorkbook written(ProgrammeSummary summary) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SummaryWorkbook.write(summary, out);
    return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
  }

  @Test
  void oneSummarySheetThenOneSheetPerDistrictNamedAfterIt() throws IOException {
    try (XSSFWorkbook workbook = written(SummaryFixtures.twoDistricts())) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
      assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
          .containsExactly("Tổng hợp", "Huyện Hưng Hà", "Thành phố Thái Bình");
    }
  }

  @Test
  void everyCommuneOfADistrictWithItsHeadersInVietnamese() throws IOException {
    try (XSSFWorkbook workbook = written(SummaryFixtures.twoDistricts())) {
      Sheet hungHa = workbook.getSheet("Huyện Hưng Hà");
      assertThat(texts(hungHa.getRow(0))).containsExactlyElementsOf(COMMUNE_HEADERS);
      assertThat(hungHa.getRow(35).getCell(1).getStringCellValue()).isEqualTo("Xã Nhân Rộng 32");
      assertThat(hungHa.getRow(36)).isNull();
      // the district's own lessons below its communes
      assertText(hungHa.getRow(37).getCell(0), "Bài học kinh nghiệm của huyện");
      assertText(hungHa.getRow(37).getCell(1), "Bài học của huyện Hưng Hà");
      assertThat(hungHa.getLastRowNum()).isEqualTo(37);
      // the filter covers the communes, not the lessons below them
      assertThat(workbook.getSheet("Huyện Hưng Hà").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:AA36");
      assertThat(workbook.getSheet("Thành phố Thái Bình").getLastRowNum()).isEqualTo(2);
      Cell header = hungHa.getRow(0).getCell(0);
      assertThat(workbook.getFontAt(header.getCellStyle().getFontIndex()).getBold()).isTrue();
    }
  }

  @Test
  void aRecognisedCommuneWithDatesAsDatesAndPointsAsNumbers() throws IOException {
    try (XSSFWorkbook workbook = written(SummaryFixtures.twoDistricts())) {
      Row chiHoa = workbook.getSheet("Huyện Hưng Hà").getRow(1);
      assertText(chiHoa.getCell(0), "12679");
      assertText(chiHoa.getCell(1), "Xã Chí Hòa");
      assertText(chiHoa.getCell(2), "Điểm của tỉnh");
      assertText(chiHoa.getCell(3), "Đã được công nhận");
      assertDate(chiHoa.getCell(4), SummaryFixtures.CHI_HOA_LAUNCH);
      List<Double> points = List.of(18.5, 19.0, 17.5, 18.0, 19.0, 92.0);
      for (int i = 0; i < points.size(); i++) {
        Cell cell = chiHoa.getCell(5 + i);
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isEqualTo(points.get(i));
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("0.0");
      }
      assertText(chiHoa.getCell(11), "Đạt");
      assertText(chiHoa.getCell(12), "Ba sao");
      assertText(chiHoa.getCell(13), "Tỉnh");
      assertNumber(chiHoa.getCell(14), 1);
      assertDate(chiHoa.getCell(15), SummaryFixtures.CHI_HOA_RECOGNISED);
      assertThat(chiHoa.getCell(16).getStringCellValue()).startsWith("Số 12/QĐ-UBND ngày ")
          .endsWith(", Phó Chủ tịch Nguyễn Văn An ký");
      assertNumber(chiHoa.getCell(17), 3);
      assertNumber(chiHoa.getCell(18), 96.5);
      // the online survey's answers and share of the same period, apart from the paper survey's
      assertNumber(chiHoa.getCell(19), 42);
      assertNumber(chiHoa.getCell(20), 88.1);
      assertNumber(chiHoa.getCell(21), 2);
      assertNumber(chiHoa.getCell(22), 0);
      assertNumber(chiHoa.getCell(23), 0);
      // its evidence: five files, two for the plan and three for the launch
      assertNumber(chiHoa.getCell(24), 5);
      assertText(chiHoa.getCell(25), "Xây dựng kế hoạch thực hiện mô hình: 2; Ra mắt mô hình và ký cam kết: 3");
      assertThat(chiHoa.getCell(25).getCellStyle().getWrapText()).isTrue();
      Cell lessons = chiHoa.getCell(26);
      assertText(lessons, SummaryFixtures.LONG_LESSONS);
      assertThat(lessons.getStringCellValue()).hasSize(8_000);
      assertThat(lessons.getCellStyle().getWrapText()).isTrue();
    }
  }

  @Test
  void aFailedCommuneAndAnUnfinishedOne() throws IOException {
    try (XSSFWorkbook workbook = written(SummaryFixtures.twoDistricts())) {
      Sheet hungHa = workbook.getSheet("Huyện Hưng Hà");
      Row danChu = hungHa.getRow(2);
      assertText(danChu.getCell(1), "Xã Dân Chủ");
      assertText(danChu.getCell(19), "");
      assertText(danChu.getCell(3), "Không đạt");
      assertNumber(danChu.getCell(6), 9.5);
      assertNumber(danChu.getCell(10), 70.5);
      assertText(danChu.getCell(11), "Không đạt");
      assertText(danChu.getCell(13), "Huyện");
      assertNumber(danChu.getCell(14), 2);
      assertThat(danChu.getCell(15).getCellType()).isEqualTo(CellType.BLANK);
      assertNumber(danChu.getCell(21), 5);

      Row thaiHung = hungHa.getRow(3);
      assertText(thaiHung.getCell(1), "Xã Thái Hưng");
      assertText(thaiHung.getCell(3), "Đang báo cáo định kỳ");
      for (int c = 5; c <= 10; c++) {
        assertThat(thaiHung.getCell(c).getCellType()).as("column %d", c).isEqualTo(CellType.BLANK);
      }
      assertText(thaiHung.getCell(11), "");
      assertNumber(thaiHung.getCell(17), 0);
      assertThat(thaiHung.getCell(18).getStringCellValue()).isEmpty();
      assertNumber(thaiHung.getCell(22), 1);
      assertNumber(thaiHung.getCell(23), 1);
      // no file yet: zero, and an empty text
      assertNumber(thaiHung.getCell(24), 0);
      assertText(thaiHung.getCell(25), "");
    }
  }

  @Test
  void theSummarySheetHasTheProgrammeADistrictPerRowAndTheProvinceTotals() throws IOException {
    try (XSSFWorkbook workbook = written(SummaryFixtures.twoDistricts())) {
      Sheet sheet = workbook.getSheet("Tổng hợp");
      assertText(sheet.getRow(0).getCell(0), "Chính quyền thân thiện vì nhân dân phục vụ");
      assertText(sheet.getRow(1).getCell(0), "Tỉnh");
      assertText(sheet.getRow(1).getCell(1), "Tỉnh Thái Bình");
      assertText(sheet.getRow(2).getCell(0), "Số quyết định");
      assertText(sheet.getRow(2).getCell(1), "08-ĐA/TU");
      assertText(sheet.getRow(3).getCell(0), "Ngày quyết định");
      assertDate(sheet.getRow(3).getCell(1), SummaryFixtures.DECISION_DATE);
      assertDate(sheet.getRow(4).getCell(1), SummaryFixtures.DECISION_DATE);
      assertDate(sheet.getRow(5).getCell(1), LocalDate.of(2025, 12, 31));
      assertText(sheet.getRow(6).getCell(1), "Đang thực hiện");
      assertText(sheet.getRow(7).getCell(0), "Thời điểm lập báo cáo");
      Cell generated = sheet.getRow(7).getCell(1);
      assertThat(DateUtil.isCellDateFormatted(generated)).isTrue();
      assertThat(generated.getLocalDateTimeCellValue()).isEqualTo(SummaryFixtures.GENERATED_AT.toLocalDateTime());

      Row groups = sheet.getRow(9);
      Row headers = sheet.getRow(10);
      assertText(groups.getCell(0), "Mã huyện");
      assertText(groups.getCell(1), "Huyện");
      assertText(groups.getCell(2), "Số xã");
      assertText(groups.getCell(3), "Xã thí điểm");
      assertText(groups.getCell(4), "Xã nhân rộng");
      assertText(groups.getCell(5), "Xã thí điểm theo giai đoạn");
      assertText(groups.getCell(13), "Xã nhân rộng theo giai đoạn");
      List<String> phases = SummaryFixtures.phases().stream().map(ProgrammeSummary.PhaseName::name).toList();
      assertThat(texts(headers).subList(5, 13)).containsExactlyElementsOf(phases);
      assertThat(texts(headers).subList(13, 21)).containsExactlyElementsOf(phases);
      assertThat(texts(groups).subList(21, 28)).containsExactly("Đã công nhận", "Không đạt",
          "Việc của xã đang quá hạn", "Số lần trễ hạn của xã", "Việc của huyện đang quá hạn",
          "Số lần trễ hạn của huyện", "Sự cố chưa xử lý");
      assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(9, 9, 5, 12),
          new CellRangeAddress(9, 9, 13, 20), new CellRangeAddress(9, 10, 0, 0));

      Row hungHa = sheet.getRow(11);
      assertText(hungHa.getCell(0), "339");
      assertText(hungHa.getCell(1), "Huyện Hưng Hà");
      // communes, pilots, rollouts; pilots planning, launched, reporting; rollouts planning
      assertNumbers(hungHa, 2, 35, 3, 32, 0, 0, 3);
      assertNumber(hungHa.getCell(13), 32);
      // recognised, not passed, communes late now and times, the district's own, incidents
      assertNumbers(hungHa, 21, 1, 1, 4, 10, 1, 4, 1);
      assertText(sheet.getRow(12).getCell(1), "Thành phố Thái Bình");
      Row total = sheet.getRow(13);
      assertText(total.getCell(1), "Toàn tỉnh");
      assertNumbers(total, 2, 40, 5, 35, 0, 0, 5);
      assertNumbers(total, 21, 2, 3, 7, 4, 1, 4, 1);
      assertThat(sheet.getLastRowNum()).isEqualTo(13);
    }
  }

  @Test
  void headerRowsFrozenAndEverySheetPrintsOnA4LandscapeOnePageWide() throws IOException {
    try (XSSFWorkbook workbook = written(SummaryFixtures.twoDistricts())) {
      PaneInformation pane = workbook.getSheet("Huyện Hưng Hà").getPaneInformation();
      assertThat(pane.isFreezePane()).isTrue();
      assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 1);
      assertThat(pane.getVerticalSplitLeftColumn()).isEqualTo((short) 2);
      PaneInformation summaryPane = workbook.getSheet("Tổng hợp").getPaneInformation();
      assertThat(summaryPane.isFreezePane()).isTrue();
      assertThat(summaryPane.getHorizontalSplitTopRow()).isEqualTo((short) 11);

      for (Sheet sheet : workbook) {
        PrintSetup print = sheet.getPrintSetup();
        assertThat(print.getLandscape()).as(sheet.getSheetName()).isTrue();
        assertThat(print.getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
        assertThat(sheet.getFitToPage()).isTrue();
        assertThat(print.getFitWidth()).isEqualTo((short) 1);
        assertThat(print.getFitHeight()).isZero();
        assertThat(sheet.getRepeatingRows()).isNotNull();
      }
      assertThat(workbook.getSheet("Huyện Hưng Hà").getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));
      assertThat(workbook.getSheet("Tổng hợp").getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("10:11"));
      Sheet hungHa = workbook.getSheet("Huyện Hưng Hà");
      assertThat(hungHa.getColumnWidth(1)).isEqualTo(22 * 256);
      assertThat(hungHa.getColumnWidth(16)).isEqualTo(30 * 256);
      assertThat(hungHa.getColumnWidth(25)).isEqualTo(40 * 256);
      assertThat(hungHa.getColumnWidth(26)).isEqualTo(80 * 256);
    }
  }

  @Test
  void aTextLongerThanACellHoldsIsCutWithAnEllipsis() throws IOException {
    String longest = "Bài học ".repeat(5_000);
    District district = SummaryFixtures.hungHa();
    List<ProgrammeSummary.Commune> communes = new ArrayList<>(district.communes());
    ProgrammeSummary.Commune c = communes.get(0);
    communes.set(0, SummaryFixtures.commune(c.code(), c.name(), "339", c.role(), Phase.RECOGNISED,
        c.launchDate(), c.scores(), c.totalScore(), c.passed(), c.ratingLevel(), c.appraiserLevel(),
        c.appraisalRounds(), c.recognitionDate(), c.reports(), longest, 0, 0, 0));
    District longer = new District(district.code(), district.name(), null, false, null, List.of(), null, 0, 0,
        district.counts(), communes, List.of());
    try (XSSFWorkbook workbook = written(SummaryFixtures.summary(List.of(longer)))) {
      String cell = workbook.getSheet("Huyện Hưng Hà").getRow(1).getCell(26).getStringCellValue();
      assertThat(cell).hasSize(32_767).endsWith("…").startsWith("Bài học Bài học");
    }
  }

  @Test
  void sheetNamesAreWhatExcelAcceptsAndUnique() {
    Set<String> taken = new HashSet<>(Set.of("tổng hợp"));
    assertThat(SummaryWorkbook.sheetName(district("1", "Huyện [Kiến/Xương]: thử?*"), taken))
        .isEqualTo("Huyện -Kiến-Xương-- thử--");
    String longName = "Huyện có một cái tên dài hơn ba mươi mốt ký tự";
    String first = SummaryWorkbook.sheetName(district("2", longName), taken);
    String second = SummaryWorkbook.sheetName(district("3", longName), taken);
    assertThat(first).isEqualTo(longName.substring(0, 31));
    assertThat(second).hasSizeLessThanOrEqualTo(31).endsWith(" (2)");
    assertThat(SummaryWorkbook.sheetName(district("4", "TỔNG HỢP"), taken)).isEqualTo("TỔNG HỢP (2)");
    assertThat(SummaryWorkbook.sheetName(district("5", "'"), taken)).isEqualTo("Huyện 5");
  }

  @Test
  void noProgrammeYetGivesASummarySheetSayingSo() throws IOException {
    ProgrammeSummary empty = new ProgrammeSummary(null, SummaryFixtures.GENERATED_AT, SummaryFixtures.areas(),
        SummaryFixtures.phases(), SummaryFixtures.counts(0, 0, 0, 0, 0, 0, 0, 0), List.of(), List.of());
    try (XSSFWorkbook workbook = written(empty)) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
      assertText(workbook.getSheetAt(0).getRow(0).getCell(0), "Chưa có đề án nào");
    }
  }

  /** A province of 260 communes with 8,000 characters of lessons each: streaming and in memory, timed. */
  @Test
  void aWholeProvinceIsWrittenQuickly() throws IOException {
    ProgrammeSummary province = SummaryFixtures.province(8, 260);
    long streaming = bestOf(province, () -> new SXSSFWorkbook(200));
    long inMemory = bestOf(province, XSSFWorkbook::new);
    System.out.printf("Workbook of 260 communes: SXSSF %d ms, XSSF %d ms%n", streaming, inMemory);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long start = System.nanoTime();
    SummaryWorkbook.write(province, out);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("SummaryWorkbook.write: %d ms, %d bytes%n", millis, out.size());
    assertThat(millis).isLessThan(5_000);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(9);
    }
  }

  private static long bestOf(ProgrammeSummary summary, Supplier<Workbook> kind) throws IOException {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      long start = System.nanoTime();
      SummaryWorkbook.write(summary, new ByteArrayOutputStream(), kind);
      best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
    }
    return best;
  }

  private static District district(String code, String name) {
    return new District(code, name, null, false, null, List.of(), null, 0, 0, null, List.of(), List.of());
  }

  private static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    for (int c = 0; c < row.getLastCellNum(); c++) {
      Cell cell = row.getCell(c);
      texts.add(cell == null ? null : cell.getStringCellValue());
    }
    return texts;
  }

  static void assertText(Cell cell, String expected) {
    assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.STRING);
    assertThat(cell.getStringCellValue()).isEqualTo(expected);
  }

  static void assertNumber(Cell cell, double expected) {
    assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
    assertThat(cell.getNumericCellValue()).as("cell %s", cell.getAddress()).isEqualTo(expected);
  }

  private static void assertNumbers(Row row, int first, double... expected) {
    for (int i = 0; i < expected.length; i++) {
      assertNumber(row.getCell(first + i), expected[i]);
    }
  }

  static void assertDate(Cell cell, LocalDate expected) {
    assertThat(cell.getCellType()).as("cell %s", cell.getAddress()).isEqualTo(CellType.NUMERIC);
    assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
    assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
    assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(expected);
  }
}
