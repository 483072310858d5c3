package vn.thanthien.pilot.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import vn.thanthien.pilot.forms.DisplayText;
import vn.thanthien.pilot.forms.FormValues;

/** Phrases that the summaries for officials share: tiers, reports, satisfaction, officials' own words. */
public final class SummaryText {

  private SummaryText() {}

  /** ", thí điểm của tỉnh", ", thí điểm của huyện", or nothing for a rollout commune. */
  public static String tierLabel(Object tier) {
    return switch (String.valueOf(tier)) {
      case "province" -> ", thí điểm của tỉnh";
      case "district" -> ", thí điểm của huyện";
      default -> "";
    };
  }

  /** Whether the commune is a pilot (of the province or of the district), not a rollout commune. */
  public static boolean isPilot(Object tier) {
    return "province".equals(tier) || "district".equals(tier);
  }

  /** "85,5%". */
  public static String percent(double rate) {
    return FormValues.display(Math.round(rate * 10) / 10.0) + "%";
  }

  /** The mean satisfaction of these reports, if there is any. */
  public static OptionalDouble averageSatisfaction(List<UnitInstances.Report> reports) {
    return reports.stream().mapToDouble(UnitInstances.Report::satisfactionRate).average();
  }

  /** "2 báo cáo định kỳ (kỳ đến 01/03/2024: 85,5% hài lòng; …)" or "chưa có báo cáo định kỳ". */
  public static String reports(List<UnitInstances.Report> reports) {
    if (reports.isEmpty()) {
      return "chưa có báo cáo định kỳ";
    }
    StringBuilder text = new StringBuilder().append(reports.size()).append(" báo cáo định kỳ (");
    for (int i = 0; i < reports.size(); i++) {
      UnitInstances.Report report = reports.get(i);
      text.append(i == 0 ? "" : "; ").append("kỳ ").append(report.number())
          .append(report.periodEnd().isEmpty() ? "" : " đến " + report.periodEnd()).append(": ")
          .append(report.citizenResponses() == null ? "" : "phiếu giấy ")
          .append(percent(report.satisfactionRate())).append(" hài lòng");
      if (report.citizenResponses() != null) {
        text.append(", trực tuyến ").append(report.citizenResponses()).append(" phiếu")
            .append(report.citizenSatisfiedShare() == null ? "" : ", " + percent(report.citizenSatisfiedShare()) + " hài lòng");
      }
    }
    return text.append(')').toString();
  }

  /** An official's own words, shown as typed inside a list item (never as Markdown or HTML). */
  public static String typed(Object text, String missing) {
    String escaped = DisplayText.escapeMarkdown(text, "  ");
    return escaped.isEmpty() ? missing : "\n  " + escaped;
  }

  /** "huyện không trễ hạn; Xã Chí Hòa trễ hạn 2 lần": the district's lateness and that of each of its late communes. */
  public static String lateness(UnitInstances.Instance district, List<UnitInstances.Instance> communes,
      Map<String, Lateness.Unit> late) {
    List<String> parts = new ArrayList<>();
    parts.add("huyện " + Lateness.describe(late.get(district.businessKey())));
    for (UnitInstances.Instance commune : communes) {
      Lateness.Unit unit = late.get(commune.businessKey());
      if (unit != null && unit.times() > 0) {
        parts.add(commune.get("communeName") + " " + Lateness.describe(unit));
      }
    }
    return String.join("; ", parts);
  }
}
