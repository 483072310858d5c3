package vn.thanthien.pilot.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The engine's floor on the same database and settings: start, one user task, one decision (the
 * programme's own {@code pilot-rating}), end. Deployed by the benchmark only, never by the
 * application.
 */
final class Floor {

  static final String KEY = "benchmark-floor";

  private final RuntimeService runtime;
  private final TaskService tasks;

  Floor(ProcessEngine engine) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("Mốc so sánh của bộ đo")
        .camundaHistoryTimeToLive(3650)
        .startEvent("Start")
        .userTask("Work").name("Một việc").camundaCandidateGroups("managers")
        .businessRuleTask("Rate").name("Xếp loại").camundaDecisionRef("pilot-rating")
        .camundaResultVariable("rating").camundaMapDecisionResult("singleResult")
        .endEvent("End")
        .done();
    engine.getRepositoryService().createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model)
        .enableDuplicateFiltering(true).deploy();
  }

  /** Runs {@code count} instances one after the other; returns instances per second. */
  double run(int count) {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, Variables.createVariables()
          .putValue("score1", 19.0).putValue("score2", 19.0).putValue("score3", 19.0)
          .putValue("score4", 19.0).putValue("score5", 19.0));
      String task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
      tasks.complete(task);
    }
    return count / ((System.nanoTime() - start) / 1e9);
  }

  static Map<String, Object> summary(int count, double before, double after) {
    Map<String, Object> floor = new LinkedHashMap<>();
    floor.put("instancesPerRound", count);
    floor.put("instancesPerSecondBefore", Benchmark.round(before));
    floor.put("instancesPerSecondAfter", Benchmark.round(after));
    return floor;
  }
}
