package vn.thanthien.pilot.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.process.CommuneInputs;
import vn.thanthien.pilot.process.CommuneWalker;

/**
 * The review's attacks, tried as a hostile official would over real HTTP — the REST API's
 * complete and submit-form, and the webapps' own API with a session and CSRF token: extra
 * variables sent with a task are refused with a Vietnamese 400, nothing of them is kept, and the
 * honest run that follows goes exactly where it would have gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class HostileOfficialTest {

  static final String HOA_BINH = "12655"; // Hưng Hà, district pilot
  static final String TIEN_DUC = "12646"; // Hưng Hà, province pilot
  static final String ENGINE_API = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
  }

  /** The three ways an official's browser or script completes a task. */
  enum Channel { REST_COMPLETE, REST_SUBMIT_FORM, WEBAPP_COMPLETE }

  private ApiClient.Reply send(Channel channel, String user, String taskId, Map<String, Object> variables) {
    Map<String, Object> body = Map.of("variables", rest(variables));
    return switch (channel) {
      case REST_COMPLETE -> api.post(user, "/engine-rest/task/" + taskId + "/complete", body);
      case REST_SUBMIT_FORM -> api.post(user, "/engine-rest/task/" + taskId + "/submit-form", body);
      case WEBAPP_COMPLETE -> api.login(user, "tasklist").post(ENGINE_API + "/task/" + taskId + "/complete", body);
    };
  }

  /** Variables as the REST API takes them; JSON lists as Camunda's Json type. */
  private static Map<String, Object> rest(Map<String, Object> variables) {
    Map<String, Object> dto = new LinkedHashMap<>();
    variables.forEach((name, value) -> dto.put(name, value instanceof List<?> list
        ? Map.of("value", json(list), "type", "Json")
        : value instanceof org.camunda.spin.json.SpinJsonNode node
            ? Map.of("value", node.toString(), "type", "Json")
            : Map.of("value", value)));
    return dto;
  }

  private static String json(List<?> list) {
    return list.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }

  /** Every channel refuses the submission with a Vietnamese 400 naming the field; the task stays. */
  private void assertRefused(String user, Task task, Map<String, Object> variables, String forbidden) {
    for (Channel channel : Channel.values()) {
      ApiClient.Reply reply = send(channel, user, task.getId(), variables);
      assertThat(reply.status()).as(channel + " " + reply.body()).isEqualTo(400);
      assertThat(reply.json().path("message").asText()).as(channel.name())
          .contains("không thuộc biểu mẫu").contains("«" + forbidden + "»");
      assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as(channel.name()).isEqualTo(1);
    }
  }

  private static Map<String, Object> with(Map<String, Object> honest, String name, Object value) {
    Map<String, Object> variables = new LinkedHashMap<>(honest);
    variables.put(name, value);
    return variables;
  }

  private ProcessInstance commune(String code, String tier) {
    return runtime.startProcessInstanceByKey("commune-pilot", code,
        CommuneInputs.startInput(code, tier, "2024-06-30"));
  }

  private Task taskOf(String processInstanceId) {
    return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }

  private void completeHonestly(String user, Task task, VariableMap variables) {
    assertThat(send(Channel.REST_COMPLETE, user, task.getId(), variables).status()).isEqualTo(204);
  }

  @Test
  void aCommuneCannotMakeItselfTheReviewerOfItsOwnPlan() {
    ProcessInstance pilot = commune(HOA_BINH, "district");
    Task draft = taskOf(pilot.getId());
    assertRefused("xa" + HOA_BINH, draft, with(CommuneInputs.plan(), "districtCode", "339,commune-" + HOA_BINH),
        "districtCode");
    assertRefused("xa" + HOA_BINH, draft, with(CommuneInputs.plan(), "districtGroup", "commune-" + HOA_BINH),
        "districtGroup");
    assertThat(runtime.getVariable(pilot.getId(), "districtCode")).isEqualTo("339");
    assertThat(runtime.getVariable(pilot.getId(), "planArea1")).as("nothing of a refused plan is kept").isNull();

    vn.thanthien.pilot.evidence.review.TaskFiles.attach(api, "xa" + HOA_BINH, draft.getId());
    completeHonestly("xa" + HOA_BINH, draft, CommuneInputs.plan());
    Task review = taskOf(pilot.getId());
    assertThat(review.getTaskDefinitionKey()).isEqualTo("ReviewPlan");
    assertThat(candidateGroups(review)).containsExactly("district-339");
    assertThat(send(Channel.REST_COMPLETE, "xa" + HOA_BINH, review.getId(), CommuneInputs.approvePlan()).status())
        .as("the commune does not review its own plan").isIn(403, 404);
  }

  @Test
  void aCommuneCannotAppraiseItselfNorTakeAnotherTierOrRound() {
    ProcessInstance pilot = commune(TIEN_DUC, "province");
    new CommuneWalker(engine).walkUntil(pilot.getId(), "SelfAssessment");
    Task self = taskOf(pilot.getId());
    VariableMap scores = CommuneInputs.selfAssessment(20, 20, 20, 20, 20);
    String official = "xa" + TIEN_DUC;
    assertRefused(official, self, with(scores, "provinceCode", "34,commune-" + TIEN_DUC), "provinceCode");
    assertRefused(official, self, with(scores, "tier", "district"), "tier");
    assertRefused(official, self, with(scores, "appraisalRound", -5), "appraisalRound");
    assertRefused(official, self, with(scores, "appraiserGroup", "commune-" + TIEN_DUC), "appraiserGroup");
    assertThat(runtime.getVariables(pilot.getId())).containsEntry("tier", "province")
        .containsEntry("provinceCode", "34").containsEntry("appraisalRound", 0).doesNotContainKey("selfArea1");

    vn.thanthien.pilot.evidence.review.TaskFiles.attach(api, official, self.getId(),
        vn.thanthien.pilot.evidence.review.TaskFiles.CRITERIA);
    completeHonestly(official, self, scores);
    Task appraisal = taskOf(pilot.getId());
    assertThat(appraisal.getTaskDefinitionKey()).isEqualTo("Appraisal");
    assertThat(candidateGroups(appraisal)).as("a province pilot is appraised by the province")
        .containsExactly("province-34");
    assertThat(runtime.getVariable(pilot.getId(), "appraisalRound")).isEqualTo(1L);
  }

  @Test
  void aCommuneCannotSkipItsReports() {
    ProcessInstance pilot = commune("12637", "district"); // Liên Hiệp
    new CommuneWalker(engine).walkUntil(pilot.getId(), "PeriodicReport");
    Task report = taskOf(pilot.getId());
    assertRefused("xa12637", report, with(CommuneInputs.report(), "lastReport", true), "lastReport");
    assertRefused("xa12637", report, with(CommuneInputs.report(), "reportNumber", 99), "reportNumber");
    assertThat(runtime.getVariable(pilot.getId(), "lastReport")).isEqualTo(false);
    completeHonestly("xa12637", report, CommuneInputs.report());
    // launched 2023-09-01, six-month cycle, period ends 2024-06-30: a second report is still due
    assertThat(management.createJobQuery().processInstanceId(pilot.getId()).count()).isEqualTo(1);
    assertThat(runtime.getVariable(pilot.getId(), "reportNumber")).isEqualTo(2);
  }

  @Test
  void aCommuneThatFailedCannotRewriteItsResultAndTheDistrictReadsTheTruth() {
    ProcessInstance district = runtime.startProcessInstanceByKey("district-pilot", "341",
        Variables.createVariables().putValue("districtCode", "341") // Kiến Xương
            .putValue("periodEnd", "2024-06-30").putValue("reportCycle", "P6M"));
    String commune = String.valueOf(runtime.getVariable(district.getId(), "communeOptions") instanceof
        org.camunda.spin.json.SpinJsonNode options ? options.elements().get(0).prop("value").stringValue() : "");
    Task select = taskOf(district.getId());
    VariableMap selection = Variables.createVariables()
        .putValue("pilotCommunes", SpinValues.jsonValue("[\"" + commune + "\"]").create())
        .putValue("provincePilots", SpinValues.jsonValue("[]").create())
        .putValue("selectionRationale", "Xã có phong trào tốt");
    // a district takes over communes of another district, or approves its own selection
    assertRefused("huyen341", select, with(selection, "districtCode", "339"), "districtCode");
    assertRefused("huyen341", select, with(selection, "communeOptions",
        SpinValues.jsonValue("[{\"label\":\"Xã Chí Hòa\",\"value\":\"12679\"}]").create().getValue()), "communeOptions");
    assertRefused("huyen341", select, with(selection, "provinceCode", "34,district-341"), "provinceCode");
    completeHonestly("huyen341", select, selection);
    Task approve = taskOf(district.getId());
    assertThat(candidateGroups(approve)).containsExactly("province-34");
    completeHonestly("tinh34", approve, Variables.createVariables().putValue("selectionDecision", "approve")
        .putValue("selectionRemarks", "Đồng ý"));

    String pilot = runtime.createProcessInstanceQuery().superProcessInstanceId(district.getId())
        .singleResult().getId();
    new CommuneWalker(engine).walkUntil(pilot, "CommuneLessons", 10, 10, 10, 10, 10);
    assertThat(runtime.getVariable(pilot, "passed")).isEqualTo(false);
    Task lessons = taskOf(pilot);
    assertRefused("xa" + commune, lessons, with(with(with(CommuneInputs.lessons(), "passed", true),
        "ratingLevel", "Xuất sắc"), "totalScore", 100), "passed");
    completeHonestly("xa" + commune, lessons, CommuneInputs.lessons());
    for (Job job : management.createJobQuery().processInstanceId(district.getId()).list()) {
      management.executeJob(job.getId());
    }
    assertThat(runtime.getVariable(district.getId(), "pilotPassedCount")).isEqualTo(0L);
    assertThat(String.valueOf(runtime.getVariable(district.getId(), "pilotResultsSummary")))
        .contains("0/1 xã được công nhận").contains("không được công nhận");
  }

  @Test
  void theProvinceStartsTheProgrammeOnlyFromItsStartFormWithItsFieldsOnly() {
    Map<String, Object> launch = new LinkedHashMap<>(Map.of(
        "programmeTitle", Map.of("value", "Chính quyền thân thiện vì nhân dân phục vụ"),
        "decisionNumber", Map.of("value", "08-ĐA/TU"), "decisionDate", Map.of("value", "2023-07-05"),
        "periodStart", Map.of("value", "2023-07-05"), "periodEnd", Map.of("value", "2025-12-31"),
        "reportCycle", Map.of("value", "P3M")));
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("pilot-programme").count();
    String start = "/engine-rest/process-definition/key/pilot-programme/start";

    Map<String, Object> withProvince = new LinkedHashMap<>(launch);
    withProvince.put("provinceCode", Map.of("value", "34,commune-12679"));
    ApiClient.Reply extra = api.post("tinh34", start, Map.of("variables", withProvince));
    assertThat(extra.status()).as(extra.body()).isEqualTo(400);
    assertThat(extra.json().path("message").asText()).contains("«provinceCode»");
    ApiClient.Reply form = api.post("tinh34", "/engine-rest/process-definition/key/pilot-programme/submit-form",
        Map.of("variables", withProvince));
    assertThat(form.status()).as(form.body()).isEqualTo(400);

    for (Map<String, String> instructions : List.of(
        Map.of("type", "startBeforeActivity", "activityId", "ProvinceFinalReview"),
        Map.of("type", "startAfterActivity", "activityId", "StartProgramme"))) {
      ApiClient.Reply middle = api.post("tinh34", start, Map.of("variables", launch,
          "startInstructions", List.of(instructions), "skipCustomListeners", true));
      assertThat(middle.status()).as(middle.body()).isEqualTo(400);
      assertThat(middle.json().path("message").asText()).contains("Chỉ quản trị hệ thống");
    }
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("pilot-programme").count())
        .isEqualTo(before);
  }

  @Test
  void aRequestTheApiCannotReadIsAnsweredInVietnameseAndChangesNothing() {
    ProcessInstance pilot = commune(HOA_BINH, "district");
    Task task = taskOf(pilot.getId());
    String complete = "/engine-rest/task/" + task.getId() + "/complete";
    byte[] notJson = "{\"variables\": {\"plan\"".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ApiClient.Reply broken = api.raw("xa" + HOA_BINH, "POST", complete, "application/json", notJson);
    assertThat(broken.status()).as(broken.body()).isEqualTo(400);
    assertThat(broken.json().path("message").asText()).startsWith("Yêu cầu không hợp lệ: nội dung gửi lên không phải JSON")
        .contains("dòng 1");
    ApiClient.Reply wrongShape = api.post("xa" + HOA_BINH, complete, Map.of("variables", "kế hoạch"));
    assertThat(wrongShape.status()).as(wrongShape.body()).isEqualTo(400);
    assertThat(wrongShape.json().path("message").asText()).contains("sai kiểu").contains("«variables»");
    ApiClient.Reply xml = api.raw("xa" + HOA_BINH, "POST", complete, "application/xml",
        "<variables/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(xml.status()).isEqualTo(415);
    assertThat(xml.json().path("message").asText()).contains("hãy gửi JSON");
    ApiClient.Reply wrongMethod = api.raw("xa" + HOA_BINH, "DELETE", complete, "application/json", new byte[0]);
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.json().path("message").asText()).contains("không nhận phương thức");
    ApiClient.Reply nowhere = api.get("xa" + HOA_BINH, "/engine-rest/no-such-resource");
    assertThat(nowhere.status()).isEqualTo(404);
    assertThat(nowhere.json().path("message").asText()).isEqualTo("Không có địa chỉ này trong API.");
    // a task that does not exist is still Camunda's own answer, not the address's
    ApiClient.Reply noTask = api.get("xa" + HOA_BINH, "/engine-rest/task/no-such-task");
    assertThat(noTask.status()).isEqualTo(404);
    assertThat(noTask.json().path("message").asText()).contains("no-such-task");
    assertThat(taskOf(pilot.getId()).getId()).as("the task is untouched").isEqualTo(task.getId());
    runtime.deleteProcessInstance(pilot.getId(), "test ended");
  }
}
