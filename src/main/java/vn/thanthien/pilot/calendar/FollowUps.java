package vn.thanthien.pilot.calendar;

import java.time.ZoneId;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import vn.thanthien.pilot.engine.Unchecked;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.notifications.NotificationProperties;
import vn.thanthien.pilot.notifications.TaskMailJobHandler;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.reporting.Lateness;

/**
 * The follow-up of late work: one instance of {@code late-work-follow-up} (bpmn/late-work-follow-up.bpmn)
 * per late task, offered to the unit above the late one (a commune's to its district, a district's
 * to its province), started by the calendar when the task passes its due date and ended by the
 * message {@value #DONE_MESSAGE} when the task is done. Its business key is the late unit's code;
 * everything it shows is derived here from the task and the unit list. A province's own late work
 * has no level above: the province is mailed, nobody gets a follow-up.
 */
final class FollowUps {

  static final String DONE_MESSAGE = "late-work-done";

  private final UnitDirectory units;
  private final NotificationProperties links;
  private final ZoneId zone;

  FollowUps(UnitDirectory units, NotificationProperties links, ZoneId zone) {
    this.units = units;
    this.links = links;
    this.zone = zone;
  }

  /** Starts the follow-up of {@code task}; returns its instance id, or empty when nobody is above the late unit. */
  Optional<String> start(TaskEntity task, CommandContext commandContext) {
    Optional<AdministrativeUnit> late = task.getCandidates().stream().map(IdentityLink::getGroupId)
        .filter(Objects::nonNull).sorted().map(units::ofGroup).flatMap(Optional::stream).findFirst();
    Optional<AdministrativeUnit> above = late.map(AdministrativeUnit::parentCode)
        .flatMap(code -> units.district(code).or(() -> units.province(code)));
    if (above.isEmpty()) {
      return Optional.empty();
    }
    ExecutionEntity instance = task.getProcessInstance();
    Date due = task.getDueDate();
    VariableMap variables = Variables.createVariables()
        .putValue("lateTaskId", task.getId())
        .putValue("lateTaskName", task.getName())
        .putValue("lateUnitCode", late.get().code())
        .putValue("lateUnitName", late.get().committeeName())
        .putValue("lateDueDate", due)
        .putValue("lateDueText", FormValues.display(due.toInstant().atZone(zone).toLocalDate()))
        .putValue("lateConcerning", TaskMailJobHandler.concerning(task))
        .putValue("lateTaskLink", links.tasklistLink(task.getId()))
        .putValue(Lateness.ROOT_VARIABLE, instance == null ? task.getId() : instance.getRootProcessInstanceId())
        .putValue("followUpGroup", above.get().groupId())
        .putValue("followUpUnitName", above.get().committeeName());
    // started inside the engine, as a call activity starts a process: not a request an official sends
    ProcessDefinitionEntity definition = commandContext.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedLatestProcessDefinitionByKey(Lateness.FOLLOW_UP_PROCESS);
    ExecutionEntity followUp = (ExecutionEntity) definition.createProcessInstance(late.get().code());
    followUp.start(variables);
    return Optional.of(followUp.getId());
  }

  /** Ends the follow-up of {@code task}, if it has one that is still running. Needs a command context. */
  static void end(TaskEntity task) {
    CommandContext commandContext = Context.getCommandContext();
    RuntimeService runtime = commandContext.getProcessEngineConfiguration().getRuntimeService();
    Unchecked.read(() -> runtime.createMessageCorrelation(DONE_MESSAGE)
        .processInstanceVariableEquals("lateTaskId", task.getId())
        .correlateAllWithResult());
  }
}
