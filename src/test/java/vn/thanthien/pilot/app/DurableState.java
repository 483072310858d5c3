package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.Reply;

/**
 * What the durability tests walk through REST before a SIGKILL, and what they compare after the
 * restart: the running instances, open tasks (with candidate groups), variables and history
 * entries, as the administrator sees them over REST.
 */
final class DurableState {

  /** A test-only model whose timer is due well after a restart has completed. */
  static final String TIMER_KEY = "durability-timer";

  private DurableState() {}

  /** Deploys models over REST as the administrator, as an installation would. */
  static Reply deploy(ApiClient api, Map<String, BpmnModelInstance> models) {
    String boundary = "test-deployment-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
        + "test-deployment\r\n").getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, BpmnModelInstance> model : models.entrySet()) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + model.getKey()
          + "\"; filename=\"" + model.getKey() + "\"\r\nContent-Type: application/xml\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(Bpmn.convertToString(model.getValue()).getBytes(StandardCharsets.UTF_8));
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return api.raw("admin", "POST", "/engine-rest/deployment/create",
        "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  /** Deploys the timer model: a timer of the given duration, then one step, then the end. */
  static void deployTimerModel(ApiClient api, String duration) {
    Reply deployed = deploy(api, Map.of(TIMER_KEY + ".bpmn", Bpmn.createExecutableProcess(TIMER_KEY)
        .name("Durability test: a timer pending across a kill").camundaHistoryTimeToLive(1)
        .startEvent().intermediateCatchEvent("pending").timerWithDuration(duration)
        .serviceTask("afterTimer").camundaExpression("${true}")
        .endEvent().done()));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
  }

  /** Starts an instance of the timer model; returns its id and the due date of its timer. */
  static Map.Entry<String, Instant> startTimer(ApiClient api) {
    Reply started = api.post("admin", "/engine-rest/process-definition/key/" + TIMER_KEY + "/start", Map.of());
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String instance = started.json().path("id").asText();
    JsonNode jobs = api.get("admin", "/engine-rest/job?processInstanceId=" + instance).json();
    assertThat(jobs).hasSize(1);
    Instant due = OffsetDateTime.parse(jobs.get(0).path("dueDate").asText(),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant();
    return Map.entry(instance, due);
  }

  /** Waits (bounded) until the timer fired and the step after it is in history. */
  static void awaitTimerFired(ApiClient api, String instance, Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (api.get("admin", "/engine-rest/history/activity-instance?processInstanceId=" + instance
        + "&activityId=afterTimer").json().isEmpty()) {
      assertThat(Instant.now()).as("the pending timer fired within " + timeout).isBefore(deadline);
      Thread.sleep(500);
    }
  }

  /** The province starts the programme as the administrator. */
  static String startProgramme(ApiClient api, String businessKey) {
    // a period starting today: no review of the calendar is due yet, so no timer of the programme
    // runs while the officials work (a past period would open the interim review at once)
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    Reply started = api.post("admin", "/engine-rest/process-definition/key/pilot-programme/start", Map.of(
        "businessKey", businessKey,
        "variables", Map.of(
            "programmeTitle", Map.of("value", "Chính quyền thân thiện vì nhân dân phục vụ"),
            "decisionNumber", Map.of("value", "08-ĐA/TU"),
            "decisionDate", Map.of("value", today.toString()),
            "periodStart", Map.of("value", today.toString()),
            "periodEnd", Map.of("value", today.plusYears(2).toString()),
            "reportCycle", Map.of("value", "P6M"))));
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    return started.json().path("id").asText();
  }

  /** Hưng Hà (district 339) selects its pilots, as its official; the province's approval opens. */
  static void selectPilots(ApiClient api, String programme) {
    JsonNode districts = api.get("admin", "/engine-rest/process-instance?superProcessInstance=" + programme).json();
    assertThat(districts).hasSize(1);
    String district = districts.get(0).path("id").asText();
    JsonNode tasks = api.get("huyen339", "/engine-rest/task?processInstanceId=" + district
        + "&taskDefinitionKey=SelectPilots").json();
    assertThat(tasks).hasSize(1);
    Reply completed = api.post("huyen339", "/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete",
        Map.of("variables", Map.of(
            "pilotCommunes", Map.of("value",
                "[\"12679\",\"12649\",\"12646\",\"12655\",\"12637\",\"12619\",\"12598\"]", "type", "Json"),
            "provincePilots", Map.of("value", "[\"12646\",\"12679\"]", "type", "Json"),
            "selectionRationale", Map.of("value", "Theo Đề án 08-ĐA/TU"))));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    assertThat(api.get("tinh34", "/engine-rest/task?processInstanceId=" + district
        + "&taskDefinitionKey=ApproveSelection").json()).as("the province's approval is open").hasSize(1);
  }

  /**
   * A programme in which Hưng Hà (339) alone takes part, its seven pilots approved by the province:
   * each pilot commune's plan ({@code DraftPlan}) is open. Returns the plan tasks by commune code.
   */
  static Map<String, JsonNode> walkToPlans(ApiClient api, String businessKey) {
    String programme = startProgramme(api, businessKey);
    JsonNode first = api.get("tinh34", "/engine-rest/task?processInstanceId=" + programme).json().get(0);
    assertThat(api.post("tinh34", "/engine-rest/task/" + first.path("id").asText() + "/complete", Map.of("variables",
        Map.of("participatingDistricts", Map.of("value", "[\"339\"]", "type", "Json")))).status()).isEqualTo(204);
    selectPilots(api, programme);
    JsonNode approval = api.get("tinh34", "/engine-rest/task?taskDefinitionKey=ApproveSelection").json().get(0);
    Reply approved = api.post("tinh34", "/engine-rest/task/" + approval.path("id").asText() + "/complete",
        Map.of("variables", Map.of("selectionDecision", Map.of("value", "approve"))));
    assertThat(approved.status()).as(approved.body()).isEqualTo(204);
    Map<String, JsonNode> plans = new java.util.HashMap<>();
    for (JsonNode task : api.get("admin", "/engine-rest/task?taskDefinitionKey=DraftPlan").json()) {
      String commune = api.get("admin", "/engine-rest/process-instance/" + task.path("processInstanceId").asText())
          .json().path("businessKey").asText();
      plans.put(commune, task);
    }
    assertThat(plans).hasSize(7);
    return plans;
  }

  /** A commune's plan ({@code DraftPlan}) as its official submits it, as REST variables. */
  static Map<String, Object> planVariables() {
    Map<String, Object> plan = new java.util.HashMap<>();
    for (int area = 1; area <= 5; area++) {
      plan.put("planArea" + area, Map.of("value", "Nội dung thực hiện tiêu chí " + area));
    }
    plan.put("plannedLaunchDate", Map.of("value", "2030-09-01"));
    plan.put("planResponsible", Map.of("value", "Chủ tịch UBND xã"));
    return plan;
  }

  /** Every running instance, open task, variable and history entry, one line each, in a fixed order. */
  static List<String> snapshot(ApiClient api) {
    List<String> lines = new ArrayList<>();
    for (JsonNode instance : list(api, "/engine-rest/process-instance?sortBy=instanceId&sortOrder=asc")) {
      lines.add("instance " + instance.path("id").asText() + " " + instance.path("definitionId").asText()
          + " " + instance.path("businessKey").asText() + " suspended=" + instance.path("suspended").asText());
    }
    for (JsonNode task : list(api, "/engine-rest/task?sortBy=id&sortOrder=asc")) {
      StringBuilder groups = new StringBuilder();
      for (JsonNode link : list(api, "/engine-rest/task/" + task.path("id").asText() + "/identity-links?type=candidate")) {
        groups.append(link.path("groupId").asText()).append(' ');
      }
      lines.add("task " + task.path("id").asText() + " " + task.path("taskDefinitionKey").asText() + " "
          + task.path("processInstanceId").asText() + " candidates=" + groups.toString().trim());
    }
    for (JsonNode variable : list(api, "/engine-rest/variable-instance?deserializeValues=false&sortBy=variableName&sortOrder=asc")) {
      lines.add("variable " + variable.path("id").asText() + " " + variable.path("name").asText() + " "
          + variable.path("type").asText() + " " + variable.path("value"));
    }
    for (JsonNode task : list(api, "/engine-rest/history/task?sortBy=taskId&sortOrder=asc")) {
      lines.add("historic-task " + task.path("id").asText() + " " + task.path("taskDefinitionKey").asText()
          + " " + task.path("endTime").asText() + " " + task.path("deleteReason").asText());
    }
    for (JsonNode variable : list(api, "/engine-rest/history/variable-instance?deserializeValues=false"
        + "&sortBy=instanceId&sortOrder=asc")) {
      lines.add("historic-variable " + variable.path("id").asText() + " " + variable.path("name").asText() + " "
          + variable.path("state").asText() + " " + variable.path("value"));
    }
    lines.sort(null);
    return lines;
  }

  private static JsonNode list(ApiClient api, String path) {
    Reply reply = api.get("admin", path);
    assertThat(reply.status()).as(path + ": " + reply.body()).isEqualTo(200);
    return reply.json();
  }
}
