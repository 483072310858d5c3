package vn.thanthien.pilot.survey;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.DisplayText;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.survey.SurveyFigures.PeriodFigures;

/**
 * What the commune's forms show of its citizens' survey. At the start of the launch and of each
 * periodic report: the link to its QR poster ({@code surveyPosterLink}) and its page's address
 * ({@code surveyPageAddress}); for a report, the period's figures as the application counted them
 * ({@code citizenSurveyText}, read-only: the commune cannot change them). At the end of a report
 * ({@link #recordReport}): the period's figures then, beside the paper survey's, in the report's
 * entry of {@code reportHistory} ({@code citizenResponses}, {@code citizenPerLevel},
 * {@code citizenSatisfiedShare}) and in {@code citizenSatisfactionRate}; never mixed with the paper
 * figures.
 */
@Component("surveyTaskTexts")
public class SurveyTaskTexts implements ExecutionListener {

  static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final SurveyFigures figures;
  private final SurveyQuestions questions;
  private final SurveyProperties settings;

  public SurveyTaskTexts(SurveyFigures figures, SurveyQuestions questions, SurveyProperties settings) {
    this.figures = figures;
    this.questions = questions;
    this.settings = settings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (ExecutionListener.EVENTNAME_END.equals(execution.getEventName())) {
      recordReport(execution);
      return;
    }
    String code = code(execution);
    execution.setVariable("surveyPosterLink", "/api/communes/" + code + "/survey/poster.pdf");
    execution.setVariable("surveyPageAddress", settings.publicBaseUrl() + "/survey/" + code);
    PeriodFigures report = report(execution);
    if (report != null) {
      execution.setVariable("citizenSurveyText", DisplayText.escapeMarkdown(text(report)));
    }
    execution.setVariable("surveyReportsText", reportsText(execution.getVariable("reportHistory")));
  }

  /**
   * Every report's satisfaction, the online survey's beside the paper survey's, never added up:
   * "- Kỳ 1 (đến 08/06/2027): trực tuyến 3 phiếu, 66,7 % hài lòng; phiếu giấy 90 % hài lòng".
   */
  public static String reportsText(Object history) {
    if (!(history instanceof SpinJsonNode reports) || !reports.isArray() || reports.elements().isEmpty()) {
      return "Chưa có báo cáo định kỳ.";
    }
    StringBuilder text = new StringBuilder();
    for (SpinJsonNode report : reports.elements()) {
      text.append(text.isEmpty() ? "" : "\n").append("- Kỳ ")
          .append(report.hasProp("number") ? report.prop("number").numberValue().intValue() : "?");
      if (report.hasProp("periodEnd")) {
        text.append(" (đến ").append(DisplayText.escapeMarkdown(report.prop("periodEnd").stringValue())).append(')');
      }
      text.append(": trực tuyến ");
      if (!report.hasProp("citizenResponses")) {
        text.append("chưa có số liệu");
      } else {
        text.append(report.prop("citizenResponses").numberValue().longValue()).append(" phiếu");
        if (report.hasProp("citizenSatisfiedShare")) {
          text.append(", ").append(FormValues.display(report.prop("citizenSatisfiedShare").numberValue().doubleValue()))
              .append(" % hài lòng");
        }
      }
      if (report.hasProp("satisfactionRate")) {
        text.append("; phiếu giấy ").append(FormValues.display(report.prop("satisfactionRate").numberValue().doubleValue()))
            .append(" % hài lòng");
      }
    }
    return text.toString();
  }

  /** At the end of a periodic report (after {@code reportRecorder}): the citizens' figures of its period. */
  void recordReport(DelegateExecution execution) {
    PeriodFigures report = report(execution);
    if (report == null) {
      return;
    }
    execution.setVariable("citizenSatisfactionRate", report.satisfiedShare());
    Object history = execution.getVariable("reportHistory");
    if (history instanceof SpinJsonNode reports && reports.isArray() && !reports.elements().isEmpty()) {
      SpinJsonNode last = reports.elements().get(reports.elements().size() - 1);
      last.prop("citizenResponses", report.responses());
      SpinJsonNode perLevel = Spin.JSON("{}");
      report.perLevel().forEach(perLevel::prop);
      last.prop("citizenPerLevel", perLevel);
      if (report.satisfiedShare() != null) {
        last.prop("citizenSatisfiedShare", report.satisfiedShare());
      }
      execution.setVariable("reportHistory", SpinValues.jsonValue(reports.toString()).create());
    }
  }

  private static String code(DelegateExecution execution) {
    Object successor = execution.getVariable("successorCode");
    return String.valueOf(successor != null ? successor : execution.getVariable("communeCode"));
  }

  /** The figures of the period being reported, or null outside a report. */
  private PeriodFigures report(DelegateExecution execution) {
    Object start = execution.getVariable("reportPeriodStart");
    if (start == null) {
      return null;
    }
    try {
      LocalDate from = LocalDate.parse(start.toString(), DISPLAY);
      boolean first = FormValues.number(execution.getVariable("reportNumber")).orElse(1d) <= 1;
      return figures.forReport(execution.getProcessInstanceId(), from, first);
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  /** "42 phiếu: Rất hài lòng 30, Hài lòng 8, …; tỷ lệ hài lòng 90,5 %." */
  String text(PeriodFigures report) {
    if (report.responses() == 0) {
      return "Chưa có phiếu nào của người dân trong kỳ này.";
    }
    String levels = questions.scale().stream()
        .map(level -> level.label() + " " + report.perLevel().getOrDefault(String.valueOf(level.value()), 0L))
        .collect(Collectors.joining(", "));
    String text = report.responses() + " phiếu: " + levels + "; tỷ lệ hài lòng "
        + FormValues.display(report.satisfiedShare()) + " %.";
    if (report.flagged() > 0) {
      text += " Trong đó " + report.flagged() + " phiếu được đánh dấu để cấp trên xem xét (gửi dồn dập từ một nơi hoặc nhanh bất thường).";
    }
    return text;
  }
}
