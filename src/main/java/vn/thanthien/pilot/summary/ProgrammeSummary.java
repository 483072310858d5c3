package vn.thanthien.pilot.summary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import vn.thanthien.pilot.forms.FormValues;

/**
 * The programme at a glance, as one viewer may see it: every district and commune of the latest
 * programme that the viewer may read (Camunda's own authorizations decide), running or finished,
 * read from history. The same value feeds the Cockpit page, the JSON of
 * {@code GET /api/programme/summary} and the Excel file of {@code GET /api/programme/summary.xlsx}.
 *
 * <p>Dates are days ({@code yyyy-MM-dd} in JSON, dd/MM/yyyy where an official reads them); scores
 * are numbers; names are the unit list's Vietnamese names. Keys of phases and roles are stable
 * English words other systems can rely on; their Vietnamese names come with them.
 *
 * @param programme the programme, or null when there is none yet
 * @param generatedAt when this summary was read, in the programme's time zone
 * @param areas the five content areas with their maximum points (decision {@code pilot-scoring-scheme})
 * @param phases every phase a commune can be in, in order, with its Vietnamese name
 * @param totals the sums over every district shown
 * @param districts the districts the viewer may see (or that hold a commune the viewer may see), by name
 * @param rolloutProgress month by month, over every district shown
 */
public record ProgrammeSummary(Programme programme, OffsetDateTime generatedAt, List<Area> areas,
    List<PhaseName> phases, Counts totals, List<District> districts, List<ProgressPoint> rolloutProgress) {

  /** The province's programme: its start form, its state, its link in Cockpit. */
  public record Programme(String instanceId, String title, String decisionNumber, LocalDate decisionDate,
      LocalDate periodStart, LocalDate periodEnd, String provinceCode, String provinceName, boolean finished,
      String cockpitUrl) {}

  /** A content area (tiêu chí) and its maximum points. */
  public record Area(int number, String name, double maxPoints) {}

  /** A phase's stable key and its Vietnamese name. */
  public record PhaseName(String key, String name) {}

  /**
   * Counts over a set of communes. The maps hold every phase key (zeros included), in the order
   * of {@link Phase}.
   *
   * @param lateNow communes' tasks late right now
   * @param lateTimes times a commune's task became late
   * @param openIncidents open incidents on these communes' instances (and the district's own, in a district's counts)
   */
  public record Counts(int communes, int pilots, int rollouts, Map<String, Integer> pilotsByPhase,
      Map<String, Integer> rolloutsByPhase, int recognised, int notPassed, long lateNow, long lateTimes,
      int openIncidents) {}

  /**
   * One district and its communes.
   *
   * @param instanceId its {@code district-pilot} instance, or null when the viewer may not read it
   *     (a commune's official sees only its own commune)
   * @param openSteps the district's own open tasks (empty when finished or not readable)
   * @param lessons the district's lessons learned (rút kinh nghiệm), when written
   */
  public record District(String code, String name, String instanceId, boolean finished, String cockpitUrl,
      List<Step> openSteps, String lessons, long lateNow, long lateTimes, Counts counts, List<Commune> communes,
      List<ProgressPoint> rolloutProgress) {}

  /**
   * One commune's {@code commune-pilot}, pilot or rollout.
   *
   * @param role {@code province-pilot}, {@code district-pilot} or {@code rollout}
   * @param phase a {@link Phase} key
   * @param scores the appraised points per area (five entries, null where not appraised yet)
   * @param selfScores the commune's own points per area (five entries, null where not written yet)
   * @param appraiserLevel {@code province} or {@code district}, null before the appraisal
   * @param appraisalRounds how many appraisals were held (2 after a remediation)
   * @param reports the periodic reports, in order
   * @param evidence the commune's evidence files counted by step (a step's files over every round
   *     of it), in the order the steps were first given files; empty when it has none
   * @param evidenceFiles how many evidence files the commune has in all
   * @param evidenceUrl where its files are listed ({@code GET /api/process-instances/{id}/files}),
   *     for whoever may read the commune's instance
   * @param decision the recognition decision as the recognising level recorded it, null before
   */
  public record Commune(String code, String name, String districtCode, String role, String roleName,
      String instanceId, LocalDate startedOn, LocalDate endedOn, String phase, String phaseName,
      List<Step> openSteps, LocalDate launchDate, List<Double> scores, List<Double> selfScores,
      Double totalScore, Boolean passed, String ratingLevel, String appraiserLevel, String appraiserName,
      int appraisalRounds, LocalDate recognitionDate, List<Report> reports, String lessons, long lateNow,
      long lateTimes, int openIncidents, String cockpitUrl, List<EvidenceStep> evidence, int evidenceFiles,
      String evidenceUrl, Decision decision) {}

  /**
   * The evidence files of one step of a commune.
   *
   * @param step the step's key in {@code commune-pilot} ({@code DraftPlan}, {@code LaunchModel}, …)
   * @param stepName its Vietnamese name, as in Tasklist
   * @param files how many files its tasks have
   */
  public record EvidenceStep(String step, String stepName, int files) {}

  /**
   * The recognition decision issued for a commune, as the recognition form recorded it (README
   * "Văn bản dự thảo"): the body that issued it (null when the official left the appraising level's
   * name), its number and symbol, the day it was signed, the signer, their title and the summary line.
   */
  public record Decision(String issuer, String number, LocalDate signedOn, String signer, String signerTitle,
      String summary) {

    /** As a table cell reads it: "Số 12/QĐ-UBND ngày 05/07/2025, Phó Chủ tịch Nguyễn Văn An ký". */
    public String describe() {
      StringBuilder text = new StringBuilder("Số ").append(number);
      if (signedOn != null) {
        text.append(" ngày ").append(FormValues.display(signedOn));
      }
      if (signer != null) {
        text.append(", ").append(signerTitle == null ? "" : signerTitle + " ").append(signer).append(" ký");
      }
      return text.toString();
    }
  }

  /** An open task: its name, its due day, whether it is late, its link in Tasklist. */
  public record Step(String taskId, String name, LocalDate dueDate, boolean late, String tasklistUrl) {}

  /**
   * One periodic report: its number, the last day of its period, the share of satisfied citizens of
   * the paper survey the commune entered (0–100); apart, never added to it, the online survey's
   * answers counted for the period ({@code /survey/{code}}) and their share satisfied (null when the
   * report predates the online survey, or the share when it had no answers).
   */
  public record Report(int number, LocalDate periodEnd, double satisfactionPercent, Long citizenResponses,
      Double citizenSatisfactionPercent) {
    public Report(int number, LocalDate periodEnd, double satisfactionPercent) {
      this(number, periodEnd, satisfactionPercent, null, null);
    }
  }

  /**
   * The rollout at the end of one month: of the rollout communes started by then, how many had
   * launched the model and how many had been recognised.
   */
  public record ProgressPoint(String month, int started, int launched, int recognised) {}
}
