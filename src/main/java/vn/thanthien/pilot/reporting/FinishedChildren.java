package vn.thanthien.pilot.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * The results that the instances called by a process left behind, read from history (the engine
 * runs with history level full). Reading them after every call has ended avoids concurrent
 * updates of a shared list while parallel calls finish.
 */
public final class FinishedChildren {

  private FinishedChildren() {}

  /** Variables of every finished instance of {@code processKey} called by this process instance. */
  public static List<Map<String, Object>> of(DelegateExecution execution, String processKey,
      String... variableNames) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    List<HistoricProcessInstance> children = history.createHistoricProcessInstanceQuery()
        .superProcessInstanceId(execution.getProcessInstanceId())
        .processDefinitionKey(processKey)
        .finished()
        .orderByProcessInstanceStartTime().asc()
        .list();
    Map<String, Map<String, Object>> byInstance = new LinkedHashMap<>();
    children.forEach(child -> byInstance.put(child.getId(), new LinkedHashMap<>()));
    if (!children.isEmpty()) {
      List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
          .processInstanceIdIn(byInstance.keySet().toArray(String[]::new))
          .variableNameIn(variableNames)
          .list();
      for (HistoricVariableInstance variable : variables) {
        // Only process-level variables: local copies inside activities are ignored.
        if (variable.getProcessInstanceId().equals(variable.getActivityInstanceId())) {
          byInstance.get(variable.getProcessInstanceId()).put(variable.getName(), variable.getValue());
        }
      }
    }
    return new ArrayList<>(byInstance.values());
  }
}
