package vn.thanthien.pilot.calendar;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.reporting.Lateness;

/**
 * Engine plugin for the calendar's reminders and escalation (README "Lịch của đề án"), for every
 * user task with a due date, without any model having to ask:
 * <ul>
 *   <li>when the task is created: its follow-up date (Tasklist's "Ngày nhắc việc") is the day the
 *   decision table {@code task-deadline} says the unit is reminded, and two timers are stored with
 *   the task — the reminder and the escalation at the due date ({@link LateWorkJobHandler});</li>
 *   <li>when the task is completed or deleted: its pending timers go, and if it was late, the
 *   follow-up of the level above ends by itself.</li>
 * </ul>
 * The follow-up tasks themselves ({@code late-work-follow-up}) are not escalated again.
 */
@Component
public class LateWorkPlugin extends AbstractProcessEnginePlugin {

  private final LateWorkJobHandler handler;
  private final TaskListener created;
  private final TaskListener ended;

  public LateWorkPlugin(LateWorkJobHandler handler, TaskCalendar calendar) {
    this.handler = handler;
    this.created = delegateTask -> {
      TaskEntity task = (TaskEntity) delegateTask;
      Date due = task.getDueDate();
      if (due == null) {
        return;
      }
      Date reminder = calendar.reminderBefore(due, task.getTaskDefinitionKey());
      if (reminder.after(ClockUtil.getCurrentTime()) && reminder.before(due)) {
        task.setFollowUpDate(reminder);
        LateWorkTimers.schedule(task, new LateWorkTimer(LateWorkTimer.Kind.REMIND, task.getId(), reminder));
      }
      LateWorkTimers.schedule(task, new LateWorkTimer(LateWorkTimer.Kind.ESCALATE, task.getId(), due));
    };
    this.ended = delegateTask -> {
      TaskEntity task = (TaskEntity) delegateTask;
      if (task.getDueDate() == null) {
        return;
      }
      LateWorkTimers.cancel(task);
      // only a task done after its due date can have been followed up
      if (!task.getDueDate().after(ClockUtil.getCurrentTime())) {
        FollowUps.end(task);
      }
    };
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(handler);
    configuration.setCustomJobHandlers(handlers);

    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (Lateness.FOLLOW_UP_PROCESS.equals(((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey())) {
          return;
        }
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, created);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, ended);
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, ended);
      }
    });
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }
}
