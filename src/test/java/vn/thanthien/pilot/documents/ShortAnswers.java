package vn.thanthien.pilot.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * What an official who writes briefly submits: the values given, and a short Vietnamese sentence
 * in every required text field left out, so that a draft reads as a real one would.
 */
final class ShortAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ShortAnswers() {}

  static VariableMap withRequired(ProcessEngine engine, Task task, VariableMap values) {
    UserTask element = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId())
        .getModelElementById(task.getTaskDefinitionKey());
    try (InputStream form = ShortAnswers.class.getResourceAsStream("/bpmn/" + element.getCamundaFormRef() + ".form")) {
      fill(JSON.readTree(form).path("components"), values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }

  private static void fill(JsonNode components, VariableMap values) {
    for (JsonNode component : components) {
      fill(component.path("components"), values);
      String type = component.path("type").asText();
      String key = component.path("key").asText();
      if (("textfield".equals(type) || "textarea".equals(type)) && component.path("validate").path("required").asBoolean()
          && !values.containsKey(key) && !component.path("validate").has("pattern")) {
        values.putValue(key, "Thực hiện theo kế hoạch, bảo đảm tiến độ");
      }
    }
  }
}
