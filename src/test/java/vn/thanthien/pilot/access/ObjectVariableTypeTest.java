package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * Object variables sent by a client are checked against the deserialization type validation
 * before they are stored: a type the application never stores (here {@code java.io.File}) is
 * refused with 400 and a Vietnamese message, on starting a process and on completing a task, and
 * nothing of the submission is kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ObjectVariableTypeTest {

  static final Map<String, Object> FILE = Map.of("type", "Object", "value", "\"/etc/passwd\"",
      "valueInfo", Map.of("objectTypeName", "java.io.File", "serializationDataFormat", "application/json"));
  static final Map<String, Object> LIST_OF_FILES = Map.of("type", "Object", "value", "[\"/etc/passwd\"]",
      "valueInfo", Map.of("objectTypeName", "java.util.ArrayList<java.io.File>",
          "serializationDataFormat", "application/json"));

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
  }

  private static void assertRefused(ApiClient.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.json().path("message").asText()).contains("không được phép gửi lên").contains("java.io.File");
  }

  private ApiClient.Reply putVariable(String user, String path) {
    return api.send(user, java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + path))
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"type\":\"Object\",\"value\":\"\\\"/etc/passwd\\\"\",\"valueInfo\":{\"objectTypeName\":\"java.io.File\","
                + "\"serializationDataFormat\":\"application/json\"}}")), null);
  }

  @Test
  void theProvinceCannotStartTheProgrammeWithAFileObject() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("pilot-programme").count();
    for (Map<String, Object> value : java.util.List.of(FILE, LIST_OF_FILES)) {
      assertRefused(api.post("tinh34", "/engine-rest/process-definition/key/pilot-programme/start",
          Map.of("variables", Map.of("decisionNumber", value))));
      assertRefused(api.post("tinh34", "/engine-rest/process-definition/key/pilot-programme/submit-form",
          Map.of("variables", Map.of("decisionNumber", value))));
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("pilot-programme").count()).isEqualTo(before);
  }

  @Test
  void aCommuneCannotCompleteOrFillATaskWithAFileObject() {
    String instance = runtime.startProcessInstanceByKey("commune-pilot", "12679",
        CommuneInputs.startInput("12679", "district", "2025-12-31")).getId();
    Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    String path = "/engine-rest/task/" + task.getId();
    assertThat(api.post("xa12679", path + "/claim", Map.of("userId", "xa12679")).status()).isEqualTo(204);

    assertRefused(api.post("xa12679", path + "/complete", Map.of("variables", Map.of("planArea1", FILE))));
    assertRefused(api.post("xa12679", path + "/submit-form", Map.of("variables", Map.of("planArea1", LIST_OF_FILES))));
    // officials may not set task variables at all; an administrator, who may, is refused the type
    assertThat(putVariable("xa12679", path + "/variables/planFile").status()).isEqualTo(403);
    assertRefused(putVariable("admin", path + "/variables/planFile"));

    ApiClient.WebSession tasklist = api.login("xa12679", "tasklist");
    ApiClient.Reply webapp = tasklist.post("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
        Map.of("variables", Map.of("planArea1", FILE)));
    assertRefused(webapp);

    // the task is still open, and nothing of the submissions was kept
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance).variableName("planArea1").count())
        .isZero();
    assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("xa12679");
    runtime.deleteProcessInstance(instance, "test");
  }
}
