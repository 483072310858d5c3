package vn.thanthien.pilot.summary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.camunda.spin.json.SpinJsonNode;
import vn.thanthien.pilot.access.ProvinceTenants;
import vn.thanthien.pilot.commune.ReportRecorder;
import vn.thanthien.pilot.engine.Unchecked;
import vn.thanthien.pilot.evidence.EvidenceFiles;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.OrganisationProperties;
import vn.thanthien.pilot.organisation.TimeZoneProperties;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.reporting.Lateness;
import vn.thanthien.pilot.reporting.UnitInstances;
import vn.thanthien.pilot.summary.ProgrammeSummary.Commune;
import vn.thanthien.pilot.summary.ProgrammeSummary.District;
import vn.thanthien.pilot.summary.ProgrammeSummary.EvidenceStep;
import vn.thanthien.pilot.summary.ProgrammeSummary.Programme;
import vn.thanthien.pilot.summary.ProgrammeSummary.Report;
import vn.thanthien.pilot.summary.ProgrammeSummary.Step;

/**
 * Reads the summary of one province's programme ({@link ProgrammeSummaries}) in one command (one
 * transaction, one consistent view), with a constant number of queries whatever the number of
 * communes. Which instances the viewer may read is asked of
 * Camunda's own authorizations (the historic-instance permissions of the viewer's groups); what
 * those instances hold (variables, reports, open tasks, incidents, lateness, evidence files) is
 * then read for exactly those instances, without a check per row.
 */
@Component
public class SummaryReader implements ProgrammeSummaries {

  static final String PROGRAMME = "pilot-programme";
  static final String DISTRICT = "district-pilot";
  static final String COMMUNE = "commune-pilot";
  private static final Pattern CODE = Pattern.compile("[0-9]{1,10}");

  private static final List<String> PROGRAMME_VARIABLES = List.of("programmeTitle", "decisionNumber",
      "decisionDate", "periodStart", "periodEnd", "provinceCode", "provinceName");
  private static final List<String> DISTRICT_VARIABLES = List.of("districtCode", "districtName", "districtLessons");
  private static final List<String> COMMUNE_VARIABLES = List.of("communeCode", "communeName", "districtCode", "tier",
      "launchDate", "appraisedArea1", "appraisedArea2", "appraisedArea3", "appraisedArea4", "appraisedArea5",
      "selfArea1", "selfArea2", "selfArea3", "selfArea4", "selfArea5", "totalScore", "passed", "ratingLevel",
      "appraiserGroup", "appraisalRound", "recognitionDate", "communeLessons", ReportRecorder.HISTORY,
      "satisfactionRate", "recognitionIssuer", "recognitionDecisionNumber", "recognitionSigner",
      "recognitionSignerTitle", "recognitionSummary");

  private final ProcessEngineConfigurationImpl configuration;
  private final UnitDirectory units;
  private final OrganisationProperties organisation;
  private final ZoneId zone;
  private final ScoringScheme scheme = new ScoringScheme();
  private final String webappPath;
  private final EvidenceFiles evidenceFiles;

  public SummaryReader(ProcessEngine engine, UnitDirectory units, OrganisationProperties organisation,
      TimeZoneProperties time, EvidenceFiles evidenceFiles,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.evidenceFiles = evidenceFiles;
    this.units = units;
    this.organisation = organisation;
    this.zone = time.timeZone();
    this.webappPath = webappPath;
  }

  @Override
  public ProgrammeSummary read(Optional<String> provinceCode, Optional<String> districtCode) {
    Authentication user = configuration.getIdentityService().getCurrentAuthentication();
    if (user == null) {
      throw new NotAuthenticatedException();
    }
    AdministrativeUnit province = province(user, provinceCode);
    Optional<AdministrativeUnit> district = districtCode.map(code -> district(code, province));
    ProgrammeSummary summary = configuration.getCommandExecutorTxRequired()
        .execute(context -> read(context, province, district));
    if (summary == null) {
      // a unit with no part in it reads nothing of it, not even its title or decision
      throw new NothingToShowException("Đơn vị của anh/chị không tham gia đề án của " + lowerFirst(province.name())
          + " nên không có số liệu tổng hợp để xem.");
    }
    return summary;
  }

  /**
   * The province asked for, which the caller must belong to (its tenant: their own, or one a
   * reorganisation handed over; every one for the managers, any for an administrator); without
   * one, the caller's own province, or the configured one for whoever belongs to none or several.
   */
  private AdministrativeUnit province(Authentication user, Optional<String> asked) {
    if (asked.isEmpty()) {
      List<String> own = groups(user).stream().map(units::ofGroup).flatMap(Optional::stream)
          .map(units::provinceOf).flatMap(Optional::stream).map(AdministrativeUnit::code).distinct().toList();
      String code = own.size() == 1 ? own.get(0) : organisation.provinceCode();
      return units.province(code).orElseThrow(() -> new UnknownProvinceException(
          "Không có tỉnh nào mang mã " + code + " trong danh mục đơn vị hành chính"));
    }
    String code = asked.get();
    if (!CODE.matcher(code).matches()) {
      throw new UnknownProvinceException("Mã tỉnh phải là mã đơn vị hành chính của một tỉnh, chỉ gồm chữ số"
          + " (ví dụ 34 là tỉnh Thái Bình)");
    }
    AdministrativeUnit province = units.province(code).orElseThrow(() -> new UnknownProvinceException(
        "Không có tỉnh nào mang mã " + code + " trong danh mục đơn vị hành chính"));
    boolean member = user.getTenantIds() != null && user.getTenantIds().contains(ProvinceTenants.tenantOf(province));
    if (!member && !administrator(user)) {
      throw new NothingToShowException("Anh/chị chỉ được xem tổng hợp đề án của tỉnh mình, không được xem đề án của "
          + lowerFirst(province.name()) + ".");
    }
    return province;
  }

  private AdministrativeUnit district(String code, AdministrativeUnit province) {
    if (!CODE.matcher(code).matches()) {
      throw new UnknownDistrictException("Mã huyện phải là mã đơn vị hành chính của một huyện, chỉ gồm chữ số"
          + " (ví dụ 339 là huyện Hưng Hà)");
    }
    AdministrativeUnit district = units.district(code).orElseThrow(() -> new UnknownDistrictException(
        "Không có huyện nào mang mã " + code + " trong danh mục đơn vị hành chính"));
    if (!district.parentCode().equals(province.code())) {
      throw new UnknownDistrictException(district.name() + " (mã " + code + ") không thuộc " + lowerFirst(province.name()));
    }
    return district;
  }

  private boolean administrator(Authentication user) {
    List<String> groups = groups(user);
    List<String> adminGroups = configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups();
    return groups.contains(Groups.CAMUNDA_ADMIN) || groups.stream().anyMatch(adminGroups::contains)
        || (configuration.getAdminUsers() != null && configuration.getAdminUsers().contains(user.getUserId()));
  }

  private static List<String> groups(Authentication user) {
    return user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }

  private static String lowerFirst(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  /** The summary, or null when the caller's unit takes no part in the province's programme. */
  private ProgrammeSummary read(CommandContext context, AdministrativeUnit province, Optional<AdministrativeUnit> district) {
    HistoryService history = configuration.getHistoryService();
    // the province's programme, found whatever the caller may read; what they see of it is decided below
    HistoricProcessInstance programme = Unchecked.read(() -> latestProgramme(province));
    OffsetDateTime now = OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
    if (programme == null) {
      return new ProgrammeSummary(null, now, context.runWithoutAuthorization(scheme::areas), Phases.names(),
          Tally.of(List.of(), Map.of()).counts(), List.of(), List.of());
    }
    // Camunda's authorizations (and tenant check) decide which districts and communes this viewer may read.
    List<HistoricProcessInstance> allCommunes = visible(history, programme, COMMUNE, Optional.empty());
    boolean takesPart = !allCommunes.isEmpty()
        || history.createHistoricProcessInstanceQuery().processInstanceId(programme.getId()).count() > 0
        || history.createHistoricProcessInstanceQuery().rootProcessInstanceId(programme.getId())
            .processDefinitionKey(DISTRICT).count() > 0;
    if (!takesPart) {
      return null;
    }
    List<HistoricProcessInstance> districts = visible(history, programme, DISTRICT, district);
    List<HistoricProcessInstance> communes = allCommunes.stream()
        .filter(commune -> district.isEmpty() || district.get().code().equals(parentCode(commune)))
        .toList();
    return Unchecked.read(() -> new Assembly(programme, districts, communes, now).summary());
  }

  /** The province's latest programme: the one running, else the last one started. */
  private HistoricProcessInstance latestProgramme(AdministrativeUnit province) {
    HistoryService history = configuration.getHistoryService();
    List<HistoricProcessInstance> running = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROGRAMME)
        .variableValueEquals("provinceCode", province.code())
        .unfinished().orderByProcessInstanceStartTime().desc().listPage(0, 1);
    if (!running.isEmpty()) {
      return running.get(0);
    }
    List<HistoricProcessInstance> last = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROGRAMME)
        .variableValueEquals("provinceCode", province.code())
        .orderByProcessInstanceStartTime().desc().listPage(0, 1);
    return last.isEmpty() ? null : last.get(0);
  }

  private static List<HistoricProcessInstance> visible(HistoryService history, HistoricProcessInstance programme,
      String processKey, Optional<AdministrativeUnit> district) {
    HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery()
        .rootProcessInstanceId(programme.getId()).processDefinitionKey(processKey);
    district.ifPresent(unit -> query.processInstanceBusinessKey(unit.code()));
    return query.orderByProcessInstanceStartTime().asc().list();
  }

  /** The district a commune belongs to, by the unit list (its business key is its code). */
  private String parentCode(HistoricProcessInstance commune) {
    return units.commune(commune.getBusinessKey()).map(AdministrativeUnit::parentCode).orElse(null);
  }

  /** Everything read for one summary: the rows' data, read in bulk, then put together. */
  private final class Assembly {

    private final HistoricProcessInstance programme;
    private final List<HistoricProcessInstance> districts;
    private final List<HistoricProcessInstance> communes;
    private final OffsetDateTime now;
    private final Map<String, Map<String, Object>> variables = new HashMap<>();
    private final Map<String, List<Task>> openTasks = new HashMap<>();
    private final Set<String> betweenReports = new HashSet<>();
    private final Map<String, Integer> incidents = new HashMap<>();
    private final Map<String, Lateness.Unit> lateness;
    private final Map<String, List<UnitInstances.Report>> reports;
    private final Map<String, List<EvidenceStep>> evidence = new HashMap<>();

    Assembly(HistoricProcessInstance programme, List<HistoricProcessInstance> districts,
        List<HistoricProcessInstance> communes, OffsetDateTime now) {
      this.programme = programme;
      this.districts = districts;
      this.communes = communes;
      this.now = now;
      HistoryService history = configuration.getHistoryService();
      readVariables();
      readOpenWork();
      this.lateness = Lateness.perUnit(history, programme.getId());
      this.reports = reports(history);
      readEvidence();
    }

    /**
     * Every commune's files by step, in one grouped query for the whole programme; kept only for
     * the communes this viewer reads (the others' never leave this method).
     */
    private void readEvidence() {
      Set<String> shown = new HashSet<>();
      communes.forEach(instance -> shown.add(instance.getId()));
      for (EvidenceFiles.StepCount count : evidenceFiles.countsByStep(programme.getId())) {
        if (shown.contains(count.processInstanceId())) {
          evidence.computeIfAbsent(count.processInstanceId(), id -> new ArrayList<>())
              .add(new EvidenceStep(count.step(), count.stepName(), count.files()));
        }
      }
    }

    /**
     * Each commune's reports from its variable {@code reportHistory}; for a commune that reported
     * before that variable was kept, from the history's variable updates (two more queries).
     */
    private Map<String, List<UnitInstances.Report>> reports(HistoryService history) {
      Map<String, List<UnitInstances.Report>> reports = new HashMap<>();
      List<String> older = new ArrayList<>();
      for (HistoricProcessInstance commune : communes) {
        Object kept = variables.getOrDefault(commune.getId(), Map.of()).get(ReportRecorder.HISTORY);
        if (kept instanceof SpinJsonNode list && list.isArray()) {
          List<UnitInstances.Report> filed = new ArrayList<>();
          for (SpinJsonNode report : list.elements()) {
            filed.add(new UnitInstances.Report(report.prop("number").numberValue().intValue(),
                report.prop("periodEnd").stringValue(), report.prop("satisfactionRate").numberValue().doubleValue(),
                report.hasProp("citizenResponses") ? report.prop("citizenResponses").numberValue().longValue() : null,
                report.hasProp("citizenSatisfiedShare")
                    ? report.prop("citizenSatisfiedShare").numberValue().doubleValue() : null));
          }
          reports.put(commune.getId(), filed);
        } else if (variables.getOrDefault(commune.getId(), Map.of()).get("satisfactionRate") != null) {
          older.add(commune.getId()); // reported before reportHistory was kept
        } else {
          reports.put(commune.getId(), List.of());
        }
      }
      if (!older.isEmpty()) {
        reports.putAll(UnitInstances.reports(history, older));
      }
      return reports;
    }

    ProgrammeSummary summary() {
      Map<String, Object> p = variables.get(programme.getId());
      Programme head = new Programme(programme.getId(), text(p.get("programmeTitle")), text(p.get("decisionNumber")),
          date(p.get("decisionDate")), date(p.get("periodStart")), date(p.get("periodEnd")), text(p.get("provinceCode")),
          text(p.get("provinceName")), programme.getEndTime() != null, cockpitUrl(programme));
      Map<String, HistoricProcessInstance> districtByCode = new LinkedHashMap<>();
      districts.forEach(d -> districtByCode.put(d.getBusinessKey(), d));
      Map<String, List<Commune>> rows = new LinkedHashMap<>();
      for (HistoricProcessInstance commune : communes) {
        Commune row = commune(commune);
        if (row.districtCode() == null) {
          continue; // not in the unit list: no district to show it under
        }
        rows.computeIfAbsent(row.districtCode(), code -> new ArrayList<>()).add(row);
      }
      // a district shows when the viewer reads it, or one of its communes
      Set<String> codes = new HashSet<>(districtByCode.keySet());
      codes.addAll(rows.keySet());
      List<District> shown = new ArrayList<>();
      for (String code : codes) {
        shown.add(district(code, districtByCode.get(code), rows.getOrDefault(code, List.of())));
      }
      shown.sort(java.util.Comparator.comparing(District::name));
      List<Commune> all = shown.stream().flatMap(d -> d.communes().stream()).toList();
      return new ProgrammeSummary(head, now, scheme.areas(), Phases.names(), Tally.of(all, incidentsOfDistricts(shown)).counts(),
          List.copyOf(shown), Progress.monthly(all, now.toLocalDate()));
    }

    private Map<String, Integer> incidentsOfDistricts(List<District> shown) {
      Map<String, Integer> own = new HashMap<>();
      for (District d : shown) {
        if (d.instanceId() != null) {
          own.put(d.code(), incidents.getOrDefault(d.instanceId(), 0));
        }
      }
      return own;
    }

    private District district(String code, HistoricProcessInstance instance, List<Commune> rows) {
      String name = units.district(code).map(AdministrativeUnit::name).orElse(code);
      Lateness.Unit late = lateness.get(code);
      if (instance == null) {
        return new District(code, name, null, false, null, List.of(), null, 0, 0,
            Tally.of(rows, Map.of()).counts(), rows, Progress.monthly(rows, now.toLocalDate()));
      }
      Map<String, Object> v = variables.getOrDefault(instance.getId(), Map.of());
      return new District(code, name, instance.getId(), instance.getEndTime() != null, cockpitUrl(instance),
          steps(instance), text(v.get("districtLessons")), late == null ? 0 : late.openNow(),
          late == null ? 0 : late.times(), Tally.of(rows, Map.of(code, incidents.getOrDefault(instance.getId(), 0))).counts(),
          rows, Progress.monthly(rows, now.toLocalDate()));
    }

    private Commune commune(HistoricProcessInstance instance) {
      Map<String, Object> v = variables.getOrDefault(instance.getId(), Map.of());
      String code = instance.getBusinessKey();
      Optional<AdministrativeUnit> unit = units.commune(code);
      String districtCode = unit.map(AdministrativeUnit::parentCode).orElse(text(v.get("districtCode")));
      String name = unit.map(AdministrativeUnit::name).orElse(text(v.get("communeName")));
      Role role = Role.of(text(v.get("tier")));
      Boolean passed = v.get("passed") instanceof Boolean b ? b : null;
      boolean finished = instance.getEndTime() != null;
      List<Task> tasks = openTasks.getOrDefault(instance.getId(), List.of());
      Phase phase = Phases.of(finished, passed, tasks.stream().map(Task::getTaskDefinitionKey).toList(),
          betweenReports.contains(instance.getId()), v.get("launchDate") != null);
      String appraiser = text(v.get("appraiserGroup"));
      Optional<AdministrativeUnit> appraiserUnit = appraiser == null ? Optional.empty() : units.ofGroup(appraiser);
      Lateness.Unit late = lateness.get(code);
      List<Report> filed = reports.getOrDefault(instance.getId(), List.of()).stream()
          .map(r -> new Report(r.number(), displayDate(r.periodEnd()), r.satisfactionRate(), r.citizenResponses(),
              r.citizenSatisfiedShare())).toList();
      List<EvidenceStep> files = evidence.getOrDefault(instance.getId(), List.of());
      return new Commune(code, name, districtCode, role.key, role.vietnamese, instance.getId(),
          day(instance.getStartTime()), day(instance.getEndTime()), phase.key(), phase.vietnamese(), steps(instance),
          date(v.get("launchDate")), points(v, "appraisedArea"), points(v, "selfArea"), number(v.get("totalScore")),
          passed, text(v.get("ratingLevel")),
          appraiserUnit.map(u -> u.level() == AdministrativeUnit.Level.PROVINCE ? "province" : "district").orElse(null),
          appraiserUnit.map(AdministrativeUnit::committeeName).orElse(null),
          v.get("appraisalRound") instanceof Number n ? n.intValue() : 0, date(v.get("recognitionDate")), filed,
          text(v.get("communeLessons")), late == null ? 0 : late.openNow(), late == null ? 0 : late.times(),
          incidents.getOrDefault(instance.getId(), 0), cockpitUrl(instance), List.copyOf(files),
          files.stream().mapToInt(EvidenceStep::files).sum(), "/api/process-instances/" + instance.getId() + "/files", decision(v));
    }

    private ProgrammeSummary.Decision decision(Map<String, Object> v) {
      String number = text(v.get("recognitionDecisionNumber"));
      if (number == null) {
        return null;
      }
      return new ProgrammeSummary.Decision(text(v.get("recognitionIssuer")), number, date(v.get("recognitionDate")),
          text(v.get("recognitionSigner")), text(v.get("recognitionSignerTitle")), text(v.get("recognitionSummary")));
    }

    private List<Step> steps(HistoricProcessInstance instance) {
      List<Step> steps = new ArrayList<>();
      for (Task task : openTasks.getOrDefault(instance.getId(), List.of())) {
        Date due = task.getDueDate();
        steps.add(new Step(task.getId(), task.getName(), day(due), due != null && due.toInstant().isBefore(now.toInstant()),
            webappPath + "/app/tasklist/default/#/?task=" + task.getId()));
      }
      return steps;
    }

    /**
     * The variables of the programme, its districts and its communes that a summary shows, in one
     * query on the index of the history's root instance (one query with the 260 communes' ids in
     * an IN list made H2 scan every row of those names in the whole history). Only those of the
     * visible instances are kept, and only process-level ones (not local copies in activities).
     */
    private void readVariables() {
      Map<String, List<String>> wanted = new HashMap<>();
      wanted.put(programme.getId(), PROGRAMME_VARIABLES);
      districts.forEach(instance -> wanted.put(instance.getId(), DISTRICT_VARIABLES));
      communes.forEach(instance -> wanted.put(instance.getId(), COMMUNE_VARIABLES));
      wanted.keySet().forEach(id -> variables.put(id, new HashMap<>()));
      Set<String> names = new java.util.TreeSet<>();
      names.addAll(PROGRAMME_VARIABLES);
      names.addAll(DISTRICT_VARIABLES);
      names.addAll(COMMUNE_VARIABLES);
      String table = configuration.getManagementService().getTableName(HistoricVariableInstance.class);
      // the names are this class's constants, never a request's
      String sql = "SELECT RES.* FROM " + table + " RES WHERE RES.ROOT_PROC_INST_ID_ = #{root} AND RES.NAME_ IN ('"
          + String.join("', '", names) + "')";
      for (HistoricVariableInstance variable : configuration.getHistoryService().createNativeHistoricVariableInstanceQuery()
          .sql(sql).parameter("root", programme.getId()).list()) {
        List<String> shown = wanted.get(variable.getProcessInstanceId());
        if (shown != null && shown.contains(variable.getName())
            && variable.getProcessInstanceId().equals(variable.getActivityInstanceId())) {
          variables.get(variable.getProcessInstanceId()).put(variable.getName(), variable.getValue());
        }
      }
    }

    private void readOpenWork() {
      List<String> running = new ArrayList<>();
      districts.stream().filter(i -> i.getEndTime() == null).forEach(i -> running.add(i.getId()));
      communes.stream().filter(i -> i.getEndTime() == null).forEach(i -> running.add(i.getId()));
      if (running.isEmpty()) {
        return;
      }
      Set<String> ids = new HashSet<>(running);
      for (Task task : configuration.getTaskService().createTaskQuery().processInstanceIdIn(running.toArray(String[]::new))
          .orderByTaskCreateTime().asc().list()) {
        openTasks.computeIfAbsent(task.getProcessInstanceId(), id -> new ArrayList<>()).add(task);
      }
      for (String activity : Phase.LAUNCHED.activities()) {
        for (Execution execution : configuration.getRuntimeService().createExecutionQuery()
            .processDefinitionKey(COMMUNE).activityId(activity).list()) {
          if (ids.contains(execution.getProcessInstanceId())) {
            betweenReports.add(execution.getProcessInstanceId());
          }
        }
      }
      for (Incident incident : configuration.getRuntimeService().createIncidentQuery().list()) {
        // an incident in a commune is repeated in the instances that called it: count it once, where it happened
        if (ids.contains(incident.getProcessInstanceId()) && incident.getId().equals(incident.getCauseIncidentId())) {
          incidents.merge(incident.getProcessInstanceId(), 1, Integer::sum);
        }
      }
    }

    private String cockpitUrl(HistoricProcessInstance instance) {
      // Cockpit's community edition shows running instances only
      return instance.getEndTime() != null ? null
          : webappPath + "/app/cockpit/default/#/process-instance/" + instance.getId() + "/runtime";
    }

    private LocalDate day(Date date) {
      return date == null ? null : date.toInstant().atZone(zone).toLocalDate();
    }

    private LocalDate date(Object value) {
      return FormValues.date(value, zone).orElse(null);
    }
  }

  private static LocalDate displayDate(String text) {
    try {
      return text == null || text.isBlank() ? null : LocalDate.parse(text, FormValues.DISPLAY_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<Double> points(Map<String, Object> variables, String prefix) {
    List<Double> points = new ArrayList<>();
    for (int area = 1; area <= ScoringScheme.AREAS; area++) {
      points.add(number(variables.get(prefix + area)));
    }
    return java.util.Collections.unmodifiableList(points);
  }

  private static Double number(Object value) {
    return value == null ? null : FormValues.number(value).orElse(null);
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** A commune's part in the programme, from the variable {@code tier} the district passed. */
  enum Role {
    PROVINCE_PILOT("province-pilot", "Thí điểm của tỉnh"),
    DISTRICT_PILOT("district-pilot", "Thí điểm của huyện"),
    ROLLOUT("rollout", "Nhân rộng");

    final String key;
    final String vietnamese;

    Role(String key, String vietnamese) {
      this.key = key;
      this.vietnamese = vietnamese;
    }

    static Role of(String tier) {
      if ("province".equals(tier)) {
        return PROVINCE_PILOT;
      }
      return "district".equals(tier) ? DISTRICT_PILOT : ROLLOUT;
    }

    boolean pilot() {
      return this != ROLLOUT;
    }
  }
}
