package vn.thanthien.pilot.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.process.CommuneInputs;
import vn.thanthien.pilot.process.CommuneWalker;
import vn.thanthien.pilot.process.ProgrammeWalker;
import vn.thanthien.pilot.process.PilotBeans;

/**
 * What the removal-time strategy costs: N {@code commune-pilot} instances (each a root, walked
 * from plan to lessons: 10 user tasks, 2 timers, 2 decisions) on a plain engine with history
 * full, for the strategies "none" (no removal time: the floor), "start" and "end". Prints
 * instances per second; asserts nothing about time. Not part of the build:
 *
 * <pre>./mvnw -B -q test -Dtest=RemovalTimeStrategyBenchmark -Dpilot.benchmark=true [-Dpilot.benchmark.instances=200]</pre>
 */
@EnabledIfSystemProperty(named = "pilot.benchmark", matches = "true")
@ExtendWith(PilotBeans.class)
class RemovalTimeStrategyBenchmark {

  static final List<String> STRATEGIES = List.of("none", "start", "end");
  static final int ROUNDS = 3;

  @Test
  void communePilotsPerSecondByRemovalTimeStrategy() {
    int instances = Integer.getInteger("pilot.benchmark.instances", 100);
    List<String> communes = PilotBeans.UNITS.communesOf("339").stream().map(AdministrativeUnit::code).toList();
    Map<String, ProcessEngine> engines = new LinkedHashMap<>();
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    try {
      for (String strategy : STRATEGIES) {
        ProcessEngine engine = HistoryEngines.start("history-benchmark-" + strategy, strategy);
        engines.put(strategy, engine);
        rates.put(strategy, new ArrayList<>());
        run(engine, communes, 50); // warm-up
      }
      // Rounds take turns between the strategies, so a busy moment of the machine hits all of them.
      for (int round = 0; round < ROUNDS; round++) {
        for (String strategy : STRATEGIES) {
          long start = System.nanoTime();
          run(engines.get(strategy), communes, instances);
          double seconds = (System.nanoTime() - start) / 1e9;
          rates.get(strategy).add(instances / seconds);
        }
      }
    } finally {
      engines.values().forEach(ProcessEngine::close);
    }
    System.out.printf("%nremoval-time strategy: commune-pilot instances per second (%d per round, %d rounds)%n",
        instances, ROUNDS);
    rates.forEach((strategy, perRound) -> System.out.printf("  %-5s median %6.1f   rounds %s%n", strategy,
        perRound.stream().sorted().toList().get(ROUNDS / 2),
        perRound.stream().map(rate -> String.format("%.1f", rate)).toList()));
  }

  /**
   * A whole district as the root (Hưng Hà: 7 pilots, then the other 28 communes in rollout) per
   * strategy and round: the whole run, and the last step alone, the final report that ends the
   * root (with "end", the transaction that dates every record of the hierarchy).
   */
  @Test
  void wholeDistrictByRemovalTimeStrategy() {
    Map<String, ProcessEngine> engines = new LinkedHashMap<>();
    Map<String, List<long[]>> millis = new LinkedHashMap<>();
    try {
      for (String strategy : STRATEGIES) {
        ProcessEngine engine = HistoryEngines.start("history-district-" + strategy, strategy);
        engines.put(strategy, engine);
        millis.put(strategy, new ArrayList<>());
        runDistrict(engine); // warm-up
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (String strategy : STRATEGIES) {
          millis.get(strategy).add(runDistrict(engines.get(strategy)));
        }
      }
    } finally {
      engines.values().forEach(ProcessEngine::close);
    }
    System.out.printf("%nremoval-time strategy: one district-pilot root with 35 communes (%d rounds)%n", ROUNDS);
    millis.forEach((strategy, perRound) -> System.out.printf(
        "  %-5s whole district median %5d ms, final step (root ends) median %4d ms   rounds %s%n", strategy,
        perRound.stream().map(r -> r[0]).sorted().toList().get(ROUNDS / 2),
        perRound.stream().map(r -> r[1]).sorted().toList().get(ROUNDS / 2),
        perRound.stream().map(r -> r[0] + "/" + r[1]).toList()));
  }

  /** Milliseconds of the whole district and of its final step. */
  private static long[] runDistrict(ProcessEngine engine) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    CommuneWalker walker = new CommuneWalker(engine);
    long start = System.nanoTime();
    ProcessInstance district = runtime.startProcessInstanceByKey("district-pilot", "339",
        Variables.createVariables().putValue("districtCode", "339").putValue("periodEnd", "2024-06-30")
            .putValue("reportCycle", "P6M"));
    List<String> pilots = List.of("12679", "12646", "12649", "12655", "12637", "12619", "12598");
    complete(tasks, district, Variables.createVariables()
        .putValue("pilotCommunes", SpinValues.jsonValue(json(pilots)).create())
        .putValue("provincePilots", SpinValues.jsonValue(json(pilots.subList(0, 2))).create())
        .putValue("selectionRationale", "Xã có phong trào tốt"));
    complete(tasks, district, Variables.createVariables().putValue("selectionDecision", "approve"));
    walkChildren(engine, walker, district);
    complete(tasks, district, Variables.createVariables().putValue("districtLessons", "Bài học"));
    complete(tasks, district, Variables.createVariables()
        .putValue("rolloutCommunes", runtime.getVariableTyped(district.getId(), "rolloutCommunes"))
        .putValue("rolloutPeriodEnd", "2024-06-30").putValue("rolloutPlanSummary", "Nhân rộng toàn huyện"));
    walkChildren(engine, walker, district);
    long finalStep = System.nanoTime();
    complete(tasks, district, Variables.createVariables().putValue("districtFinalReport", "Hoàn thành"));
    long end = System.nanoTime();
    assertThat(runtime.createProcessInstanceQuery().count()).isZero();
    return new long[] {(end - start) / 1_000_000, (end - finalStep) / 1_000_000};
  }

  private static void walkChildren(ProcessEngine engine, CommuneWalker walker, ProcessInstance district) {
    for (ProcessInstance commune : engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(district.getId()).list()) {
      walker.walk(commune, 18, 18, 18, 18, 18);
    }
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(district.getId()).list()) {
      engine.getManagementService().executeJob(job.getId());
    }
    ProgrammeWalker.concludeInterimReviews(engine.getTaskService(), district.getId());
  }

  private static void complete(TaskService tasks, ProcessInstance instance, VariableMap input) {
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(), input);
  }

  private static String json(List<String> codes) {
    return "[\"" + String.join("\",\"", codes) + "\"]";
  }

  private static void run(ProcessEngine engine, List<String> communes, int instances) {
    CommuneWalker walker = new CommuneWalker(engine);
    for (int i = 0; i < instances; i++) {
      String commune = communes.get(i % communes.size());
      ProcessInstance pilot = engine.getRuntimeService().startProcessInstanceByKey("commune-pilot", commune,
          CommuneInputs.startInput(commune, "district", "2024-06-30"));
      walker.walk(pilot, 18, 18, 18, 18, 18);
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }
}
