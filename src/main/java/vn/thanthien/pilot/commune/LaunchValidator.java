package vn.thanthien.pilot.commune;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.SubmissionCheck;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.TimeZoneProperties;

/** The launch: no more signatures than staff, and a launch before the implementation period ends. */
@Component("launchValidator")
public class LaunchValidator extends SubmissionCheck {

  private final TimeZoneProperties time;

  public LaunchValidator(TimeZoneProperties time) {
    this.time = time;
  }

  @Override
  protected void check(DelegateExecution execution) {
    ValidationProblems problems = new ValidationProblems();
    double total = FormValues.number(execution.getVariable("staffTotal")).orElse(0d);
    double signed = FormValues.number(execution.getVariable("staffSigned")).orElse(0d);
    if (signed > total) {
      problems.add("Số người đã ký cam kết (" + FormValues.display(signed)
          + ") không được lớn hơn tổng số cán bộ, công chức, người lao động (" + FormValues.display(total) + ")");
    }
    LocalDate launch = FormValues.date(execution.getVariable("launchDate"), time.timeZone()).orElse(null);
    LocalDate end = FormValues.date(execution.getVariable("periodEnd"), time.timeZone()).orElse(null);
    if (launch != null && end != null && !launch.isBefore(end)) {
      problems.add("Ngày ra mắt (" + FormValues.display(launch)
          + ") phải trước ngày kết thúc thời gian thực hiện (" + FormValues.display(end) + ")");
    }
    problems.throwIfAny();
  }
}
