package vn.thanthien.pilot.summary;

import java.util.List;

/**
 * Where a commune stands in its {@code commune-pilot}, as a provincial leader asks it: has it
 * launched, is it reporting, has it been appraised, was it recognised. A running commune is in the
 * phase of its open step; a commune whose rating is known is recognised or not passed, running
 * (drawing its lessons) or finished.
 */
public enum Phase {
  PLANNING("planning", "Lập kế hoạch, chuẩn bị ra mắt", List.of("DraftPlan", "ReviewPlan", "LaunchModel")),
  LAUNCHED("launched", "Đã ra mắt, chờ kỳ báo cáo", List.of("ScheduleReport", "ReportDue")),
  REPORTING("reporting", "Đang báo cáo định kỳ", List.of("PeriodicReport")),
  SELF_ASSESSMENT("self-assessment", "Tự đánh giá, chấm điểm", List.of("SelfAssessment")),
  APPRAISAL("appraisal", "Thẩm định, khắc phục", List.of("DetermineAppraiser", "Appraisal", "RatePilot",
      "Remediate", "IssueRecognition")),
  RECOGNISED("recognised", "Đã được công nhận", List.of()),
  NOT_PASSED("not-passed", "Không đạt", List.of()),
  ENDED("ended", "Đã dừng, không xếp loại", List.of());

  private final String key;
  private final String vietnamese;
  private final List<String> activities;

  Phase(String key, String vietnamese, List<String> activities) {
    this.key = key;
    this.vietnamese = vietnamese;
    this.activities = activities;
  }

  public String key() {
    return key;
  }

  public String vietnamese() {
    return vietnamese;
  }

  /** The activities of {@code commune-pilot} a running commune waits in while in this phase. */
  public List<String> activities() {
    return activities;
  }

  /** The phase of a running commune waiting in {@code activityId}, or null for an activity outside every phase. */
  public static Phase ofActivity(String activityId) {
    for (Phase phase : values()) {
      if (phase.activities.contains(activityId)) {
        return phase;
      }
    }
    return null;
  }
}
