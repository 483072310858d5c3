package vn.thanthien.pilot.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import vn.thanthien.pilot.contract.VariableContract;
import vn.thanthien.pilot.contract.VariableContracts;

/**
 * The variable contracts name every variable: after a run, each process-level variable any
 * instance ever held (history) is declared in the contract of its process.
 */
final class DeclaredVariables {

  private static final VariableContracts CONTRACTS = VariableContracts.fromClasspath();

  private DeclaredVariables() {}

  static void assertEveryVariableIsDeclared(ProcessEngine engine) {
    HistoryService history = engine.getHistoryService();
    Map<String, String> keyOfInstance = history.createHistoricProcessInstanceQuery().list().stream()
        .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getProcessDefinitionKey));
    assertThat(keyOfInstance).isNotEmpty();
    Set<String> undeclared = new TreeSet<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().list()) {
      if (!variable.getProcessInstanceId().equals(variable.getActivityInstanceId())) {
        continue; // local to an activity: input parameters, multi-instance counters
      }
      String process = keyOfInstance.get(variable.getProcessInstanceId());
      VariableContract contract = CONTRACTS.of(process).orElseThrow();
      if (!contract.allNames().contains(variable.getName())) {
        undeclared.add(process + "." + variable.getName());
      }
    }
    assertThat(undeclared).as("variables the contracts (contracts/*.yaml) do not declare").isEmpty();
  }
}
