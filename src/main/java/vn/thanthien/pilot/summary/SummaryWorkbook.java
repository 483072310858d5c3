package vn.thanthien.pilot.summary;

import java.io.IOException;
import java.io.OutputStream;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.summary.ProgrammeSummary.Area;
import vn.thanthien.pilot.summary.ProgrammeSummary.Commune;
import vn.thanthien.pilot.summary.ProgrammeSummary.Counts;
import vn.thanthien.pilot.summary.ProgrammeSummary.District;
import vn.thanthien.pilot.summary.ProgrammeSummary.PhaseName;
import vn.thanthien.pilot.summary.ProgrammeSummary.Programme;

/**
 * A {@link ProgrammeSummary} as an Excel file (.xlsx) for officials: the sheet "Tổng hợp" (the
 * programme, then one row per district and the province's totals), then one sheet per district
 * listing every commune. Dates are date cells shown dd/mm/yyyy, points and counts numbers, every
 * header Vietnamese; each sheet prints on A4 landscape, one page wide, its header row repeated.
 *
 * <p>Written with POI's streaming {@link SXSSFWorkbook}: rows go to a compressed temporary file as
 * they are written, so memory stays flat however many communes and however long their lessons
 * (README "Tổng hợp đề án" has the figures).
 */
public final class SummaryWorkbook {

  public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String SUMMARY_SHEET = "Tổng hợp";
  /** The longest text a cell holds (Excel's limit). */
  static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
  static final int MAX_SHEET_NAME = 31;
  static final String DATE_FORMAT = "dd/mm/yyyy";
  static final String DATE_TIME_FORMAT = "dd/mm/yyyy hh:mm";
  static final String POINTS_FORMAT = "0.0";
  static final String DISTRICT_LESSONS = "Bài học kinh nghiệm của huyện";

  /** Headers of a district sheet before and after the five areas' columns. */
  static final List<String> COMMUNE_HEADERS_BEFORE_AREAS = List.of(
      "Mã đơn vị hành chính", "Tên xã", "Loại", "Giai đoạn", "Ngày ra mắt");
  static final List<String> COMMUNE_HEADERS_AFTER_AREAS = List.of(
      "Tổng điểm", "Kết quả", "Xếp loại", "Cấp thẩm định", "Số lần thẩm định", "Ngày công nhận",
      "Quyết định công nhận", "Số kỳ báo cáo", "Tỷ lệ hài lòng kỳ gần nhất, phiếu giấy (%)",
      "Phiếu trực tuyến kỳ gần nhất", "Tỷ lệ hài lòng kỳ gần nhất, trực tuyến (%)", "Số lần trễ hạn",
      "Việc đang quá hạn", "Sự cố", "Số tệp minh chứng", "Minh chứng theo bước", "Bài học kinh nghiệm");

  private final Supplier<Workbook> workbooks;

  private SummaryWorkbook(Supplier<Workbook> workbooks) {
    this.workbooks = workbooks;
  }

  /** Writes {@code summary} to {@code out} as an .xlsx file; {@code out} is left open. */
  public static void write(ProgrammeSummary summary, OutputStream out) throws IOException {
    new SummaryWorkbook(SummaryWorkbook::streaming).writeTo(summary, out);
  }

  /** The same file built with another kind of workbook (tests compare their speed). */
  static void write(ProgrammeSummary summary, OutputStream out, Supplier<Workbook> workbooks) throws IOException {
    new SummaryWorkbook(workbooks).writeTo(summary, out);
  }

  private static Workbook streaming() {
    SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    workbook.setCompressTempFiles(true);
    return workbook;
  }

  private void writeTo(ProgrammeSummary summary, OutputStream out) throws IOException {
    Workbook workbook = workbooks.get();
    try {
      Styles styles = new Styles(workbook);
      summarySheet(workbook, styles, summary);
      Set<String> taken = new HashSet<>();
      taken.add(SUMMARY_SHEET.toLowerCase(Locale.ROOT));
      for (District district : summary.districts()) {
        districtSheet(workbook.createSheet(sheetName(district, taken)), styles, summary, district);
      }
      workbook.write(out);
    } finally {
      if (workbook instanceof SXSSFWorkbook streaming) {
        streaming.dispose();
      }
      workbook.close();
    }
  }

  // ---------------------------------------------------------------- the summary sheet

  private static void summarySheet(Workbook workbook, Styles styles, ProgrammeSummary summary) {
    Sheet sheet = workbook.createSheet(SUMMARY_SHEET);
    Programme programme = summary.programme();
    int r = 0;
    Row title = sheet.createRow(r++);
    text(title, 0, programme == null ? "Chưa có đề án nào" : programme.title(), styles.title);
    if (programme != null) {
      r = label(sheet, r, "Tỉnh", programme.provinceName(), styles);
      r = label(sheet, r, "Số quyết định", programme.decisionNumber(), styles);
      r = labelDate(sheet, r, "Ngày quyết định", programme.decisionDate(), styles);
      r = labelDate(sheet, r, "Thực hiện từ ngày", programme.periodStart(), styles);
      r = labelDate(sheet, r, "Đến ngày", programme.periodEnd(), styles);
      r = label(sheet, r, "Tình trạng", programme.finished() ? "Đã kết thúc" : "Đang thực hiện", styles);
    }
    Row generated = sheet.createRow(r++);
    text(generated, 0, "Thời điểm lập báo cáo", styles.label);
    if (summary.generatedAt() != null) {
      Cell cell = generated.createCell(1);
      cell.setCellValue(summary.generatedAt().toLocalDateTime());
      cell.setCellStyle(styles.dateTime);
    }
    r++;

    List<PhaseName> phases = summary.phases();
    int firstPhase = 5;
    int afterPhases = firstPhase + 2 * phases.size();
    // Two header rows: the groups of phases, then every column's own header.
    int groupRow = r++;
    Row groups = sheet.createRow(groupRow);
    Row headers = sheet.createRow(r++);
    List<String> before = List.of("Mã huyện", "Huyện", "Số xã", "Xã thí điểm", "Xã nhân rộng");
    List<String> after = List.of("Đã công nhận", "Không đạt", "Việc của xã đang quá hạn",
        "Số lần trễ hạn của xã", "Việc của huyện đang quá hạn", "Số lần trễ hạn của huyện", "Sự cố chưa xử lý");
    for (int c = firstPhase; c < afterPhases; c++) {
      groups.createCell(c).setCellStyle(styles.header);
    }
    // Columns outside the groups of phases: one header over both rows.
    for (int i = 0; i < before.size(); i++) {
      text(groups, i, before.get(i), styles.header);
      headers.createCell(i).setCellStyle(styles.header);
      sheet.addMergedRegion(new CellRangeAddress(groupRow, groupRow + 1, i, i));
    }
    for (int i = 0; i < phases.size(); i++) {
      text(headers, firstPhase + i, phases.get(i).name(), styles.header);
      text(headers, firstPhase + phases.size() + i, phases.get(i).name(), styles.header);
    }
    for (int i = 0; i < after.size(); i++) {
      text(groups, afterPhases + i, after.get(i), styles.header);
      headers.createCell(afterPhases + i).setCellStyle(styles.header);
      sheet.addMergedRegion(new CellRangeAddress(groupRow, groupRow + 1, afterPhases + i, afterPhases + i));
    }
    if (!phases.isEmpty()) {
      text(groups, firstPhase, "Xã thí điểm theo giai đoạn", styles.header);
      text(groups, firstPhase + phases.size(), "Xã nhân rộng theo giai đoạn", styles.header);
      if (phases.size() > 1) {
        sheet.addMergedRegion(new CellRangeAddress(groupRow, groupRow, firstPhase, firstPhase + phases.size() - 1));
        sheet.addMergedRegion(new CellRangeAddress(groupRow, groupRow, firstPhase + phases.size(), afterPhases - 1));
      }
    }
    headers.setHeightInPoints(45);

    long districtLateNow = 0;
    long districtLateTimes = 0;
    for (District district : summary.districts()) {
      Row row = sheet.createRow(r++);
      text(row, 0, district.code(), styles.text);
      text(row, 1, district.name(), styles.text);
      counts(row, 2, district.counts(), phases, styles.count);
      number(row, afterPhases + 4, district.lateNow(), styles.count);
      number(row, afterPhases + 5, district.lateTimes(), styles.count);
      number(row, afterPhases + 6, district.counts() == null ? 0 : district.counts().openIncidents(), styles.count);
      districtLateNow += district.lateNow();
      districtLateTimes += district.lateTimes();
    }
    Row total = sheet.createRow(r);
    text(total, 0, "", styles.totalText);
    text(total, 1, "Toàn tỉnh", styles.totalText);
    counts(total, 2, summary.totals(), phases, styles.total);
    number(total, afterPhases + 4, districtLateNow, styles.total);
    number(total, afterPhases + 5, districtLateTimes, styles.total);
    number(total, afterPhases + 6, summary.totals() == null ? 0 : summary.totals().openIncidents(), styles.total);

    sheet.setColumnWidth(0, 26 * 256);
    sheet.setColumnWidth(1, 24 * 256);
    for (int c = 2; c < afterPhases + after.size(); c++) {
      sheet.setColumnWidth(c, 13 * 256);
    }
    sheet.createFreezePane(2, groupRow + 2);
    printSetup(sheet, groupRow, groupRow + 1, "Tổng hợp thực hiện đề án");
  }

  private static int label(Sheet sheet, int r, String label, String value, Styles styles) {
    Row row = sheet.createRow(r);
    text(row, 0, label, styles.label);
    text(row, 1, value, styles.plain);
    return r + 1;
  }

  private static int labelDate(Sheet sheet, int r, String label, LocalDate value, Styles styles) {
    Row row = sheet.createRow(r);
    text(row, 0, label, styles.label);
    date(row, 1, value, styles.date);
    return r + 1;
  }

  /** Communes, pilots, rollouts, pilots and rollouts by phase, recognised, not passed, late now, late times. */
  private static void counts(Row row, int first, Counts counts, List<PhaseName> phases, CellStyle style) {
    Counts c = counts == null ? new Counts(0, 0, 0, Map.of(), Map.of(), 0, 0, 0, 0, 0) : counts;
    int col = first;
    number(row, col++, c.communes(), style);
    number(row, col++, c.pilots(), style);
    number(row, col++, c.rollouts(), style);
    for (PhaseName phase : phases) {
      number(row, col++, orZero(c.pilotsByPhase(), phase.key()), style);
    }
    for (PhaseName phase : phases) {
      number(row, col++, orZero(c.rolloutsByPhase(), phase.key()), style);
    }
    number(row, col++, c.recognised(), style);
    number(row, col++, c.notPassed(), style);
    number(row, col++, c.lateNow(), style);
    number(row, col, c.lateTimes(), style);
  }

  private static int orZero(Map<String, Integer> byPhase, String key) {
    Integer n = byPhase == null ? null : byPhase.get(key);
    return n == null ? 0 : n;
  }

  // ---------------------------------------------------------------- a district's sheet

  private static void districtSheet(Sheet sheet, Styles styles, ProgrammeSummary summary, District district) {
    List<Area> areas = summary.areas();
    List<String> headers = communeHeaders(areas);
    Row header = sheet.createRow(0);
    for (int c = 0; c < headers.size(); c++) {
      text(header, c, headers.get(c), styles.header);
    }
    header.setHeightInPoints(45);
    int r = 1;
    for (Commune commune : district.communes()) {
      Row row = sheet.createRow(r++);
      int c = 0;
      text(row, c++, commune.code(), styles.text);
      text(row, c++, commune.name(), styles.text);
      text(row, c++, commune.roleName(), styles.text);
      text(row, c++, commune.phaseName(), styles.text);
      date(row, c++, commune.launchDate(), styles.date);
      for (int a = 0; a < areas.size(); a++) {
        List<Double> scores = commune.scores();
        points(row, c++, scores != null && a < scores.size() ? scores.get(a) : null, styles);
      }
      points(row, c++, commune.totalScore(), styles);
      text(row, c++, commune.passed() == null ? "" : commune.passed() ? "Đạt" : "Không đạt", styles.text);
      text(row, c++, commune.ratingLevel(), styles.text);
      text(row, c++, appraiserLevel(commune.appraiserLevel()), styles.text);
      number(row, c++, commune.appraisalRounds(), styles.count);
      date(row, c++, commune.recognitionDate(), styles.date);
      text(row, c++, commune.decision() == null ? "" : commune.decision().describe(), styles.wrapped);
      List<ProgrammeSummary.Report> reports = commune.reports() == null ? List.of() : commune.reports();
      number(row, c++, reports.size(), styles.count);
      if (reports.isEmpty()) {
        text(row, c++, "", styles.text);
        text(row, c++, "", styles.text);
        text(row, c++, "", styles.text);
      } else {
        ProgrammeSummary.Report last = reports.get(reports.size() - 1);
        Cell cell = row.createCell(c++);
        cell.setCellValue(last.satisfactionPercent());
        cell.setCellStyle(styles.points);
        if (last.citizenResponses() == null) {
          text(row, c++, "", styles.text);
        } else {
          number(row, c++, last.citizenResponses(), styles.count);
        }
        if (last.citizenSatisfactionPercent() == null) {
          text(row, c++, "", styles.text);
        } else {
          Cell citizens = row.createCell(c++);
          citizens.setCellValue(last.citizenSatisfactionPercent());
          citizens.setCellStyle(styles.points);
        }
      }
      number(row, c++, commune.lateTimes(), styles.count);
      number(row, c++, commune.lateNow(), styles.count);
      number(row, c++, commune.openIncidents(), styles.count);
      number(row, c++, commune.evidenceFiles(), styles.count);
      text(row, c++, evidenceByStep(commune.evidence()), styles.wrapped);
      text(row, c, cellText(commune.lessons()), styles.wrapped);
    }
    int lastCommuneRow = Math.max(0, r - 1);
    int[] widths = communeColumnWidths(areas.size());
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, widths[c] * 256);
    }
    if (district.lessons() != null && !district.lessons().isBlank()) {
      districtLessons(sheet, r + 1, cellText(district.lessons()), widths, styles);
    }
    sheet.createFreezePane(2, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, lastCommuneRow, 0, headers.size() - 1));
    printSetup(sheet, 0, 0, district.name());
  }

  /**
   * The district's own lessons below its communes: a label, then the text over the remaining
   * columns, the row high enough for it (Excel does not fit a merged cell's height by itself).
   */
  private static void districtLessons(Sheet sheet, int r, String lessons, int[] widths, Styles styles) {
    Row row = sheet.createRow(r);
    text(row, 0, DISTRICT_LESSONS, styles.label);
    text(row, 1, lessons, styles.wrapped);
    int last = widths.length - 1;
    for (int c = 2; c <= last; c++) {
      row.createCell(c).setCellStyle(styles.wrapped);
    }
    sheet.addMergedRegion(new CellRangeAddress(r, r, 1, last));
    int width = 0;
    for (int c = 1; c <= last; c++) {
      width += widths[c];
    }
    int charsPerLine = Math.max(1, width);
    long lines = lessons.lines().mapToLong(line -> 1 + line.length() / charsPerLine).sum();
    row.setHeightInPoints(Math.min(409f, Math.max(15f, lines * 15f)));
  }

  /** The headers of a district sheet, the areas' as "Tiêu chí 1 (tối đa 20 điểm)". */
  static List<String> communeHeaders(List<Area> areas) {
    List<String> headers = new ArrayList<>(COMMUNE_HEADERS_BEFORE_AREAS);
    for (Area area : areas) {
      headers.add("Tiêu chí " + area.number() + " (tối đa " + FormValues.display(area.maxPoints()) + " điểm)");
    }
    headers.addAll(COMMUNE_HEADERS_AFTER_AREAS);
    return headers;
  }

  private static int[] communeColumnWidths(int areas) {
    List<Integer> widths = new ArrayList<>(List.of(12, 22, 16, 24, 12));
    for (int a = 0; a < areas; a++) {
      widths.add(11);
    }
    widths.addAll(List.of(9, 10, 10, 10, 10, 12, 30, 9, 12, 10, 12, 9, 10, 8, 10, 40, 80));
    return widths.stream().mapToInt(Integer::intValue).toArray();
  }

  /** "Xây dựng kế hoạch thực hiện mô hình: 2; Ra mắt mô hình và ký cam kết: 3", or empty without files. */
  static String evidenceByStep(List<ProgrammeSummary.EvidenceStep> steps) {
    if (steps == null || steps.isEmpty()) {
      return "";
    }
    return cellText(String.join("; ", steps.stream()
        .map(step -> (step.stepName() == null ? step.step() : step.stepName()) + ": " + step.files()).toList()));
  }

  static String appraiserLevel(String level) {
    if (level == null) {
      return "";
    }
    return switch (level) {
      case "province" -> "Tỉnh";
      case "district" -> "Huyện";
      default -> level;
    };
  }

  /** The text as a cell can hold it: cut to Excel's limit, ending with "…" when cut. */
  static String cellText(String text) {
    if (text == null || text.length() <= MAX_CELL_TEXT) {
      return text;
    }
    int end = MAX_CELL_TEXT - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /**
   * A sheet name Excel accepts: the district's name without {@code []:*?/\}, at most 31
   * characters, not starting or ending with an apostrophe, unique in the workbook (Excel compares
   * names without regard to case).
   */
  static String sheetName(District district, Set<String> taken) {
    String name = district.name() == null ? "" : Normalizer.normalize(district.name(), Normalizer.Form.NFC);
    name = name.replaceAll("[\\[\\]:*?/\\\\]", "-").replaceAll("\\p{Cntrl}", "").strip();
    name = name.replaceAll("^'+|'+$", "").strip();
    if (name.isEmpty()) {
      name = "Huyện " + district.code();
    }
    name = cut(name, MAX_SHEET_NAME);
    String candidate = name;
    for (int n = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
      String suffix = " (" + n + ")";
      candidate = cut(name, MAX_SHEET_NAME - suffix.length()).strip() + suffix;
    }
    taken.add(candidate.toLowerCase(Locale.ROOT));
    return candidate;
  }

  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }

  // ---------------------------------------------------------------- cells and styles

  private static void printSetup(Sheet sheet, int firstHeaderRow, int lastHeaderRow, String title) {
    PrintSetup print = sheet.getPrintSetup();
    print.setLandscape(true);
    print.setPaperSize(PrintSetup.A4_PAPERSIZE);
    print.setFitWidth((short) 1);
    print.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
    sheet.setRepeatingRows(new CellRangeAddress(firstHeaderRow, lastHeaderRow, -1, -1));
    sheet.getHeader().setCenter(title == null ? "" : title.replace("&", "&&"));
    sheet.getFooter().setRight("Trang &P/&N");
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value);
    }
    cell.setCellStyle(style);
  }

  private static void number(Row row, int column, double value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private static void points(Row row, int column, Double value, Styles styles) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value);
    }
    cell.setCellStyle(styles.points);
  }

  private static void date(Row row, int column, LocalDate value, CellStyle style) {
    Cell cell = row.createCell(column);
    if (value != null) {
      cell.setCellValue(value);
    }
    cell.setCellStyle(style);
  }

  /** The workbook's few styles, made once (a workbook holds at most 64,000). */
  private static final class Styles {
    final CellStyle title;
    final CellStyle label;
    final CellStyle plain;
    final CellStyle header;
    final CellStyle text;
    final CellStyle wrapped;
    final CellStyle count;
    final CellStyle points;
    final CellStyle date;
    final CellStyle dateTime;
    final CellStyle total;
    final CellStyle totalText;

    Styles(Workbook workbook) {
      DataFormat formats = workbook.createDataFormat();
      Font bold = workbook.createFont();
      bold.setBold(true);
      Font big = workbook.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);

      title = workbook.createCellStyle();
      title.setFont(big);
      label = workbook.createCellStyle();
      label.setFont(bold);
      plain = workbook.createCellStyle();

      header = bordered(workbook);
      header.setFont(bold);
      header.setWrapText(true);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setVerticalAlignment(VerticalAlignment.CENTER);

      text = bordered(workbook);
      wrapped = bordered(workbook);
      wrapped.setWrapText(true);
      count = bordered(workbook);
      count.setDataFormat(formats.getFormat("0"));
      points = bordered(workbook);
      points.setDataFormat(formats.getFormat(POINTS_FORMAT));
      date = bordered(workbook);
      date.setDataFormat(formats.getFormat(DATE_FORMAT));
      date.setAlignment(HorizontalAlignment.LEFT);
      dateTime = workbook.createCellStyle();
      dateTime.setDataFormat(formats.getFormat(DATE_TIME_FORMAT));
      dateTime.setAlignment(HorizontalAlignment.LEFT);
      total = bordered(workbook);
      total.setFont(bold);
      total.setDataFormat(formats.getFormat("0"));
      totalText = bordered(workbook);
      totalText.setFont(bold);
    }

    private static CellStyle bordered(Workbook workbook) {
      CellStyle style = workbook.createCellStyle();
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      style.setVerticalAlignment(VerticalAlignment.TOP);
      return style;
    }
  }
}
