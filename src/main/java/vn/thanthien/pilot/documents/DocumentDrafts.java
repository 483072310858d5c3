package vn.thanthien.pilot.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.evidence.EvidenceFile;
import vn.thanthien.pilot.evidence.EvidenceFiles;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.TimeZoneProperties;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.summary.ProgrammeSummaries;
import vn.thanthien.pilot.summary.ProgrammeSummary;
import vn.thanthien.pilot.summary.ProgrammeSummary.Area;
import vn.thanthien.pilot.summary.ProgrammeSummary.Commune;
import vn.thanthien.pilot.summary.ProgrammeSummary.District;

/**
 * The drafts an instance offers (README "Văn bản dự thảo"), filled from what the application
 * already holds and computes: the programme summary ({@link ProgrammeSummaries}, read as the
 * caller, so a draft shows no more than the summary would) and what the officials typed on the
 * forms. A commune recognised offers its recognition decision; a district its rollout plan, its
 * interim and final reports once the step that issues them has begun; the province its interim
 * and final reports likewise. The caller's right to read the instance is checked before
 * ({@code evidence.EvidenceAccess}); every query here runs as the caller.
 */
@Component
public class DocumentDrafts {

  static final String COMMUNE = "commune-pilot";
  static final String DISTRICT = "district-pilot";
  static final String PROGRAMME = "pilot-programme";

  /** The task that issues each document, per process. */
  static final Map<String, Map<DocumentKind, String>> ISSUING_TASKS = Map.of(
      COMMUNE, Map.of(DocumentKind.RECOGNITION_DECISION, "IssueRecognition"),
      DISTRICT, Map.of(DocumentKind.ROLLOUT_PLAN, "PlanRollout", DocumentKind.INTERIM_REPORT, "DistrictInterimReview",
          DocumentKind.FINAL_REPORT, "DistrictFinalReport"),
      PROGRAMME, Map.of(DocumentKind.INTERIM_REPORT, "ProvinceInterimReview", DocumentKind.FINAL_REPORT,
          "ProvinceFinalReview"));

  /** What officials typed that a draft shows, per process. */
  private static final Map<String, List<String>> TYPED = Map.of(
      COMMUNE, List.of(),
      DISTRICT, List.of("rolloutCommunes", "rolloutPeriodEnd", "rolloutPlanSummary", "districtInterimConclusion",
          "districtFinalReport"),
      PROGRAMME, List.of("provinceInterimConclusion", "provinceConclusion"));

  private static final String NOT_WRITTEN = "(Cán bộ soạn thảo bổ sung: đánh giá chung, tồn tại, hạn chế, bài học "
      + "kinh nghiệm và kiến nghị.)";

  /** One document of the list: a draft (DOCX) or a signed file attached to the step that issues it. */
  public record Listed(String kind, String title, String fileName, String mediaType, String url) {}

  /** A draft filled in: its file name and its bytes. */
  public record Draft(String fileName, byte[] content) {}

  private final ProcessEngine engine;
  private final ProgrammeSummaries summaries;
  private final UnitDirectory units;
  private final DocumentTemplates templates;
  private final EvidenceFiles files;
  private final TimeZoneProperties time;

  public DocumentDrafts(ProcessEngine engine, ProgrammeSummaries summaries, UnitDirectory units,
      DocumentTemplates templates, EvidenceFiles files, TimeZoneProperties time) {
    this.engine = engine;
    this.summaries = summaries;
    this.units = units;
    this.templates = templates;
    this.files = files;
    this.time = time;
  }

  /** Where a draft is downloaded. */
  public static String url(String processInstanceId, DocumentKind kind) {
    return "/api/process-instances/" + processInstanceId + "/documents/" + kind.key() + ".docx";
  }

  /** The drafts the instance offers and the signed documents attached to the steps that issue them. */
  public List<Listed> list(String processInstanceId) {
    HistoricProcessInstance instance = instance(processInstanceId);
    List<Listed> listed = new ArrayList<>();
    if (instance == null) {
      return listed;
    }
    for (DocumentKind kind : offered(instance)) {
      listed.add(new Listed(kind.key(), kind.title(), kind.fileName(instance.getBusinessKey()), DocumentKind.MEDIA_TYPE,
          url(processInstanceId, kind)));
    }
    Map<DocumentKind, String> tasks = ISSUING_TASKS.getOrDefault(instance.getProcessDefinitionKey(), Map.of());
    for (EvidenceFile file : files.ofProcessInstance(processInstanceId)) {
      tasks.forEach((kind, task) -> {
        if (task.equals(file.taskDefinitionKey())) {
          listed.add(new Listed(kind.key() + "-signed", file.taskName() + ": " + file.name(), file.name(),
              file.mediaType(), file.url()));
        }
      });
    }
    return listed;
  }

  /** The draft, if the instance offers it to the caller. */
  public Optional<Draft> draft(String processInstanceId, DocumentKind kind) {
    HistoricProcessInstance instance = instance(processInstanceId);
    if (instance == null || !offered(instance).contains(kind)) {
      return Optional.empty();
    }
    Optional<Map<String, Object>> values = switch (instance.getProcessDefinitionKey()) {
      case COMMUNE -> decision(instance);
      case DISTRICT -> district(instance, kind);
      case PROGRAMME -> province(instance, kind);
      default -> Optional.empty();
    };
    return values.map(v -> new Draft(kind.fileName(instance.getBusinessKey()), templates.fill(kind, v)));
  }

  private HistoricProcessInstance instance(String processInstanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
  }

  /** The kinds the instance offers: the issuing step has begun (and, for a decision, the commune passed). */
  private List<DocumentKind> offered(HistoricProcessInstance instance) {
    Map<DocumentKind, String> tasks = ISSUING_TASKS.get(instance.getProcessDefinitionKey());
    if (tasks == null) {
      return List.of();
    }
    HistoryService history = engine.getHistoryService();
    Set<String> begun = new java.util.HashSet<>();
    history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityType("userTask").list()
        .forEach(activity -> begun.add(activity.getActivityId()));
    List<DocumentKind> offered = new ArrayList<>();
    for (DocumentKind kind : DocumentKind.values()) {
      String task = tasks.get(kind);
      if (task != null && begun.contains(task)) {
        offered.add(kind);
      }
    }
    return offered;
  }

  private Map<String, Object> typed(HistoricProcessInstance instance) {
    Map<String, Object> typed = new HashMap<>();
    List<String> names = TYPED.getOrDefault(instance.getProcessDefinitionKey(), List.of());
    if (names.isEmpty()) {
      return typed;
    }
    for (HistoricVariableInstance variable : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instance.getId()).variableNameIn(names.toArray(String[]::new)).list()) {
      if (variable.getValue() != null && instance.getId().equals(variable.getActivityInstanceId())) {
        typed.put(variable.getName(), variable.getValue());
      }
    }
    return typed;
  }

  // --- the recognition decision

  private Optional<Map<String, Object>> decision(HistoricProcessInstance instance) {
    Optional<AdministrativeUnit> commune = units.commune(instance.getBusinessKey());
    if (commune.isEmpty()) {
      return Optional.empty();
    }
    AdministrativeUnit district = units.district(commune.get().parentCode()).orElseThrow();
    AdministrativeUnit province = units.provinceOf(district).orElseThrow();
    ProgrammeSummary summary = summaries.read(Optional.of(province.code()), Optional.of(district.code()));
    Optional<Commune> found = summary.districts().stream().flatMap(d -> d.communes().stream())
        .filter(row -> instance.getId().equals(row.instanceId())).findFirst();
    if (found.isEmpty() || !Boolean.TRUE.equals(found.get().passed()) || summary.programme() == null) {
      return Optional.empty();
    }
    return Optional.of(DecisionValues.of(found.get(), summary, commune.get(), district, province, year()));
  }

  /** The recognition decision's placeholders, from the summary's row of the commune. */
  static final class DecisionValues {

    static Map<String, Object> of(Commune row, ProgrammeSummary summary, AdministrativeUnit commune,
        AdministrativeUnit district, AdministrativeUnit province, int year) {
      ProgrammeSummary.Decision issued = row.decision();
      boolean byProvince = "province".equals(row.appraiserLevel()) || district.isProvincialBody();
      String appraiser = row.appraiserName() != null ? row.appraiserName()
          : byProvince ? province.committeeName() : district.committeeName();
      String issuer = issued != null && issued.issuer() != null && !issued.issuer().isBlank() ? issued.issuer().strip()
          : appraiser;
      String place = VietnameseText.place(byProvince ? province : district);
      Map<String, Object> v = common(issuer, place, issued == null ? null : issued.number(),
          issued == null ? null : issued.signedOn(), DocumentKind.RECOGNITION_DECISION, year, summary,
          byProvince ? null : province, issued == null ? null : issued.signer(),
          issued == null ? null : issued.signerTitle());
      String located = located(commune, district, province);
      String summaryLine = issued != null && issued.summary() != null && !issued.summary().isBlank()
          ? issued.summary().strip()
          : "Về việc công nhận " + VietnameseText.inSentence(commune.name())
              + (district.isProvincialBody() ? "" : ", " + VietnameseText.inSentence(district.name()))
              + " đạt mô hình “" + title(summary) + "”";
      v.put("summaryLine", summaryLine);
      v.put("authority", VietnameseText.heading(issuer).replace('\n', ' '));
      v.put("appraiser", appraiser);
      v.put("communeName", commune.name());
      v.put("communeFullName", located);
      v.put("communeCommittee", commune.committeeName());
      v.put("ratingLevel", row.ratingLevel() == null ? "" : row.ratingLevel());
      v.put("totalScore", VietnameseText.number(row.totalScore()));
      double max = summary.areas().stream().mapToDouble(Area::maxPoints).sum();
      v.put("maxTotal", VietnameseText.number(max));
      List<Map<String, Object>> areas = new ArrayList<>();
      for (Area area : summary.areas()) {
        Double points = row.scores() != null && area.number() - 1 < row.scores().size()
            ? row.scores().get(area.number() - 1) : null;
        areas.add(Map.of("number", String.valueOf(area.number()), "name", area.name(), "maxPoints",
            VietnameseText.number(area.maxPoints()), "points", VietnameseText.number(points)));
      }
      v.put("areas", areas);
      return v;
    }
  }

  /** "xã Chí Hòa, huyện Hưng Hà, tỉnh Thái Bình"; on the two-tier map "xã …, tỉnh Hưng Yên". */
  static String located(AdministrativeUnit commune, AdministrativeUnit district, AdministrativeUnit province) {
    return VietnameseText.inSentence(commune.name())
        + (district.isProvincialBody() ? "" : ", " + VietnameseText.inSentence(district.name()))
        + ", " + VietnameseText.inSentence(province.name());
  }

  // --- the district's documents

  private Optional<Map<String, Object>> district(HistoricProcessInstance instance, DocumentKind kind) {
    Optional<AdministrativeUnit> found = units.district(instance.getBusinessKey());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AdministrativeUnit district = found.get();
    AdministrativeUnit province = units.provinceOf(district).orElseThrow();
    ProgrammeSummary summary = summaries.read(Optional.of(province.code()), Optional.of(district.code()));
    if (summary.programme() == null || !instance.getRootProcessInstanceId().equals(summary.programme().instanceId())) {
      return Optional.empty();
    }
    Map<String, Object> typed = typed(instance);
    String issuer = district.committeeName();
    String place = VietnameseText.place(district.isProvincialBody() ? province : district);
    Map<String, Object> v = common(issuer, place, null, null, kind, year(), summary,
        district.isProvincialBody() ? null : province, null, null);
    String area = "trên địa bàn " + VietnameseText.inSentence(district.isProvincialBody() ? province.name()
        : district.name());
    Optional<District> shown = summary.districts().stream().filter(d -> d.code().equals(district.code())).findFirst();
    List<Commune> rows = shown.map(District::communes).orElse(List.of());
    ProgrammeSummary.Counts counts = shown.map(District::counts).orElse(summary.totals());
    switch (kind) {
      case ROLLOUT_PLAN -> rolloutPlan(v, summary, rows, typed, area);
      case INTERIM_REPORT -> report(v, summary, rows, counts, "Sơ kết", area, typed.get("districtInterimConclusion"));
      default -> report(v, summary, rows, counts, "Tổng kết", area, typed.get("districtFinalReport"));
    }
    return Optional.of(v);
  }

  private void rolloutPlan(Map<String, Object> v, ProgrammeSummary summary, List<Commune> rows,
      Map<String, Object> typed, String area) {
    v.put("summaryLine", "Nhân rộng mô hình “" + title(summary) + "” " + area);
    List<String> codes = FormValues.list(typed.get("rolloutCommunes")).orElse(List.of());
    List<AdministrativeUnit> chosen = codes.stream().map(units::commune).flatMap(Optional::stream).toList();
    List<Map<String, Object>> communes = new ArrayList<>();
    if (chosen.isEmpty()) {
      rows.stream().filter(row -> "rollout".equals(row.role()))
          .forEach(row -> communes.add(Map.of("number", String.valueOf(communes.size() + 1), "name", row.name(),
              "code", row.code())));
    } else {
      chosen.forEach(unit -> communes.add(Map.of("number", String.valueOf(communes.size() + 1), "name", unit.name(),
          "code", unit.code())));
    }
    v.put("communes", communes);
    v.put("rolloutCount", String.valueOf(communes.size()));
    v.put("pilotCount", String.valueOf(rows.stream().filter(row -> !"rollout".equals(row.role())).count()));
    LocalDate end = FormValues.date(typed.get("rolloutPeriodEnd"), time.timeZone())
        .orElse(summary.programme().periodEnd());
    v.put("rolloutPeriod", end == null ? "đến khi kết thúc đề án" : "đến " + VietnameseText.date(end));
    Object content = typed.get("rolloutPlanSummary");
    if (content != null && !content.toString().isBlank()) {
      v.put("planContent", content.toString().strip());
    } else {
      StringBuilder areas = new StringBuilder("Các xã, phường, thị trấn thực hiện "
          + summary.areas().size() + " nội dung của mô hình:");
      summary.areas().forEach(a -> areas.append("\n").append(a.number()).append(". ").append(a.name()).append(";"));
      v.put("planContent", areas.toString());
    }
  }

  // --- the province's documents

  private Optional<Map<String, Object>> province(HistoricProcessInstance instance, DocumentKind kind) {
    Map<String, Object> typed = typed(instance);
    Optional<AdministrativeUnit> found = provinceOfProgramme(instance);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    AdministrativeUnit province = found.get();
    ProgrammeSummary summary = summaries.read(Optional.of(province.code()), Optional.empty());
    if (summary.programme() == null || !instance.getId().equals(summary.programme().instanceId())) {
      return Optional.empty();
    }
    Map<String, Object> v = common(province.committeeName(), VietnameseText.place(province), null, null, kind, year(),
        summary, null, null, null);
    List<Commune> rows = summary.districts().stream().flatMap(d -> d.communes().stream()).toList();
    String area = "trên địa bàn " + VietnameseText.inSentence(province.name());
    if (kind == DocumentKind.INTERIM_REPORT) {
      report(v, summary, rows, summary.totals(), "Sơ kết", area, typed.get("provinceInterimConclusion"));
    } else {
      report(v, summary, rows, summary.totals(), "Tổng kết", area, typed.get("provinceConclusion"));
    }
    return Optional.of(v);
  }

  private Optional<AdministrativeUnit> provinceOfProgramme(HistoricProcessInstance instance) {
    HistoricVariableInstance code = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instance.getId()).variableName("provinceCode").list().stream()
        .filter(v -> instance.getId().equals(v.getActivityInstanceId())).findFirst().orElse(null);
    return code == null || code.getValue() == null ? Optional.empty() : units.province(code.getValue().toString());
  }

  /** The interim or final report's placeholders: counts and tables from the summary's rows. */
  private void report(Map<String, Object> v, ProgrammeSummary summary, List<Commune> rows,
      ProgrammeSummary.Counts counts, String which, String area, Object conclusion) {
    v.put("summaryLine", which + " thực hiện mô hình “" + title(summary) + "” " + area);
    long launched = rows.stream().filter(row -> row.launchDate() != null).count();
    v.put("countsText", "Tổng số " + counts.communes() + " xã, phường, thị trấn thực hiện mô hình (" + counts.pilots()
        + " thí điểm, " + counts.rollouts() + " nhân rộng); đã ra mắt mô hình: " + launched + "; đã được công nhận: "
        + counts.recognised() + "; không đạt: " + counts.notPassed() + ".");
    boolean twoTier = summary.districts().stream()
        .anyMatch(d -> units.district(d.code()).map(AdministrativeUnit::isProvincialBody).orElse(false));
    v.put("unitColumn", twoTier ? "Cơ quan theo dõi" : "Huyện");
    // "Hưng Hà" (the column says "Huyện"); the provincial body's own name on the two-tier map
    Map<String, String> districtPlaces = new HashMap<>();
    summary.districts().forEach(d -> districtPlaces.put(d.code(), units.district(d.code())
        .map(u -> u.isProvincialBody() ? u.name() : VietnameseText.place(u)).orElse(d.name())));
    List<Map<String, Object>> communes = new ArrayList<>(rows.size());
    for (Commune row : rows) {
      Map<String, Object> r = new HashMap<>();
      r.put("number", String.valueOf(communes.size() + 1));
      r.put("name", row.name());
      r.put("unit", districtPlaces.getOrDefault(row.districtCode(), ""));
      r.put("role", row.roleName());
      r.put("launchDate", VietnameseText.day(row.launchDate()));
      r.put("reports", String.valueOf(row.reports() == null ? 0 : row.reports().size()));
      r.put("satisfaction", row.reports() == null || row.reports().isEmpty() ? ""
          : VietnameseText.number(row.reports().get(row.reports().size() - 1).satisfactionPercent()));
      r.put("totalScore", VietnameseText.number(row.totalScore()));
      r.put("ratingLevel", row.ratingLevel() == null ? "" : row.ratingLevel());
      r.put("decision", row.decision() == null ? "" : row.decision().number() + (row.decision().signedOn() == null
          ? "" : "\n" + VietnameseText.day(row.decision().signedOn())));
      communes.add(r);
    }
    v.put("communes", communes);
    List<Map<String, Object>> districts = new ArrayList<>();
    for (District d : summary.districts()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("number", String.valueOf(districts.size() + 1));
      r.put("name", districtPlaces.get(d.code()));
      r.put("communeCount", String.valueOf(d.counts().communes()));
      r.put("pilots", String.valueOf(d.counts().pilots()));
      r.put("rollouts", String.valueOf(d.counts().rollouts()));
      r.put("recognised", String.valueOf(d.counts().recognised()));
      r.put("notPassed", String.valueOf(d.counts().notPassed()));
      districts.add(r);
    }
    v.put("units", districts);
    v.put("conclusion", conclusion == null || conclusion.toString().isBlank() ? NOT_WRITTEN : conclusion.toString().strip());
  }

  // --- what every document has

  /**
   * The header, date line, basis and signing block.
   *
   * @param above the province a district-level issuer reports to, or null for a province-level issuer
   */
  private static Map<String, Object> common(String issuer, String place, String number, LocalDate signedOn,
      DocumentKind kind, int year, ProgrammeSummary summary, AdministrativeUnit above, String signer,
      String signerTitle) {
    Map<String, Object> v = new HashMap<>();
    v.put("issuer", issuer);
    v.put("issuerHeading", VietnameseText.heading(issuer));
    v.put("number", number != null && !number.isBlank() ? number.strip() : "       /" + kind.symbol());
    v.put("placeAndDate", place + ", " + (signedOn == null ? VietnameseText.blankDate(year) : VietnameseText.date(signedOn)));
    ProgrammeSummary.Programme programme = summary.programme();
    v.put("programmeTitle", title(summary));
    v.put("programmeBasis", VietnameseText.basis(programme.decisionNumber(), programme.decisionDate(), title(summary)));
    v.put("signingAuthority", VietnameseText.signingAuthority(issuer, signerTitle));
    v.put("signerName", signer == null ? "" : signer.strip());
    v.put("reportsTo", above == null ? "Thường trực Tỉnh ủy, Thường trực HĐND tỉnh"
        : above.committeeName());
    return v;
  }

  private static String title(ProgrammeSummary summary) {
    String title = summary.programme() == null ? null : summary.programme().title();
    return title == null || title.isBlank() ? "Chính quyền thân thiện vì nhân dân phục vụ" : title.strip();
  }

  private int year() {
    return ClockUtil.getCurrentTime().toInstant().atZone(time.timeZone()).getYear();
  }
}
