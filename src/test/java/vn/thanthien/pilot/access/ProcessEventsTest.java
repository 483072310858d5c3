package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.evidence.review.TaskFiles;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * A refused correlation reveals nothing: a district official who sends the message
 * {@code late-work-done} (or a signal, a condition, an execution's trigger) for a commune that is
 * late and for one that is not gets the same Vietnamese 403, on the REST API and on the webapps'
 * API, with no instance id; the follow-up is untouched, and the engine still ends it by itself when
 * the commune completes its task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class ProcessEventsTest {

  static final String ENGINE_API = "/camunda/api/engine/engine/default";
  static final String LATE = "12679"; // Chí Hòa
  static final String ON_TIME = "12649"; // Thái Hưng

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  private Task draftPlan(String commune) {
    String pilot = runtime.startProcessInstanceByKey("commune-pilot", commune,
        CommuneInputs.startInput(commune, "province", "2025-12-31")).getId();
    return tasks.createTaskQuery().processInstanceId(pilot).singleResult();
  }

  /** A request to the engine: its path under the API's root and its JSON body. */
  record Request(String path, Map<String, Object> body) {}

  /** What an official may send, in the same order, for the unit {@code code} and a task or execution {@code id} of it. */
  private static List<Request> requests(String code, String id) {
    return List.of(
        new Request("/message", Map.of("messageName", "late-work-done", "businessKey", code)),
        new Request("/message", Map.of("messageName", "late-work-done", "all", true, "resultEnabled", true,
            "correlationKeys", Map.of("lateUnitCode", Map.of("value", code)))),
        new Request("/message", Map.of("messageName", "late-work-done",
            "correlationKeys", Map.of("lateTaskId", Map.of("value", id)))),
        new Request("/signal", Map.of("name", "late-work-done", "variables", Map.of("lateUnitCode", Map.of("value", code)))),
        new Request("/condition", Map.of("variables", Map.of("lateUnitCode", Map.of("value", code)))),
        new Request("/execution/" + id + "/messageSubscriptions/late-work-done/trigger", Map.of()),
        new Request("/execution/" + id + "/signal", Map.of()));
  }

  @Test
  void aDistrictLearnsNothingFromCorrelatingLateWorkDone() {
    ApiClient api = new ApiClient(port);
    Task late = draftPlan(LATE);
    String followUpTask = LateWork.followUpOf(late.getId(), runtime, tasks, management);
    String followUp = tasks.createTaskQuery().taskId(followUpTask).singleResult().getProcessInstanceId();
    Task onTime = draftPlan(ON_TIME);
    String execution = runtime.createExecutionQuery().processInstanceId(followUp).messageEventSubscriptionName(
        "late-work-done").list().get(0).getId();

    List<Request> forLate = requests(LATE, late.getId());
    List<Request> forOnTime = requests(ON_TIME, onTime.getId());
    List<Request> forLateExecution = requests(LATE, execution);
    for (String official : List.of("huyen339", "huyen338", "tinh34", "xa" + ON_TIME)) {
      ApiClient.WebSession session = api.login(official, "tasklist");
      for (int i = 0; i < forLate.size(); i++) {
        Request request = forLate.get(i);
        String what = official + " " + request;
        ApiClient.Reply lateAnswer = api.post(official, "/engine-rest" + request.path(), request.body());
        assertThat(lateAnswer.status()).as(what + " " + lateAnswer.body()).isEqualTo(403);
        assertThat(lateAnswer.json().path("message").asText()).as(what)
            .contains("Chỉ hệ thống và quản trị hệ thống được gửi thông điệp");
        assertThat(lateAnswer.body()).as(what).doesNotContain(followUp).doesNotContain(execution);
        for (ApiClient.Reply other : List.of(
            api.post(official, "/engine-rest" + forOnTime.get(i).path(), forOnTime.get(i).body()),
            api.post(official, "/engine-rest" + forLateExecution.get(i).path(), forLateExecution.get(i).body()),
            session.post(ENGINE_API + request.path(), request.body()))) {
          assertThat(other.status()).as(what).isEqualTo(403);
          assertThat(other.body()).as(what + ": the same answer whatever exists").isEqualTo(lateAnswer.body());
        }
      }
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(followUp).count())
        .as("the follow-up is untouched").isEqualTo(1);

    // an administrator is not held to it (Camunda's own answer: nothing correlates for Thái Hưng)
    ApiClient.Reply admin = api.post("admin", "/engine-rest/message",
        Map.of("messageName", "late-work-done", "businessKey", ON_TIME));
    assertThat(admin.status()).as(admin.body()).isEqualTo(400);

    // the engine's own correlation still ends the follow-up when Chí Hòa completes its plan (signed, attached)
    TaskFiles.attach(api, "xa" + LATE, late.getId());
    identity.setAuthentication("xa" + LATE, List.of("commune-" + LATE), List.of("province-34"));
    try {
      tasks.complete(late.getId(), CommuneInputs.plan());
    } finally {
      identity.clearAuthentication();
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(followUp).count())
        .as("ended by itself").isZero();
  }
}
