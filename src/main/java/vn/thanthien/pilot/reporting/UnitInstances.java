package vn.thanthien.pilot.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.task.Task;

/**
 * Every district or commune of a programme, running or finished: its variables, whether it has
 * ended and, while it runs, the steps open in it. Read from history (level full) and the open
 * tasks with a constant number of queries whatever the number of units, so that a whole
 * province's 260 communes cost what one does.
 */
public final class UnitInstances {

  /** One unit's instance: its variables (process level only) and, while it runs, the names of its open tasks. */
  public record Instance(String id, String parentId, String businessKey, boolean finished,
      Map<String, Object> variables, List<String> openSteps) {

    public Object get(String name) {
      return variables.get(name);
    }

    /** "đang ở bước «Báo cáo định kỳ, khảo sát sự hài lòng»", or "đang thực hiện" between steps. */
    public String currentStep() {
      if (openSteps.isEmpty()) {
        return "đang thực hiện";
      }
      return "đang ở bước «" + String.join("», «", openSteps) + "»";
    }
  }

  /**
   * One periodic report: its number, the end of the period it covers, the share of satisfied
   * citizens of the paper survey the commune entered; apart, the online survey's answers of the
   * period and their share satisfied as the application counted them (null before the survey).
   */
  public record Report(int number, String periodEnd, double satisfactionRate, Long citizenResponses,
      Double citizenSatisfiedShare) {
    public Report(int number, String periodEnd, double satisfactionRate) {
      this(number, periodEnd, satisfactionRate, null, null);
    }
  }

  private UnitInstances() {}

  /** Every instance of {@code processKey} that the instance {@code callerId} called, running or finished. */
  public static List<Instance> calledBy(DelegateExecution execution, String callerId, String processKey,
      String... variableNames) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    return read(execution, history.createHistoricProcessInstanceQuery().superProcessInstanceId(callerId),
        processKey, variableNames);
  }

  /** Every instance of {@code processKey} anywhere under the programme whose root instance is {@code rootId}. */
  public static List<Instance> inProgramme(DelegateExecution execution, String rootId, String processKey,
      String... variableNames) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    return read(execution, history.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootId),
        processKey, variableNames);
  }

  /** The id of the programme (the root instance) that this execution belongs to. */
  public static String rootOf(DelegateExecution execution) {
    DelegateExecution instance = execution.getProcessInstance();
    while (instance.getSuperExecution() != null) {
      instance = instance.getSuperExecution().getProcessInstance();
    }
    return instance.getId();
  }

  /**
   * The periodic reports each of these instances filed, in order: every value that
   * {@code satisfactionRate} took, paired with the period ({@code reportPeriodEnd}) it was for.
   */
  public static Map<String, List<Report>> reports(DelegateExecution execution, List<Instance> instances) {
    return reports(execution.getProcessEngineServices().getHistoryService(),
        instances.stream().map(Instance::id).toList());
  }

  /** The same, for the instances of these ids, with two queries whatever their number. */
  public static Map<String, List<Report>> reports(HistoryService history, List<String> instanceIds) {
    Map<String, List<Report>> reports = new LinkedHashMap<>();
    instanceIds.forEach(id -> reports.put(id, new ArrayList<>()));
    if (instanceIds.isEmpty()) {
      return reports;
    }
    String[] ids = reports.keySet().toArray(String[]::new);
    Map<String, List<Object>> rates = updates(history, ids, "satisfactionRate");
    Map<String, List<Object>> periods = updates(history, ids, "reportPeriodEnd");
    rates.forEach((id, values) -> {
      List<Object> ends = periods.getOrDefault(id, List.of());
      for (int i = 0; i < values.size(); i++) {
        if (values.get(i) instanceof Number rate) {
          reports.get(id).add(new Report(i + 1, i < ends.size() ? String.valueOf(ends.get(i)) : "", rate.doubleValue()));
        }
      }
    });
    return reports;
  }

  private static Map<String, List<Object>> updates(HistoryService history, String[] ids, String name) {
    List<HistoricVariableUpdate> updates = new ArrayList<>();
    for (HistoricDetail detail : history.createHistoricDetailQuery().variableUpdates()
        .processInstanceIdIn(ids).variableNameLike(name).list()) {
      if (detail instanceof HistoricVariableUpdate update && name.equals(update.getVariableName())) {
        updates.add(update);
      }
    }
    updates.sort(Comparator.comparing((HistoricVariableUpdate u) -> u.getTime()).thenComparingInt(HistoricVariableUpdate::getRevision));
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (HistoricVariableUpdate update : updates) {
      values.computeIfAbsent(update.getProcessInstanceId(), id -> new ArrayList<>()).add(update.getValue());
    }
    return values;
  }

  private static List<Instance> read(DelegateExecution execution, HistoricProcessInstanceQuery query,
      String processKey, String... variableNames) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    List<HistoricProcessInstance> found = query.processDefinitionKey(processKey)
        .orderByProcessInstanceStartTime().asc().list();
    if (found.isEmpty()) {
      return List.of();
    }
    Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
    Map<String, List<String>> steps = new LinkedHashMap<>();
    found.forEach(instance -> {
      variables.put(instance.getId(), new LinkedHashMap<>());
      steps.put(instance.getId(), new ArrayList<>());
    });
    String[] ids = variables.keySet().toArray(String[]::new);
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(ids).variableNameIn(variableNames).list()) {
      // only process-level variables: local copies inside activities are ignored
      if (variable.getProcessInstanceId().equals(variable.getActivityInstanceId())) {
        variables.get(variable.getProcessInstanceId()).put(variable.getName(), variable.getValue());
      }
    }
    String[] running = found.stream().filter(instance -> instance.getEndTime() == null)
        .map(HistoricProcessInstance::getId).toArray(String[]::new);
    if (running.length > 0) {
      List<Task> open = execution.getProcessEngineServices().getTaskService().createTaskQuery()
          .processInstanceIdIn(running).orderByTaskCreateTime().asc().list();
      for (Task task : open) {
        steps.get(task.getProcessInstanceId()).add(task.getName());
      }
    }
    List<Instance> instances = new ArrayList<>();
    for (HistoricProcessInstance instance : found) {
      instances.add(new Instance(instance.getId(), instance.getSuperProcessInstanceId(), instance.getBusinessKey(),
          instance.getEndTime() != null, variables.get(instance.getId()), List.copyOf(steps.get(instance.getId()))));
    }
    return instances;
  }
}
