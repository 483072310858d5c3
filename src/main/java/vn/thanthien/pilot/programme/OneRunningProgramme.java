package vn.thanthien.pilot.programme;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.TimeZoneProperties;

/**
 * At most one running {@code pilot-programme} per province: a second start while one runs is
 * refused with a Vietnamese message naming the running one, unless an administrator starts it
 * deliberately (see {@link RunningInstances#startedByAdministratorOrApplication}). Only refuses;
 * changes nothing. Execution listener on the start event, after {@code programmeContext} (which
 * sets {@code provinceCode}).
 */
@Component("oneRunningProgramme")
public class OneRunningProgramme implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(OneRunningProgramme.class);

  private final TimeZoneProperties time;

  public OneRunningProgramme(TimeZoneProperties time) {
    this.time = time;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object province = execution.getVariable("provinceCode");
    if (province == null || execution.isCanceled()) {
      return;
    }
    RunningInstances.lockStarts();
    List<ProcessInstance> running = RunningInstances.others(execution,
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey("pilot-programme")
            .variableValueEquals("provinceCode", province.toString()));
    if (running.isEmpty()) {
      return;
    }
    if (RunningInstances.startedByAdministratorOrApplication(execution)) {
      LOG.info("Another pilot-programme of province {} started while {} runs (administrator or application)",
          province, running.get(0).getId());
      return;
    }
    ProcessInstance other = running.get(0);
    Object number = RunningInstances.variable(execution, other.getId(), "decisionNumber");
    String decided = RunningInstances.day(RunningInstances.variable(execution, other.getId(), "decisionDate"), time.timeZone())
        .map(day -> " ngày " + day).orElse("");
    Object name = execution.getVariable("provinceName");
    throw ValidationProblems.reject((name == null ? "Tỉnh mã «" + province + "»" : name.toString())
        + " đang thực hiện đề án số " + (number == null ? "(chưa có số)" : number) + decided
        + " (bắt đầu trên hệ thống ngày " + RunningInstances.startDay(execution, other.getId(), time.timeZone()) + ")."
        + " Mỗi tỉnh chỉ thực hiện một đề án tại một thời điểm: hãy tiếp tục đề án đang thực hiện;"
        + " nếu thật sự cần thêm một đề án, đề nghị quản trị hệ thống khởi động");
  }
}
