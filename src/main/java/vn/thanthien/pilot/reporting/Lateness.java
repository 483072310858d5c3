package vn.thanthien.pilot.reporting;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * How late each unit has been within one programme, read from the follow-ups the escalation
 * started: every time a unit's task passed its due date, one instance of
 * {@value #FOLLOW_UP_PROCESS} was started for the level above, with the late unit's code as
 * business key and the late task's root instance (the programme) in {@value #ROOT_VARIABLE}. A
 * follow-up that is still running means the unit's task is still open and late.
 */
public final class Lateness {

  public static final String FOLLOW_UP_PROCESS = "late-work-follow-up";
  /** Variable of a follow-up: the id of the root process instance of the late task (the programme). */
  public static final String ROOT_VARIABLE = "lateRootInstanceId";

  /** One unit's lateness: how many of its tasks became late, how many are late now, since when. */
  public record Unit(String unitCode, long times, long openNow, Date lateSince) {}

  private Lateness() {}

  /** Every unit that has been late in the programme whose root instance is {@code rootInstanceId}, by unit code. */
  public static Map<String, Unit> perUnit(HistoryService history, String rootInstanceId) {
    // the follow-ups' ids by their variable first (an index on the variable's name), then the
    // follow-ups themselves: one join of instances and variables was the slowest read of a summary
    String[] ids = history.createHistoricVariableInstanceQuery().variableValueEquals(ROOT_VARIABLE, rootInstanceId)
        .list().stream().map(HistoricVariableInstance::getProcessInstanceId).distinct().toArray(String[]::new);
    List<HistoricProcessInstance> followUps = ids.length == 0 ? List.of() : history.createHistoricProcessInstanceQuery()
        .processInstanceIds(new java.util.HashSet<>(List.of(ids))).processDefinitionKey(FOLLOW_UP_PROCESS)
        .orderByProcessInstanceStartTime().asc()
        .list();
    Map<String, Unit> units = new LinkedHashMap<>();
    for (HistoricProcessInstance followUp : followUps) {
      String code = followUp.getBusinessKey();
      Unit known = units.getOrDefault(code, new Unit(code, 0, 0, null));
      boolean open = followUp.getEndTime() == null;
      Date since = open && known.lateSince() == null ? followUp.getStartTime() : known.lateSince();
      units.put(code, new Unit(code, known.times() + 1, known.openNow() + (open ? 1 : 0), since));
    }
    return units;
  }

  /** "trễ hạn 2 lần, 1 việc đang quá hạn"; "không trễ hạn" for a unit that never was. */
  public static String describe(Unit unit) {
    if (unit == null || unit.times() == 0) {
      return "không trễ hạn";
    }
    return "trễ hạn " + unit.times() + " lần" + (unit.openNow() > 0 ? ", " + unit.openNow() + " việc đang quá hạn" : "");
  }
}
