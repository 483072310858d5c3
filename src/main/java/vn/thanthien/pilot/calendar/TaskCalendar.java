package vn.thanthien.pilot.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.entity.repository.DecisionDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.organisation.TimeZoneProperties;

/**
 * The programme's calendar for tasks: how many days a unit has for each kind of task and how long
 * before the due date it is reminded, from the decision table {@value #DECISION} (bpmn/task-deadline.dmn,
 * which a province edits in Camunda Modeler). Models name their due dates through it:
 * {@code camunda:dueDate="${taskCalendar.due(execution)}"} counts from the day the task is offered;
 * {@code ${taskCalendar.dueAfter(execution, reportDueAt)}} from a day of the programme (the end of
 * a report's period), never earlier than the day the task is offered. A task is due at
 * {@value #DUE_HOUR}:00 of its last day in the programme's time zone ({@code pilot.time-zone}).
 *
 * <p>The table is read from the latest deployed version and evaluated by a DMN engine of its own,
 * so looking a deadline up writes no decision history for every task.
 */
@Component("taskCalendar")
public class TaskCalendar {

  public static final String DECISION = "task-deadline";
  static final int DUE_HOUR = 17;
  static final LocalTime REMINDER_TIME = LocalTime.of(7, 30);

  /** What the table says for one kind of task. */
  public record Deadline(int days, int remindDaysBefore) {}

  private final ZoneId zone;
  private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  public TaskCalendar(TimeZoneProperties time) {
    this.zone = time.timeZone();
  }

  /** The due date of the user task the execution is entering, counted from today. */
  public Date due(DelegateExecution execution) {
    return dueAfter(execution, null);
  }

  /** The due date of the user task the execution is entering, counted from {@code anchor} (a date) or today if later. */
  public Date dueAfter(DelegateExecution execution, Object anchor) {
    LocalDate today = today();
    LocalDate from = FormValues.date(anchor, zone).filter(day -> day.isAfter(today)).orElse(today);
    return at(from.plusDays(deadline(execution.getCurrentActivityId()).days()), LocalTime.of(DUE_HOUR, 0));
  }

  /** The day {@code anchor} plus the days the table gives {@code taskKey}, at 07:30: when a review that waits for that task begins. */
  public Date after(Object anchor, String taskKey) {
    LocalDate from = FormValues.date(anchor, zone)
        .orElseThrow(() -> new ProcessEngineException("Not a date: " + anchor));
    return at(from.plusDays(deadline(taskKey).days()), REMINDER_TIME);
  }

  /** When the unit is reminded of a task due at {@code due}: that many days before, at 07:30. */
  public Date reminderBefore(Date due, String taskKey) {
    LocalDate day = due.toInstant().atZone(zone).toLocalDate().minusDays(deadline(taskKey).remindDaysBefore());
    return at(day, REMINDER_TIME);
  }

  /** The row of the table for this task key (its first matching rule). Needs a command context. */
  public Deadline deadline(String taskKey) {
    DecisionDefinitionEntity decision = (DecisionDefinitionEntity) Context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedLatestDecisionDefinitionByKey(DECISION);
    DmnDecisionTableResult result = dmn.evaluateDecisionTable(decision,
        Variables.createVariables().putValue("taskKey", taskKey));
    DmnDecisionRuleResult row = result.getFirstResult();
    if (row == null || !(row.get("days") instanceof Number days) || days.intValue() < 1) {
      throw new ProcessEngineException("The decision table " + DECISION + " gives no number of days (at least 1) for "
          + taskKey);
    }
    int remind = row.get("remindDaysBefore") instanceof Number n ? Math.max(0, n.intValue()) : 0;
    return new Deadline(days.intValue(), remind);
  }

  private LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
  }

  private Date at(LocalDate day, LocalTime time) {
    return Date.from(ZonedDateTime.of(day, time, zone).toInstant());
  }
}
