package vn.thanthien.pilot.district;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.TimeZoneProperties;
import vn.thanthien.pilot.programme.RunningInstances;

/**
 * At most one running {@code district-pilot} per district per programme. A district-pilot that
 * a programme starts (it has a super instance) is refused when the same programme already runs
 * one for the district, whoever completes the task: a programme never needs two. One started by
 * hand (no programme) is refused when any district-pilot of the district is running, unless an
 * administrator starts it deliberately (see
 * {@link RunningInstances#startedByAdministratorOrApplication}). Only refuses; changes nothing.
 * Execution listener on the start event, after {@code districtContext}.
 */
@Component("oneDistrictPilotPerProgramme")
public class OneDistrictPilotPerProgramme implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(OneDistrictPilotPerProgramme.class);

  private final TimeZoneProperties time;

  public OneDistrictPilotPerProgramme(TimeZoneProperties time) {
    this.time = time;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object code = execution.getVariable("districtCode");
    if (code == null) {
      code = execution.getProcessBusinessKey();
    }
    if (code == null || execution.isCanceled()) {
      return;
    }
    RunningInstances.lockStarts();
    String programme = programmeOf(execution);
    List<ProcessInstance> running = RunningInstances.others(execution,
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .processDefinitionKey("district-pilot")
            .variableValueEquals("districtCode", code.toString()));
    List<ProcessInstance> conflicting = programme == null ? running : running.stream()
        .filter(other -> programme.equals(superOf(execution, other)))
        .toList();
    if (conflicting.isEmpty()) {
      return;
    }
    if (programme == null && RunningInstances.startedByAdministratorOrApplication(execution)) {
      LOG.info("Another district-pilot of district {} started while {} runs (administrator or application)",
          code, conflicting.get(0).getId());
      return;
    }
    ProcessInstance other = conflicting.get(0);
    Object number = RunningInstances.variable(execution, other.getId(), "decisionNumber");
    Object name = execution.getVariable("districtName");
    throw ValidationProblems.reject((name == null ? "Huyện mã «" + code + "»" : name.toString())
        + " đã có quy trình thí điểm đang thực hiện"
        + (number == null ? "" : " thuộc đề án số " + number)
        + " (bắt đầu ngày " + RunningInstances.startDay(execution, other.getId(), time.timeZone()) + ")."
        + " Mỗi huyện chỉ có một quy trình thí điểm trong một đề án: hãy tiếp tục quy trình đang thực hiện;"
        + " nếu thật sự cần thêm, đề nghị quản trị hệ thống khởi động");
  }

  /** The process instance of the programme that called this district-pilot, or null. */
  private static String programmeOf(DelegateExecution execution) {
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    return caller == null ? null : caller.getProcessInstanceId();
  }

  private static String superOf(DelegateExecution execution, ProcessInstance other) {
    ProcessInstance found = RunningInstances.others(execution,
        execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
            .subProcessInstanceId(other.getId())).stream().findFirst().orElse(null);
    return found == null ? null : Objects.toString(found.getId(), null);
  }
}
