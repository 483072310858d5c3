package vn.thanthien.pilot.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.process.Officials;
import vn.thanthien.pilot.process.ProgrammeWalker;
import vn.thanthien.pilot.summary.ProgrammeSummaries;
import vn.thanthien.pilot.summary.ProgrammeSummary;
import vn.thanthien.pilot.summary.ProgrammeSummary.Commune;

/**
 * The drafts of a whole Hưng Hà lifecycle (7 pilots, the first two the province's, the first of
 * all failing twice; 28 rollout communes; the interim reviews concluded; the province's final
 * review open), read as the officials who issue them: each opened with POI and checked block by
 * block against Nghị định 30/2020/NĐ-CP and its figures against the appraisal and the programme
 * summary; each rendered to PDF by a real LibreOffice, its pages read with PDFBox, and its pages
 * written as PNG under target/documents/.
 */
@SpringBootTest
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentDraftsTest {

  static final String HUNG_HA = "339";
  static final String TITLE = "Chính quyền thân thiện vì nhân dân phục vụ";

  @Autowired DocumentDrafts drafts;
  @Autowired ProgrammeSummaries summaries;
  @Autowired ProcessEngine engine;
  @Autowired UnitDirectory units;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;

  String programmeId;
  String hungHaId;
  /** The commune instances of Hưng Hà by their part: province-pilot, district-pilot, failed. */
  final Map<String, String> communes = new HashMap<>();

  @BeforeAll
  void playHungHa() {
    ProcessInstance programme = runtime.startProcessInstanceByKey("pilot-programme", Variables.createVariables()
        .putValue("programmeTitle", TITLE).putValue("decisionNumber", "08-ĐA/TU").putValue("decisionDate", "2023-07-05")
        .putValue("periodStart", "2023-07-05").putValue("periodEnd", "2025-12-31").putValue("reportCycle", "P6M"));
    programmeId = programme.getId();
    ProgrammeWalker walker = new ProgrammeWalker(engine, units, new Officials(engine, false,
        (task, values) -> tasks.complete(task.getId(), ShortAnswers.withRequired(engine, task, values))),
        ProgrammeWalker.Calendar.THAI_BINH_08);
    tasks.complete(walker.taskOf(programme).getId(),
        Map.of("participatingDistricts", SpinValues.jsonValue("[\"" + HUNG_HA + "\"]").create()));
    ProcessInstance hungHa = walker.children(programme).get(0);
    hungHaId = hungHa.getId();
    walker.runDistrict(hungHa);
    for (Job job : management.createJobQuery().processInstanceId(programmeId).list()) {
      management.executeJob(job.getId());
    }
    Task finalReview = walker.taskOf(programme);
    assertThat(finalReview.getTaskDefinitionKey()).isEqualTo("ProvinceFinalReview");
    ProgrammeSummary summary = as("tinh34", () -> summaries.read(Optional.empty()));
    for (Commune row : summary.districts().get(0).communes()) {
      if (Boolean.FALSE.equals(row.passed())) {
        communes.put("failed", row.instanceId());
      } else if (Boolean.TRUE.equals(row.passed()) && !"rollout".equals(row.role())) {
        communes.putIfAbsent(row.role(), row.instanceId());
      }
    }
    assertThat(communes).containsKeys("province-pilot", "district-pilot", "failed");
  }

  @AfterAll
  void endTheProgramme() {
    runtime.deleteProcessInstance(programmeId, "test over");
  }

  @AfterEach
  void logOut() {
    identity.clearAuthentication();
  }

  @Test
  void aProvincePilotsDecisionIsIssuedByTheProvincesCommitteeWithTheAppraisedPoints() throws Exception {
    String instance = communes.get("province-pilot");
    byte[] docx = draft("tinh34", instance, DocumentKind.RECOGNITION_DECISION);
    String commune = communeName(instance);
    DecreeLayout layout = DecreeLayout.open(docx).page().fonts()
        .header("ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH", "123/QĐ-UBND", "Thái Bình, ngày 20 tháng 12 năm 2025")
        .kind("QUYẾT ĐỊNH", "Về việc công nhận " + lower(commune) + ", huyện Hưng Hà đạt mô hình “" + TITLE + "”")
        .signature("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Văn An");
    List<String> text = layout.paragraphs();
    assertThat(text).contains("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH", "QUYẾT ĐỊNH:",
        "Căn cứ Đề án số 08-ĐA/TU ngày 05 tháng 7 năm 2023 về thực hiện mô hình “" + TITLE + "”;");
    assertAppraisedPoints(instance, layout, text, lower(commune) + ", huyện Hưng Hà, tỉnh Thái Bình");
    assertThat(text).anyMatch(p -> p.startsWith("Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng "
        + "UBND tỉnh Thái Bình, Chủ tịch UBND " + lower(commune)));
    assertThat(text(layout.document.getTables().get(layout.document.getTables().size() - 1).getRow(0).getCell(0)))
        .contains("- Thường trực Tỉnh ủy, Thường trực HĐND tỉnh (để b/c);");

    LibreOffice.Pdf pdf = LibreOffice.render("recognition-decision-province-pilot", docx);
    assertThat(pdf.pages()).as("a decision fits on one or two pages").hasSizeBetween(1, 2);
    assertThat(pdf.text()).contains(DecreeLayout.NATIONAL_TITLE, DecreeLayout.MOTTO, "Số: 123/QĐ-UBND",
        "Thái Bình, ngày 20 tháng 12 năm 2025", "QUYẾT ĐỊNH", "Điều 1.", "Điều 2.", "Điều 3.", "UBND " + lower(commune), "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN", "Nguyễn Văn An");
  }

  @Test
  void aDistrictPilotsDecisionIsIssuedByTheDistrictsCommittee() throws Exception {
    String instance = communes.get("district-pilot");
    byte[] docx = draft("huyen339", instance, DocumentKind.RECOGNITION_DECISION);
    String commune = communeName(instance);
    DecreeLayout layout = DecreeLayout.open(docx).page().fonts()
        .header("ỦY BAN NHÂN DÂN\nHUYỆN HƯNG HÀ", "123/QĐ-UBND", "Hưng Hà, ngày 20 tháng 12 năm 2025")
        .kind("QUYẾT ĐỊNH", "Về việc công nhận " + lower(commune) + ", huyện Hưng Hà đạt mô hình “" + TITLE + "”")
        .signature("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Văn An");
    assertThat(layout.paragraphs()).contains("ỦY BAN NHÂN DÂN HUYỆN HƯNG HÀ");
    assertAppraisedPoints(instance, layout, layout.paragraphs(), lower(commune) + ", huyện Hưng Hà, tỉnh Thái Bình");
    assertThat(text(layout.document.getTables().get(layout.document.getTables().size() - 1).getRow(0).getCell(0)))
        .contains("- UBND tỉnh Thái Bình (để b/c);");
    LibreOffice.Pdf pdf = LibreOffice.render("recognition-decision-district-pilot", docx);
    assertThat(pdf.pages()).hasSizeBetween(1, 2);
    assertThat(pdf.pages()).as("the signing block is not split from its signer").last().asString()
        .contains("PHÓ CHỦ TỊCH", "Nguyễn Văn An");
    assertThat(pdf.text()).contains("ỦY BAN NHÂN DÂN", "HUYỆN HƯNG HÀ", "Hưng Hà, ngày 20 tháng 12 năm 2025",
        "UBND " + lower(commune));
  }

  @Test
  void aCommuneThatDidNotPassOffersNoDecision() {
    String failed = communes.get("failed");
    assertThat(as("huyen339", () -> drafts.list(failed))).noneMatch(d -> d.kind().equals("recognition-decision"));
    assertThat(as("huyen339", () -> drafts.draft(failed, DocumentKind.RECOGNITION_DECISION))).isEmpty();
    // a recognised one lists its draft
    assertThat(as("xa" + units.commune(communeCode(communes.get("district-pilot"))).orElseThrow().code(),
        () -> drafts.list(communes.get("district-pilot"))))
        .anyMatch(d -> d.kind().equals("recognition-decision") && d.mediaType().equals(DocumentKind.MEDIA_TYPE)
            && d.url().equals("/api/process-instances/" + communes.get("district-pilot")
                + "/documents/recognition-decision.docx"));
  }

  @Test
  void theRolloutPlanListsTheRolloutCommunesAsTheDistrictChoseThem() throws Exception {
    byte[] docx = draft("huyen339", hungHaId, DocumentKind.ROLLOUT_PLAN);
    int year = Year.now().getValue();
    DecreeLayout layout = DecreeLayout.open(docx).page().fonts()
        .header("ỦY BAN NHÂN DÂN\nHUYỆN HƯNG HÀ", "       /KH-UBND", "Hưng Hà, ngày      tháng      năm " + year)
        .kind("KẾ HOẠCH", "Nhân rộng mô hình “" + TITLE + "” trên địa bàn huyện Hưng Hà")
        .signature("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "");
    List<List<String>> rows = layout.table(0);
    List<String> rollout = units.communesOf(HUNG_HA).stream().skip(ProgrammeWalker.PILOTS_PER_DISTRICT)
        .map(u -> u.name()).toList();
    assertThat(rows).hasSize(1 + 28);
    assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(1)).toList()).containsExactlyElementsOf(rollout);
    assertThat(rows.get(28)).startsWith("28");
    assertThat(layout.paragraphs()).anyMatch(p -> p.contains("tại 28 xã, phường, thị trấn")
        && p.contains("đến ngày 31 tháng 12 năm 2025"));
    LibreOffice.Pdf pdf = LibreOffice.render("rollout-plan", docx);
    assertThat(pdf.text()).contains("KẾ HOẠCH", "/KH-UBND", rollout.get(0),
        rollout.get(27));
  }

  @Test
  void theDistrictsInterimReportShowsEachCommuneAndTheDistrictsConclusion() throws Exception {
    byte[] docx = draft("huyen339", hungHaId, DocumentKind.INTERIM_REPORT);
    DecreeLayout layout = DecreeLayout.open(docx).page().fonts()
        .kind("BÁO CÁO", "Sơ kết thực hiện mô hình “" + TITLE + "” trên địa bàn huyện Hưng Hà");
    assertThat(layout.paragraphs()).contains("Các xã thí điểm thực hiện đúng kế hoạch");
    List<List<String>> rows = layout.table(0);
    assertThat(rows).hasSize(1 + 35);
    ProgrammeSummary summary = as("huyen339", () -> summaries.read(Optional.of(HUNG_HA)));
    Commune first = summary.districts().get(0).communes().get(0);
    assertThat(rows.get(1)).containsExactly("1", first.name(), "Hưng Hà", first.roleName(),
        FormValues.display(first.launchDate()), String.valueOf(first.reports().size()),
        FormValues.display(first.reports().get(first.reports().size() - 1).satisfactionPercent()));
    assertThat(rows.get(1).get(4)).matches("\\d{2}/\\d{2}/\\d{4}");
    LibreOffice.Pdf pdf = LibreOffice.render("interim-report-district", docx);
    assertThat(pdf.pages()).hasSizeGreaterThan(1);
    assertThat(pdf.pages().get(1).strip()).as("page 2 is numbered").startsWith("2");
    assertThat(pdf.pages().get(0)).doesNotStartWith("1");
  }

  @Test
  void theFinalReportsFiguresAreTheSummarysForTheDistrictAndTheProvince() throws Exception {
    ProgrammeSummary summary = as("tinh34", () -> summaries.read(Optional.empty()));
    ProgrammeSummary.Counts counts = summary.districts().get(0).counts();
    for (String user : List.of("huyen339", "tinh34")) {
      String instance = user.equals("tinh34") ? programmeId : hungHaId;
      byte[] docx = draft(user, instance, DocumentKind.FINAL_REPORT);
      String where = user.equals("tinh34") ? "tỉnh Thái Bình" : "huyện Hưng Hà";
      DecreeLayout layout = DecreeLayout.open(docx).page().fonts()
          .kind("BÁO CÁO", "Tổng kết thực hiện mô hình “" + TITLE + "” trên địa bàn " + where);
      assertThat(layout.paragraphs()).contains("Tổng số 35 xã, phường, thị trấn thực hiện mô hình (7 thí điểm, 28 nhân "
          + "rộng); đã ra mắt mô hình: 35; đã được công nhận: " + counts.recognised() + "; không đạt: "
          + counts.notPassed() + ".");
      assertThat(counts.notPassed()).isEqualTo(1);
      assertThat(layout.table(0)).containsExactly(
          List.of("STT", "Huyện", "Số xã", "Thí điểm", "Nhân rộng", "Được công nhận", "Không đạt"),
          List.of("1", "Hưng Hà", "35", "7", "28", String.valueOf(counts.recognised()),
              String.valueOf(counts.notPassed())));
      List<List<String>> rows = layout.table(1);
      assertThat(rows).hasSize(1 + 35);
      List<Commune> shown = summary.districts().get(0).communes();
      for (int i = 0; i < shown.size(); i++) {
        Commune row = shown.get(i);
        assertThat(rows.get(i + 1).get(1)).isEqualTo(row.name());
        assertThat(rows.get(i + 1).get(4)).isEqualTo(row.totalScore() == null ? "" : FormValues.display(row.totalScore()));
        assertThat(rows.get(i + 1).get(6)).isEqualTo(Boolean.TRUE.equals(row.passed()) ? "123/QĐ-UBND\n20/12/2025" : "");
      }
      LibreOffice.Pdf pdf = LibreOffice.render("final-report-" + (user.equals("tinh34") ? "province" : "district"), docx);
      assertThat(pdf.pages()).hasSizeBetween(2, 6);
      assertThat(pdf.text()).contains("BÁO CÁO", "Tổng kết thực hiện mô hình", shown.get(34).name(), "Nơi nhận:");
    }
  }

  @Test
  void theProvincesInterimReportCarriesItsConclusion() throws IOException {
    byte[] docx = draft("tinh34", programmeId, DocumentKind.INTERIM_REPORT);
    DecreeLayout layout = DecreeLayout.open(docx).page().fonts()
        .header("ỦY BAN NHÂN DÂN\nTỈNH THÁI BÌNH", "       /BC-UBND",
            "Thái Bình, ngày      tháng      năm " + Year.now().getValue())
        .kind("BÁO CÁO", "Sơ kết thực hiện mô hình “" + TITLE + "” trên địa bàn tỉnh Thái Bình");
    assertThat(layout.paragraphs()).contains("Tiếp tục thực hiện, chuẩn bị nhân rộng");
  }

  private void assertAppraisedPoints(String instance, DecreeLayout layout, List<String> text, String located) {
    Map<String, Object> appraised = new HashMap<>();
    for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(instance).list()) {
      appraised.put(v.getName(), v.getValue());
    }
    String total = FormValues.display(((Number) appraised.get("totalScore")).doubleValue());
    assertThat(text).anyMatch(p -> p.equals("Điều 1. Công nhận " + located + " đạt mô hình “" + TITLE + "”, xếp loại "
        + appraised.get("ratingLevel") + ", với tổng số điểm " + total + "/100 điểm. Điểm thẩm định của từng tiêu chí "
        + "như sau:"));
    List<List<String>> rows = layout.table(0);
    assertThat(rows).hasSize(1 + 5 + 1);
    assertThat(rows.get(0)).containsExactly("STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định");
    for (int area = 1; area <= 5; area++) {
      assertThat(rows.get(area).get(0)).isEqualTo(String.valueOf(area));
      assertThat(rows.get(area).get(2)).isEqualTo("20");
      assertThat(rows.get(area).get(3)).as("area %d", area)
          .isEqualTo(FormValues.display(((Number) appraised.get("appraisedArea" + area)).doubleValue()));
    }
    assertThat(rows.get(1).get(1)).isEqualTo("Công khai, minh bạch, dân chủ");
    assertThat(rows.get(6)).containsExactly("", "Tổng cộng", "100", total);
    assertThat(text.stream().filter(p -> p.startsWith("Điều ")).map(p -> p.substring(0, 7)).toList())
        .containsExactly("Điều 1.", "Điều 2.", "Điều 3.");
  }

  private byte[] draft(String user, String instance, DocumentKind kind) {
    return as(user, () -> drafts.draft(instance, kind)).orElseThrow(() -> new AssertionError(kind + " not offered"))
        .content();
  }

  private String communeCode(String instance) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
  }

  private String communeName(String instance) {
    return units.commune(communeCode(instance)).orElseThrow().name();
  }

  private static String lower(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String text(org.apache.poi.xwpf.usermodel.XWPFTableCell cell) {
    return DecreeLayout.text(cell);
  }

  private <T> T as(String userId, Supplier<T> read) {
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    assertThat(groups).as(userId + "'s groups").isNotEmpty();
    List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
        .map(org.camunda.bpm.engine.identity.Tenant::getId).toList();
    identity.setAuthentication(userId, groups, tenants);
    try {
      return read.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
