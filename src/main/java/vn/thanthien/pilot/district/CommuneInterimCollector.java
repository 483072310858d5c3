package vn.thanthien.pilot.district;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.DisplayText;
import vn.thanthien.pilot.reporting.Lateness;
import vn.thanthien.pilot.reporting.SummaryText;
import vn.thanthien.pilot.reporting.UnitInstances;

/**
 * The district's interim review (sơ kết): every pilot commune of the district, running or
 * finished, with the periodic reports it filed so far and each report's citizen satisfaction,
 * where it stands now, how late it has been, and its interim report as its officials typed it — or
 * "chưa gửi báo cáo sơ kết". Markdown for the form's text template, stored as a Json string
 * ({@link DisplayText#longText}): seven pilots' interim reports outgrow a String variable.
 */
@Component("communeInterimCollector")
public class CommuneInterimCollector implements JavaDelegate {

  static final String NOT_SENT = "chưa gửi báo cáo sơ kết";

  @Override
  public void execute(DelegateExecution execution) {
    List<UnitInstances.Instance> pilots = UnitInstances.calledBy(execution, execution.getProcessInstanceId(),
        "commune-pilot", "communeCode", "communeName", "tier", "interimResults", "interimShortcomings",
        "interimProposals").stream().filter(c -> SummaryText.isPilot(c.get("tier"))).toList();
    Map<String, List<UnitInstances.Report>> reports = UnitInstances.reports(execution, pilots);
    Map<String, Lateness.Unit> late = Lateness.perUnit(execution.getProcessEngineServices().getHistoryService(),
        UnitInstances.rootOf(execution));
    long sent = pilots.stream().filter(CommuneInterimCollector::sent).count();
    StringBuilder summary = new StringBuilder("**Sơ kết ngày ").append(execution.getVariable("interimReviewDate"))
        .append(": ").append(pilots.size()).append(" xã thí điểm, ").append(sent)
        .append(" xã đã gửi báo cáo sơ kết, ").append(pilots.size() - sent).append(" xã ").append(NOT_SENT)
        .append(".**\n\n");
    if (pilots.isEmpty()) {
      summary.append("Huyện chưa có xã thí điểm.\n");
    }
    for (UnitInstances.Instance pilot : pilots) {
      List<UnitInstances.Report> filed = reports.get(pilot.id());
      summary.append("#### ").append(pilot.get("communeName")).append(" (").append(pilot.get("communeCode"))
          .append(')').append(SummaryText.tierLabel(pilot.get("tier"))).append("\n\n")
          .append("- Tình hình: ").append(pilot.finished() ? "đã kết thúc" : pilot.currentStep()).append('\n')
          .append("- Đã gửi ").append(SummaryText.reports(filed));
      SummaryText.averageSatisfaction(filed).ifPresent(average ->
          summary.append("; tỷ lệ hài lòng bình quân ").append(SummaryText.percent(average)));
      summary.append('\n')
          .append("- Trễ hạn: ").append(Lateness.describe(late.get(pilot.businessKey()))).append('\n');
      if (sent(pilot)) {
        summary.append("- Kết quả đạt được: ").append(SummaryText.typed(pilot.get("interimResults"), "(không ghi)")).append('\n')
            .append("- Tồn tại, hạn chế: ").append(SummaryText.typed(pilot.get("interimShortcomings"), "(không ghi)")).append('\n')
            .append("- Đề xuất, kiến nghị: ").append(SummaryText.typed(pilot.get("interimProposals"), "(không ghi)")).append('\n');
      } else {
        summary.append("- Báo cáo sơ kết: **").append(NOT_SENT).append("**\n");
      }
      summary.append('\n');
    }
    execution.setVariable("districtInterimSummary", DisplayText.longText(summary.toString()));
  }

  private static boolean sent(UnitInstances.Instance pilot) {
    return pilot.get("interimResults") != null;
  }
}
