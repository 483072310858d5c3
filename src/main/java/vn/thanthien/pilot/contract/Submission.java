package vn.thanthien.pilot.contract;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import vn.thanthien.pilot.engine.CommandFields;

/**
 * What an engine command submits on behalf of a user: the variables sent with a task completion
 * (also as a form submission or a delegation's resolution) or with a process start. Camunda's
 * commands keep these in protected fields without getters; they are read here, in one place,
 * for the engine version the project is built on (7.24.0, checked by the tests).
 *
 * @param taskId the task completed, or null for a start
 * @param processDefinitionId the definition started by id, or null
 * @param processDefinitionKey the definition started by key, or null
 * @param variableNames the names of the submitted variables
 * @param atActivities whether the start skips the start event (start instructions)
 */
public record Submission(String taskId, String processDefinitionId, String processDefinitionKey,
    Set<String> variableNames, boolean atActivities) {

  /** The submission a command carries, or empty for any other command. */
  public static Optional<Submission> of(Command<?> command) {
    if (command instanceof CompleteTaskCmd) {
      // also ResolveTaskCmd, which extends it
      return Optional.of(task(field(command, "taskId"), field(command, "variables")));
    }
    if (command instanceof SubmitTaskFormCmd) {
      return Optional.of(task(field(command, "taskId"), field(command, "properties")));
    }
    if (command instanceof StartProcessInstanceCmd) {
      return Optional.of(start(field(command, "instantiationBuilder"), false));
    }
    if (command instanceof StartProcessInstanceAtActivitiesCmd) {
      return Optional.of(start(field(command, "instantiationBuilder"), true));
    }
    if (command instanceof SubmitStartFormCmd) {
      Map<String, Object> variables = field(command, "variables");
      return Optional.of(new Submission(null, field(command, "processDefinitionId"), null,
          names(variables), false));
    }
    return Optional.empty();
  }

  public boolean isTaskCompletion() {
    return taskId != null;
  }

  private static Submission task(String taskId, Map<String, Object> variables) {
    return new Submission(taskId, null, null, names(variables), false);
  }

  private static Submission start(ProcessInstantiationBuilderImpl builder, boolean atActivities) {
    return new Submission(null, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
        names(builder.getVariables()), atActivities);
  }

  private static Set<String> names(Map<String, Object> variables) {
    return variables == null ? Set.of() : Set.copyOf(variables.keySet());
  }

  private static <T> T field(Object command, String name) {
    return CommandFields.read(command, name);
  }
}
