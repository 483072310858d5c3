package vn.thanthien.pilot.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * Plays a whole province's {@code pilot-programme} with simulated officials: the province starts
 * it and takes every district that has communes, each district proposes up to
 * {@value #PILOTS_PER_DISTRICT} pilots (the first two for the province), the province approves,
 * every pilot is walked to its end (the first of each district fails once, is remediated and
 * appraised again), the district draws lessons, rolls the model out to every other commune, and
 * reports; the province closes with its final review. Timers and asynchronous steps are run as
 * they come, not waited for; the district's and the province's interim reviews are completed
 * wherever the walker meets them ({@link #taskOf}).
 */
public class ProgrammeWalker {

  public static final int PILOTS_PER_DISTRICT = 7;

  /** The interim and final reviews' tasks that the walker completes wherever it meets them. */
  public static final Map<String, Map<String, Object>> REVIEWS = Map.of(
      "DistrictInterimReview", Map.of("districtInterimConclusion", "Các xã thí điểm thực hiện đúng kế hoạch"),
      "ProvinceInterimReview", Map.of("provinceInterimConclusion", "Tiếp tục thực hiện, chuẩn bị nhân rộng"));

  /**
   * Completes the interim reviews open in this instance (district or programme) with
   * {@link #REVIEWS}, through the engine's API: for tests that play the main steps themselves.
   */
  public static void concludeInterimReviews(TaskService tasks, String processInstanceId) {
    for (Task review : tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKeyIn(REVIEWS.keySet().toArray(String[]::new)).list()) {
      tasks.complete(review.getId(), REVIEWS.get(review.getTaskDefinitionKey()));
    }
  }

  /** The programme's calendar as the province's start form and the district's rollout plan set it. */
  public record Calendar(String decisionDate, String periodStart, String periodEnd, String reportCycle,
      String rolloutPeriodEnd, String interimReviewAfter) {
    /** Thái Bình's Đề án 08-ĐA/TU: 05/07/2023 to 31/12/2025, half-yearly reports, interim review at 9 months. */
    public static final Calendar THAI_BINH_08 =
        new Calendar("2023-07-05", "2023-07-05", "2025-12-31", "P6M", "2025-12-31", "P9M");

    /** With the interim review at its default, 9 months after the start. */
    public Calendar(String decisionDate, String periodStart, String periodEnd, String reportCycle,
        String rolloutPeriodEnd) {
      this(decisionDate, periodStart, periodEnd, reportCycle, rolloutPeriodEnd, "P9M");
    }
  }

  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final UnitDirectory units;
  private final Officials officials;
  private final CommuneWalker communes;
  private final Calendar calendar;

  public ProgrammeWalker(ProcessEngine engine, UnitDirectory units, Officials officials, Calendar calendar) {
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.units = units;
    this.officials = officials;
    this.communes = new CommuneWalker(engine, officials);
    this.calendar = calendar;
  }

  /**
   * Started by {@code starter} (a member of {@code province-<code>} only: the programme is that
   * province's), or by the application when null.
   */
  public ProcessInstance start(String provinceCode, String starter) {
    IdentityService identity = engine.getIdentityService();
    if (starter != null) {
      identity.setAuthentication(starter, List.of(units.province(provinceCode).orElseThrow().groupId()));
    }
    try {
      return runtime.startProcessInstanceByKey("pilot-programme", LongestTexts.fill("pilot-programme-start", Map.of(
          "decisionDate", calendar.decisionDate(), "periodStart", calendar.periodStart(),
          "periodEnd", calendar.periodEnd(), "reportCycle", calendar.reportCycle(),
          "interimReviewAfter", calendar.interimReviewAfter())));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The province takes part with every district that has communes; returns their instances. */
  public List<ProcessInstance> chooseDistricts(ProcessInstance programme) {
    String province = (String) runtime.getVariable(programme.getId(), "provinceCode");
    List<String> districts = units.districtsOf(province).stream()
        .filter(d -> !units.communesOf(d.code()).isEmpty()).map(AdministrativeUnit::code).toList();
    officials.complete(taskOf(programme), Map.of("participatingDistricts", json(districts)));
    return children(programme);
  }

  /** The district proposes its pilots and the province approves them; returns the pilots' instances. */
  public List<ProcessInstance> startPilots(ProcessInstance district) {
    List<String> communeCodes = units.communesOf(district.getBusinessKey()).stream().map(AdministrativeUnit::code).toList();
    List<String> pilots = communeCodes.subList(0, Math.min(PILOTS_PER_DISTRICT, Math.max(1, communeCodes.size() - 1)));
    officials.complete(taskOf(district), Map.of("pilotCommunes", json(pilots),
        "provincePilots", json(pilots.subList(0, Math.min(2, pilots.size())))));
    officials.complete(taskOf(district), Map.of("selectionDecision", "approve"));
    return children(district);
  }

  /** One district from its selection of pilots to its final report. */
  public void runDistrict(ProcessInstance district) {
    List<ProcessInstance> pilots = startPilots(district);
    for (int i = 0; i < pilots.size(); i++) {
      communes.walk(pilots.get(i), i == 0 ? new double[] {9, 20, 20, 20, 20} : new double[] {19, 19, 19, 19, 19});
    }
    runJobs(district);
    officials.complete(taskOf(district), Map.of());
    officials.complete(taskOf(district), Map.of(
        "rolloutCommunes", runtime.getVariableTyped(district.getId(), "rolloutCommunes"),
        "rolloutPeriodEnd", calendar.rolloutPeriodEnd()));
    for (ProcessInstance commune : children(district)) {
      communes.walk(commune, 17, 17, 17, 17, 17);
    }
    runJobs(district);
    officials.complete(taskOf(district), Map.of());
  }

  /**
   * The province's final review (its timer is run, due or not, with every other job of the
   * programme) and the programme's end (a job), once every district has ended.
   */
  public void finish(ProcessInstance programme) {
    runJobs(programme);
    officials.complete(taskOf(programme), Map.of());
    runJobs(programme);
  }

  /**
   * The one open task of the instance besides the interim reviews: any open interim review
   * ({@link #REVIEWS}) is completed first, as the officials would when they meet it.
   */
  public Task taskOf(ProcessInstance instance) {
    List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
    Task other = null;
    for (Task task : open) {
      Map<String, Object> review = REVIEWS.get(task.getTaskDefinitionKey());
      if (review != null) {
        officials.complete(task, review);
      } else if (other != null) {
        throw new IllegalStateException("more than one open task in " + instance.getId() + ": " + open);
      } else {
        other = task;
      }
    }
    return other;
  }

  public List<ProcessInstance> children(ProcessInstance parent) {
    return runtime.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).list();
  }

  private void runJobs(ProcessInstance instance) {
    for (Job job : management.createJobQuery().processInstanceId(instance.getId()).list()) {
      management.executeJob(job.getId());
    }
  }

  private static Object json(List<String> codes) {
    return SpinValues.jsonValue(codes.isEmpty() ? "[]" : "[\"" + String.join("\",\"", codes) + "\"]").create();
  }
}
