package vn.thanthien.pilot.programme;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.DisplayText;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.reporting.Lateness;
import vn.thanthien.pilot.reporting.ProgrammeUnits;
import vn.thanthien.pilot.reporting.SummaryText;
import vn.thanthien.pilot.reporting.UnitInstances;

/**
 * The province's final review (tổng kết) at the end of the period, whatever state the districts
 * are in: every district and every commune of the programme, running or finished. A finished
 * commune shows whether it was recognised (points and level) or not; one that has not finished
 * shows "chưa kết thúc" and the step it is at, and is counted apart — never dropped. Each unit's
 * lateness comes from {@link Lateness}. Markdown for the form's text template, stored as a Json
 * string ({@link DisplayText#longText}) because a province's communes and lessons outgrow a String.
 *
 * <p>Writes {@code communesTotal} (every commune started), {@code communesRecognised},
 * {@code communesNotRecognised}, {@code communesUnfinished} and {@code districtsUnfinished}.
 */
@Component("districtResultsCollector")
public class DistrictResultsCollector implements JavaDelegate {

  /** What the final review shows of a district, and of a commune. */
  private static final List<String> DISTRICT = List.of("districtCode", "districtName", "districtLessons");
  private static final List<String> COMMUNE = List.of("communeCode", "communeName", "tier", "totalScore", "passed",
      "ratingLevel");

  @Override
  public void execute(DelegateExecution execution) {
    ProgrammeUnits programme = ProgrammeUnits.read(execution, DISTRICT, COMMUNE);
    Counts province = new Counts(programme.communes());
    List<UnitInstances.Instance> districts = programme.districts();
    Map<String, Lateness.Unit> late = programme.lateness();
    long districtsUnfinished = districts.stream().filter(d -> !d.finished()).count();
    StringBuilder summary = new StringBuilder("**Tổng kết ").append(districts.size()).append(" huyện, thành phố (")
        .append(districts.size() - districtsUnfinished).append(" đã kết thúc, ").append(districtsUnfinished)
        .append(" chưa kết thúc). Toàn tỉnh: ").append(province.text()).append("**\n\n");
    for (UnitInstances.Instance district : districts) {
      List<UnitInstances.Instance> own = programme.communesOf(district);
      List<UnitInstances.Instance> pilots = own.stream().filter(c -> SummaryText.isPilot(c.get("tier"))).toList();
      List<UnitInstances.Instance> rollout = own.stream().filter(c -> !SummaryText.isPilot(c.get("tier"))).toList();
      summary.append("#### ").append(district.get("districtName")).append(" (").append(district.get("districtCode"))
          .append("): ").append(state(district)).append("\n\n")
          .append("- Thí điểm: ").append(new Counts(pilots).text()).append('\n')
          .append("- Nhân rộng: ").append(new Counts(rollout).text()).append('\n')
          .append("- Trễ hạn: ").append(SummaryText.lateness(district, own, late)).append('\n')
          .append("- Bài học: ").append(lessons(district.get("districtLessons"))).append('\n');
      for (UnitInstances.Instance commune : own) {
        summary.append("- ").append(commune.get("communeName")).append(" (").append(commune.get("communeCode"))
            .append(')').append(SummaryText.tierLabel(commune.get("tier"))).append(": ").append(result(commune))
            .append("; ").append(Lateness.describe(late.get(commune.businessKey()))).append('\n');
      }
      summary.append('\n');
    }
    execution.setVariable("districtResultsSummary", DisplayText.longText(summary.toString()));
    execution.setVariable("communesTotal", province.total);
    execution.setVariable("communesRecognised", province.recognised);
    execution.setVariable("communesNotRecognised", province.notRecognised);
    execution.setVariable("communesUnfinished", province.unfinished);
    execution.setVariable("districtsUnfinished", districtsUnfinished);
  }

  /** "đã kết thúc", or "chưa kết thúc — đang ở bước «…»". */
  static String state(UnitInstances.Instance unit) {
    return unit.finished() ? "đã kết thúc" : "chưa kết thúc — " + unit.currentStep();
  }

  /** A commune's result: recognised with its points and level, not recognised, or not finished and where it is. */
  static String result(UnitInstances.Instance commune) {
    if (!commune.finished()) {
      return "**" + state(commune) + "**";
    }
    String points = commune.get("totalScore") instanceof Number n ? FormValues.display(n.doubleValue()) + " điểm" : "chưa chấm điểm";
    return (Boolean.TRUE.equals(commune.get("passed")) ? "được công nhận, " : "không được công nhận, ") + points
        + (commune.get("ratingLevel") == null ? "" : ", " + commune.get("ratingLevel"));
  }

  /** The district's own words, shown as typed inside the list item (never as Markdown or HTML). */
  static String lessons(Object text) {
    return SummaryText.typed(text, "(chưa có)");
  }

  /** Communes recognised, not recognised and not finished, counted apart. */
  private static final class Counts {
    final long total;
    final long recognised;
    final long notRecognised;
    final long unfinished;

    Counts(List<UnitInstances.Instance> communes) {
      total = communes.size();
      recognised = communes.stream().filter(c -> c.finished() && Boolean.TRUE.equals(c.get("passed"))).count();
      unfinished = communes.stream().filter(c -> !c.finished()).count();
      notRecognised = total - recognised - unfinished;
    }

    String text() {
      if (total == 0) {
        return "chưa có xã";
      }
      return recognised + "/" + total + " xã được công nhận, " + notRecognised + " xã không được công nhận, "
          + unfinished + " xã chưa kết thúc.";
    }
  }
}
