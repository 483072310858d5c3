package vn.thanthien.pilot.summary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thanthien.pilot.summary.ProgrammeSummary.Area;
import vn.thanthien.pilot.summary.ProgrammeSummary.Commune;
import vn.thanthien.pilot.summary.ProgrammeSummary.Counts;
import vn.thanthien.pilot.summary.ProgrammeSummary.District;
import vn.thanthien.pilot.summary.ProgrammeSummary.EvidenceStep;
import vn.thanthien.pilot.summary.ProgrammeSummary.PhaseName;
import vn.thanthien.pilot.summary.ProgrammeSummary.Programme;
import vn.thanthien.pilot.summary.ProgrammeSummary.ProgressPoint;
import vn.thanthien.pilot.summary.ProgrammeSummary.Report;

/**
 * Programme summaries built by hand for the tests of the Excel file and the HTTP endpoints; the
 * figures are made up and need not agree with each other.
 */
public final class SummaryFixtures {

  public static final LocalDate DECISION_DATE = LocalDate.of(2023, 7, 5);
  public static final LocalDate CHI_HOA_LAUNCH = LocalDate.of(2023, 9, 2);
  public static final LocalDate CHI_HOA_RECOGNISED = LocalDate.of(2025, 11, 20);
  public static final OffsetDateTime GENERATED_AT = OffsetDateTime.of(2025, 12, 1, 9, 30, 0, 0, ZoneOffset.ofHours(7));
  /** 8,000 characters of Vietnamese, diacritics on almost every word. */
  public static final String LONG_LESSONS = vietnamese(8_000);

  private SummaryFixtures() {}

  public static List<Area> areas() {
    return List.of(
        new Area(1, "Chính quyền công khai, minh bạch, dân chủ", 20),
        new Area(2, "Chính quyền thân thiện, trách nhiệm", 20),
        new Area(3, "Cán bộ, công chức thân thiện, tận tụy", 20),
        new Area(4, "Người đứng đầu gương mẫu", 20),
        new Area(5, "Trụ sở khang trang, văn minh, sáng, xanh, sạch, đẹp", 20));
  }

  public static List<PhaseName> phases() {
    return Arrays.stream(Phase.values()).map(phase -> new PhaseName(phase.key(), phase.vietnamese())).toList();
  }

  public static Programme programme() {
    return new Programme("programme-1", "Chính quyền thân thiện vì nhân dân phục vụ", "08-ĐA/TU", DECISION_DATE,
        DECISION_DATE, LocalDate.of(2025, 12, 31), "34", "Tỉnh Thái Bình", false,
        "/camunda/app/cockpit/default/#/process-instance/programme-1");
  }

  /**
   * Hưng Hà with 35 communes — Chí Hòa recognised (8,000 characters of lessons), Dân Chủ not
   * passed after two appraisals, Thái Hưng still reporting, 32 rollouts planning — and Thành phố
   * Thái Bình with two communes.
   */
  public static ProgrammeSummary twoDistricts() {
    return summary(List.of(hungHa(), thaiBinhCity()));
  }

  public static ProgrammeSummary summary(List<District> districts) {
    return new ProgrammeSummary(programme(), GENERATED_AT, areas(), phases(),
        counts(40, 5, 35, 5, 2, 3, 7, 4), districts,
        List.of(new ProgressPoint("2025-10", 30, 10, 2), new ProgressPoint("2025-11", 32, 20, 3)));
  }

  /** Chí Hòa's files: two for its plan, three for its launch. */
  public static final List<EvidenceStep> CHI_HOA_EVIDENCE = List.of(
      new EvidenceStep("DraftPlan", "Xây dựng kế hoạch thực hiện mô hình", 2),
      new EvidenceStep("LaunchModel", "Ra mắt mô hình và ký cam kết", 3));

  public static District hungHa() {
    List<Commune> communes = new ArrayList<>();
    communes.add(withEvidence(commune("12679", "Xã Chí Hòa", "339", "province-pilot", Phase.RECOGNISED, CHI_HOA_LAUNCH,
        List.of(18.5, 19.0, 17.5, 18.0, 19.0), 92.0, true, "Ba sao", "province", 1, CHI_HOA_RECOGNISED,
        List.of(new Report(1, LocalDate.of(2023, 12, 31), 88.0), new Report(2, LocalDate.of(2024, 6, 30), 91.5),
            new Report(3, LocalDate.of(2024, 12, 31), 96.5, 42L, 88.1)),
        LONG_LESSONS, 0, 2, 0), CHI_HOA_EVIDENCE));
    communes.add(commune("12598", "Xã Dân Chủ", "339", "district-pilot", Phase.NOT_PASSED,
        LocalDate.of(2023, 9, 15), List.of(15.0, 9.5, 14.0, 16.0, 16.0), 70.5, false, null, "district", 2, null,
        List.of(new Report(1, LocalDate.of(2023, 12, 31), 61.0)), "Cần sửa trụ sở trước.", 0, 5, 0));
    communes.add(commune("12649", "Xã Thái Hưng", "339", "district-pilot", Phase.REPORTING,
        LocalDate.of(2023, 10, 1), nulls(), null, null, null, null, 0, null, List.of(), null, 1, 3, 1));
    for (int i = 0; i < 32; i++) {
      communes.add(commune(Integer.toString(12700 + i), "Xã Nhân Rộng " + (i + 1), "339", "rollout",
          Phase.PLANNING, null, nulls(), null, null, null, null, 0, null, List.of(), null, 0, 0, 0));
    }
    return new District("339", "Huyện Hưng Hà", "district-339-instance", false,
        "/camunda/app/cockpit/default/#/process-instance/district-339-instance", List.of(),
        "Bài học của huyện Hưng Hà", 1, 4, counts(35, 3, 32, 3, 1, 1, 4, 10), communes, List.of());
  }

  public static District thaiBinhCity() {
    List<Commune> communes = List.of(
        commune("12421", "Phường Lê Hồng Phong", "336", "province-pilot", Phase.APPRAISAL,
            LocalDate.of(2023, 8, 20), List.of(17.0, 17.0, 17.0, 17.0, 17.0), null, null, null, "province", 0,
            null, List.of(new Report(1, LocalDate.of(2023, 12, 31), 79.25)), null, 0, 0, 0),
        commune("12424", "Phường Bồ Xuyên", "336", "rollout", Phase.LAUNCHED, LocalDate.of(2025, 3, 1), nulls(),
            null, null, null, null, 0, null, List.of(), null, 0, 0, 0));
    return new District("336", "Thành phố Thái Bình", null, false, null, List.of(), null, 0, 0,
        counts(2, 1, 1, 0, 0, 0, 0, 0), communes, List.of());
  }

  public static Commune commune(String code, String name, String district, String role, Phase phase,
      LocalDate launch, List<Double> scores, Double total, Boolean passed, String level, String appraiser,
      int rounds, LocalDate recognised, List<Report> reports, String lessons, long lateNow, long lateTimes,
      int incidents) {
    String roleName = switch (role) {
      case "province-pilot" -> "Điểm của tỉnh";
      case "district-pilot" -> "Điểm của huyện";
      default -> "Nhân rộng";
    };
    return new Commune(code, name, district, role, roleName, "instance-" + code, LocalDate.of(2023, 7, 20),
        null, phase.key(), phase.vietnamese(), List.of(), launch, scores, scores, total, passed, level, appraiser,
        appraiser == null ? null : "UBND " + appraiser, rounds, recognised, reports, lessons, lateNow, lateTimes,
        incidents, "/camunda/app/cockpit/default/#/process-instance/instance-" + code, List.of(), 0,
        "/api/process-instances/instance-" + code + "/files",
        recognised == null ? null : new ProgrammeSummary.Decision(null, "12/QĐ-UBND", recognised, "Nguyễn Văn An",
            "Phó Chủ tịch", null));
  }

  /** The commune with these files by step. */
  public static Commune withEvidence(Commune c, List<EvidenceStep> evidence) {
    return new Commune(c.code(), c.name(), c.districtCode(), c.role(), c.roleName(), c.instanceId(), c.startedOn(),
        c.endedOn(), c.phase(), c.phaseName(), c.openSteps(), c.launchDate(), c.scores(), c.selfScores(),
        c.totalScore(), c.passed(), c.ratingLevel(), c.appraiserLevel(), c.appraiserName(), c.appraisalRounds(),
        c.recognitionDate(), c.reports(), c.lessons(), c.lateNow(), c.lateTimes(), c.openIncidents(), c.cockpitUrl(),
        evidence, evidence.stream().mapToInt(EvidenceStep::files).sum(), c.evidenceUrl(), c.decision());
  }

  /**
   * Counts with every phase present: {@code pilotsInReporting} pilots reporting, the rest of the
   * pilots planning, the rollouts planning.
   */
  public static Counts counts(int communes, int pilots, int rollouts, int pilotsInReporting, int recognised,
      int notPassed, long lateNow, long lateTimes) {
    Map<String, Integer> pilotsByPhase = new LinkedHashMap<>();
    Map<String, Integer> rolloutsByPhase = new LinkedHashMap<>();
    for (Phase phase : Phase.values()) {
      pilotsByPhase.put(phase.key(), 0);
      rolloutsByPhase.put(phase.key(), 0);
    }
    pilotsByPhase.put(Phase.REPORTING.key(), pilotsInReporting);
    pilotsByPhase.put(Phase.PLANNING.key(), pilots - pilotsInReporting);
    rolloutsByPhase.put(Phase.PLANNING.key(), rollouts);
    return new Counts(communes, pilots, rollouts, pilotsByPhase, rolloutsByPhase, recognised, notPassed,
        lateNow, lateTimes, 1);
  }

  /** A province of {@code communesInAll} communes over {@code districts} districts, each with long lessons. */
  public static ProgrammeSummary province(int districts, int communesInAll) {
    List<District> list = new ArrayList<>();
    for (int d = 0; d < districts; d++) {
      int communesEach = communesInAll / districts + (d < communesInAll % districts ? 1 : 0);
      List<Commune> communes = new ArrayList<>();
      for (int c = 0; c < communesEach; c++) {
        communes.add(commune(Integer.toString(10000 + d * 100 + c), "Xã Số " + c, "3" + d, "rollout",
            Phase.RECOGNISED, CHI_HOA_LAUNCH, List.of(18.5, 19.0, 17.5, 18.0, 19.0), 92.0, true, "Ba sao",
            "district", 1, CHI_HOA_RECOGNISED, List.of(new Report(1, LocalDate.of(2024, 6, 30), 90.0)),
            LONG_LESSONS, 0, 1, 0));
      }
      list.add(new District("3" + d, "Huyện Số " + d, null, false, null, List.of(), null, 0, 0,
          counts(communesEach, 0, communesEach, 0, communesEach, 0, 0, 0), communes, List.of()));
    }
    return summary(list);
  }

  private static List<Double> nulls() {
    return Arrays.asList(null, null, null, null, null);
  }

  private static String vietnamese(int length) {
    String words = "Cán bộ xã tận tụy, thân thiện với người dân; trụ sở sáng, xanh, sạch, đẹp; "
        + "người đứng đầu gương mẫu, lắng nghe ý kiến nhân dân và giải quyết thủ tục đúng hẹn. ";
    StringBuilder text = new StringBuilder(length);
    while (text.length() < length) {
      text.append(words);
    }
    return text.substring(0, length);
  }
}
