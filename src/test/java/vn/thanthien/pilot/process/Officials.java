package vn.thanthien.pilot.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The simulated officials: they complete a task with what they typed (every text at its form's
 * maximum length if asked), delivered through the engine's API or, in the benchmark, over REST as
 * themselves. Counts what they completed.
 */
public final class Officials {

  /** How a completion reaches the engine. */
  @FunctionalInterface
  public interface Delivery {
    void complete(Task task, VariableMap values);
  }

  private final RepositoryService repository;
  private final boolean longestTexts;
  private final Delivery delivery;
  private final LongAdder completed = new LongAdder();
  private final Map<String, String> forms = new ConcurrentHashMap<>();

  public Officials(ProcessEngine engine, boolean longestTexts, Delivery delivery) {
    this.repository = engine.getRepositoryService();
    this.longestTexts = longestTexts;
    this.delivery = delivery;
  }

  /** Officials completing through the engine's Java API (no logged-in user). */
  public static Officials onTheEngine(ProcessEngine engine, boolean longestTexts) {
    return new Officials(engine, longestTexts, (task, values) -> engine.getTaskService().complete(task.getId(), values));
  }

  public void complete(Task task, Map<String, Object> typed) {
    VariableMap values = longestTexts ? LongestTexts.fill(formOf(task), typed) : Variables.fromMap(typed);
    delivery.complete(task, values);
    completed.increment();
  }

  /** Tasks completed so far. */
  public long completed() {
    return completed.sum();
  }

  private String formOf(Task task) {
    return forms.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(), key -> {
      UserTask element = repository.getBpmnModelInstance(task.getProcessDefinitionId())
          .getModelElementById(task.getTaskDefinitionKey());
      return element.getCamundaFormRef();
    });
  }
}
