package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Forms can be bypassed through the REST API: bad submissions sent over real HTTP are refused
 * with 400 and a Vietnamese message, the task stays open and nothing of the submission is kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class SubmissionValidationOverHttpTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private ResponseEntity<String> post(String path, Map<String, Object> variables) {
    Map<String, Object> body = Map.of("variables", variables);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.setBasicAuth("admin", "ThanThien@2023");
    return http.postForEntity("http://localhost:" + port + "/engine-rest" + path,
        new HttpEntity<>(body, headers), String.class);
  }

  private static Map<String, Object> value(Object value) {
    return Map.of("value", value);
  }

  private static Map<String, Object> json(String value) {
    return Map.of("value", value, "type", "Json");
  }

  private static String refusal(ResponseEntity<String> response) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    JsonNode body = JSON.readTree(response.getBody());
    return body.path("message").asText();
  }

  private ProcessInstance communeAt(String commune, String activity) {
    return runtime.createProcessInstanceByKey("commune-pilot").businessKey(commune)
        .setVariables(Variables.createVariables().putValue("communeCode", commune)
            .putValue("communeName", "Xã Chí Hòa").putValue("districtCode", "339")
            .putValue("communeGroup", "commune-" + commune).putValue("districtGroup", "district-339")
            .putValue("provinceCode", "34").putValue("tier", "province").putValue("periodEnd", "2025-12-31")
            .putValue("reportCycle", "P3M").putValue("appraisalRound", 0).putValue("reportNumber", 0))
        .startBeforeActivity(activity).execute();
  }

  private Task taskOf(ProcessInstance instance) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  @Test
  void missingRequiredFieldIsRefusedAndNothingIsKept() throws Exception {
    ProcessInstance pi = communeAt("12679", "DraftPlan");
    Task task = taskOf(pi);
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("planArea1", value("Công khai thủ tục hành chính"));
    plan.put("planArea2", value("Thân thiện"));
    plan.put("plannedLaunchDate", value("2023-09-01"));
    plan.put("planResponsible", value("Chủ tịch UBND xã"));
    String message = refusal(post("/task/" + task.getId() + "/complete", plan));
    assertThat(message).startsWith("Dữ liệu chưa hợp lệ").contains("Tiêu chí 3").contains("bắt buộc")
        .doesNotContain("Cannot").doesNotContain(task.getId());
    assertThat(taskOf(pi).getId()).isEqualTo(task.getId());
    assertThat(runtime.getVariable(pi.getId(), "planArea1")).isNull();
    // The same through the form endpoint Tasklist uses
    assertThat(refusal(post("/task/" + task.getId() + "/submit-form", plan))).contains("Tiêu chí 4");
  }

  /**
   * The evidence check's refusal reads in Vietnamese only, without the English lead Camunda's REST
   * API puts before it ("Cannot complete task <id>: "), on the REST API and on the webapps' API
   * Tasklist uses alike.
   */
  @Test
  void aPlanWithoutItsFilesIsRefusedInVietnameseOnly() throws Exception {
    ProcessInstance pi = communeAt("12679", "DraftPlan");
    Task task = taskOf(pi);
    Map<String, Object> plan = new LinkedHashMap<>();
    vn.thanthien.pilot.process.CommuneInputs.plan().forEach((name, v) -> plan.put(name, value(v)));
    vn.thanthien.pilot.access.ApiClient api = new vn.thanthien.pilot.access.ApiClient(port);

    vn.thanthien.pilot.access.ApiClient.Reply rest = api.post("xa12679", "/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", plan));
    assertThat(rest.status()).as(rest.body()).isEqualTo(400);
    assertThat(rest.json().path("message").asText()).startsWith("Chưa có minh chứng: cần đính kèm ít nhất một tệp «")
        .doesNotContain("Cannot").doesNotContain(task.getId());

    vn.thanthien.pilot.access.ApiClient.WebSession tasklist = api.login("xa12679", "tasklist");
    assertThat(tasklist.login.status()).isEqualTo(200);
    vn.thanthien.pilot.access.ApiClient.Reply form = tasklist.post(
        "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form", Map.of("variables", plan));
    assertThat(form.status()).as(form.body()).isEqualTo(400);
    assertThat(form.json().path("message").asText()).startsWith("Chưa có minh chứng")
        .doesNotContain("Cannot submit task form");
    assertThat(taskOf(pi).getId()).as("still open").isEqualTo(task.getId());
    runtime.deleteProcessInstance(pi.getId(), "test over");
  }

  @Test
  void wrongTypeAndImpossibleFiguresAreRefused() throws Exception {
    ProcessInstance pi = communeAt("12679", "LaunchModel");
    Task task = taskOf(pi);
    Map<String, Object> launch = new LinkedHashMap<>();
    launch.put("launchDate", value("2023-09-01"));
    launch.put("staffTotal", value("hai mươi"));
    launch.put("staffSigned", value(20));
    launch.put("conductRules", value("4 xin, 4 luôn"));
    assertThat(refusal(post("/task/" + task.getId() + "/complete", launch)))
        .contains("«Tổng số cán bộ, công chức, người lao động (người)» phải là một số");
    launch.put("staffTotal", value(18));
    assertThat(refusal(post("/task/" + task.getId() + "/complete", launch)))
        .contains("Số người đã ký cam kết (20) không được lớn hơn");
    launch.put("staffTotal", value(20));
    launch.put("launchDate", value("05/09/2023"));
    assertThat(refusal(post("/task/" + task.getId() + "/complete", launch))).contains("phải là một ngày hợp lệ");
    assertThat(taskOf(pi).getTaskDefinitionKey()).isEqualTo("LaunchModel");
    assertThat(runtime.getVariable(pi.getId(), "staffSigned")).isNull();
  }

  @Test
  void scoreAboveTheAreaMaximumIsRefused() throws Exception {
    ProcessInstance pi = communeAt("12679", "SelfAssessment");
    Map<String, Object> scores = new LinkedHashMap<>();
    for (int area = 1; area <= 5; area++) {
      scores.put("selfArea" + area, value(area == 2 ? 25 : 18));
    }
    assertThat(refusal(post("/task/" + taskOf(pi).getId() + "/complete", scores)))
        .contains("không được lớn hơn 20");
    assertThat(taskOf(pi).getTaskDefinitionKey()).isEqualTo("SelfAssessment");
  }

  @Test
  void districtCannotSelectACommuneOfAnotherDistrict() throws Exception {
    ProcessInstance district = runtime.startProcessInstanceByKey("district-pilot", "339",
        Variables.createVariables().putValue("districtCode", "339")
            .putValue("periodEnd", "2025-12-31").putValue("reportCycle", "P3M"));
    Task task = taskOf(district);
    Map<String, Object> selection = new LinkedHashMap<>();
    selection.put("pilotCommunes", json("[\"12679\",\"12430\"]"));
    selection.put("provincePilots", json("[\"12679\"]"));
    selection.put("selectionRationale", value("Lý do"));
    assertThat(refusal(post("/task/" + task.getId() + "/complete", selection)))
        .contains("giá trị «12430» không có trong danh sách lựa chọn");
    selection.put("pilotCommunes", json("[\"12649\"]"));
    assertThat(refusal(post("/task/" + task.getId() + "/complete", selection)))
        .contains("Xã Chí Hòa (12679) được đánh dấu là thí điểm của tỉnh nhưng chưa được chọn làm xã thí điểm");
    selection.put("pilotCommunes", value("12649"));
    assertThat(refusal(post("/task/" + task.getId() + "/complete", selection))).contains("phải là danh sách");
    assertThat(taskOf(district).getTaskDefinitionKey()).isEqualTo("SelectPilots");
    assertThat(runtime.getVariable(district.getId(), "pilotCommuneCodes")).isNull();
  }

  @Test
  void startingWithBadDataAnswers400NotAServerError() throws Exception {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("commune-pilot").count();
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("communeCode", value("99999"));
    start.put("tier", value("district"));
    start.put("periodEnd", value("2025-12-31"));
    start.put("reportCycle", value("P3M"));
    assertThat(refusal(post("/process-definition/key/commune-pilot/start", start)))
        .contains("Không có xã mã «99999»");
    assertThat(refusal(post("/process-definition/key/commune-pilot/submit-form", start)))
        .contains("Không có xã mã «99999»");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("commune-pilot").count()).isEqualTo(before);
  }
}
