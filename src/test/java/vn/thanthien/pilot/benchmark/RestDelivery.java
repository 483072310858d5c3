package vn.thanthien.pilot.benchmark;

import vn.thanthien.pilot.evidence.review.TaskFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.identity.DemoUsers;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.process.Officials;

/**
 * Officials completing their tasks over {@code /engine-rest} with HTTP Basic, as themselves (the
 * demo official of the task's candidate group), as a client would: read the task, claim it,
 * complete it with the form's values as REST variables (JSON). A completion that meets another
 * one (409) is sent again, as an official would press again.
 */
final class RestDelivery implements Officials.Delivery {

  private static final int ATTEMPTS = 5;

  private final ApiClient api;
  private final TaskService tasks;
  private final UnitDirectory units;
  private final LongAdder requests = new LongAdder();
  private final LongAdder retries = new LongAdder();

  RestDelivery(ApiClient api, TaskService tasks, UnitDirectory units) {
    this.api = api;
    this.tasks = tasks;
    this.units = units;
  }

  @Override
  public void complete(Task task, VariableMap values) {
    String official = officialOf(task);
    String path = "/engine-rest/task/" + task.getId();
    expect(api.get(official, path), 200, path);
    expect(api.post(official, path + "/claim", Map.of("userId", official)), 204, path + "/claim");
    // the steps that cannot be judged without files get them first, as an official would attach them
    switch (task.getTaskDefinitionKey()) {
      case "DraftPlan", "LaunchModel" -> TaskFiles.attach(api, official, task.getId());
      case "SelfAssessment" -> TaskFiles.attach(api, official, task.getId(), TaskFiles.CRITERIA);
      default -> { }
    }
    Map<String, Object> body = Map.of("variables", restVariables(values));
    for (int attempt = 1; ; attempt++) {
      ApiClient.Reply reply = api.post(official, path + "/complete", body);
      requests.increment();
      if (reply.status() == 204) {
        return;
      }
      if (reply.status() != 409 || attempt == ATTEMPTS) {
        throw new IllegalStateException(path + "/complete as " + official + ": " + reply.status() + " " + reply.body());
      }
      retries.increment();
    }
  }

  long requests() {
    return requests.sum();
  }

  long retries() {
    return retries.sum();
  }

  private void expect(ApiClient.Reply reply, int status, String what) {
    requests.increment();
    if (reply.status() != status) {
      throw new IllegalStateException(what + ": " + reply.status() + " " + reply.body());
    }
  }

  /** The demo official of the unit whose group the task is offered to. */
  private String officialOf(Task task) {
    String group = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst()
        .orElseThrow(() -> new IllegalStateException("task " + task.getId() + " is offered to no group"));
    AdministrativeUnit unit = units.ofGroup(group)
        .orElseThrow(() -> new IllegalStateException("group " + group + " is no unit of the list"));
    return DemoUsers.officialOf(unit);
  }

  /** Camunda's REST form of variables: {"name": {"value": …, "type": "String"}}. */
  static Map<String, Object> restVariables(VariableMap values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String name : values.keySet()) {
      TypedValue typed = values.getValueTyped(name);
      Object value = typed.getValue();
      String type = typed.getType() != null ? typed.getType().getName()
          : value instanceof Number || value instanceof Boolean ? value.getClass().getSimpleName() : "string";
      // a JSON value (checklists) travels as its text; numbers and booleans as themselves
      Object sent = value instanceof Number || value instanceof Boolean ? value : String.valueOf(value);
      variables.put(name, Map.of("value", sent, "type", Character.toUpperCase(type.charAt(0)) + type.substring(1)));
    }
    return variables;
  }
}
