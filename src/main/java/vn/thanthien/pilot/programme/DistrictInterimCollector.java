package vn.thanthien.pilot.programme;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.DisplayText;
import vn.thanthien.pilot.reporting.Lateness;
import vn.thanthien.pilot.reporting.ProgrammeUnits;
import vn.thanthien.pilot.reporting.SummaryText;
import vn.thanthien.pilot.reporting.UnitInstances;

/**
 * The province's interim review (sơ kết toàn tỉnh): for every district taking part, its pilot
 * communes with their reports so far and citizen satisfaction, whether each sent its interim
 * report, how late the district and its communes have been, and the district's interim
 * conclusion as typed. Markdown for the form's text template, stored as a Json string
 * ({@link DisplayText#longText}) because eight districts' conclusions outgrow a String variable.
 */
@Component("districtInterimCollector")
public class DistrictInterimCollector implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    ProgrammeUnits programme = ProgrammeUnits.read(execution,
        List.of("districtCode", "districtName", "districtInterimConclusion"),
        List.of("communeCode", "communeName", "tier", "interimResults"));
    List<UnitInstances.Instance> districts = programme.districts();
    List<UnitInstances.Instance> pilots = programme.communes().stream()
        .filter(c -> SummaryText.isPilot(c.get("tier"))).toList();
    Map<String, List<UnitInstances.Report>> reports = UnitInstances.reports(execution, pilots);
    Map<String, Lateness.Unit> late = programme.lateness();

    List<UnitInstances.Report> all = pilots.stream().flatMap(p -> reports.get(p.id()).stream()).toList();
    long sent = pilots.stream().filter(p -> p.get("interimResults") != null).count();
    StringBuilder summary = new StringBuilder("**Sơ kết toàn tỉnh ngày ").append(execution.getVariable("interimReviewDate"))
        .append(": ").append(districts.size()).append(" huyện, thành phố; ").append(pilots.size())
        .append(" xã thí điểm, ").append(sent).append(" xã đã gửi báo cáo sơ kết; ").append(all.size())
        .append(" báo cáo định kỳ");
    SummaryText.averageSatisfaction(all).ifPresent(average ->
        summary.append(", tỷ lệ hài lòng bình quân ").append(SummaryText.percent(average)));
    summary.append(".**\n\n");
    for (UnitInstances.Instance district : districts) {
      List<UnitInstances.Instance> own = programme.communesOf(district).stream()
          .filter(c -> SummaryText.isPilot(c.get("tier"))).toList();
      List<UnitInstances.Report> filed = own.stream().flatMap(p -> reports.get(p.id()).stream()).toList();
      summary.append("#### ").append(district.get("districtName")).append(" (").append(district.get("districtCode"))
          .append(")\n\n- Xã thí điểm: ").append(own.size())
          .append(own.isEmpty() ? " (huyện chưa lựa chọn xong xã thí điểm)" : "")
          .append("; ").append(filed.isEmpty() ? "chưa có báo cáo định kỳ" : filed.size() + " báo cáo định kỳ");
      SummaryText.averageSatisfaction(filed).ifPresent(average ->
          summary.append(", tỷ lệ hài lòng bình quân ").append(SummaryText.percent(average)));
      summary.append('\n');
      for (UnitInstances.Instance pilot : own) {
        List<UnitInstances.Report> its = reports.get(pilot.id());
        summary.append("- ").append(pilot.get("communeName")).append(" (").append(pilot.get("communeCode")).append(')')
            .append(SummaryText.tierLabel(pilot.get("tier"))).append(": ").append(its.size()).append(" báo cáo");
        SummaryText.averageSatisfaction(its).ifPresent(average ->
            summary.append(", hài lòng bình quân ").append(SummaryText.percent(average)));
        summary.append(pilot.get("interimResults") != null ? ", đã gửi báo cáo sơ kết" : ", **chưa gửi báo cáo sơ kết**")
            .append(", ").append(Lateness.describe(late.get(pilot.businessKey()))).append('\n');
      }
      summary.append("- Trễ hạn: ").append(SummaryText.lateness(district, own, late)).append('\n')
          .append("- Kết luận sơ kết của huyện: ")
          .append(SummaryText.typed(district.get("districtInterimConclusion"), "(huyện chưa có kết luận sơ kết)"))
          .append("\n\n");
    }
    execution.setVariable("provinceInterimSummary", DisplayText.longText(summary.toString()));
  }
}
