package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * Who may see and do what, over real HTTP with the real filters: every kind of group against
 * every kind of resource, commune A (Chí Hòa) against commune B (Thái Hưng), district X (Hưng Hà)
 * against district Y (Quỳnh Phụ). The subject is Chí Hòa's pilot, waiting for its plan.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixTest {

  static final String COMMUNE_A = "xa12679";
  static final String COMMUNE_B = "xa12649";
  static final String DISTRICT_X = "huyen339";
  static final String DISTRICT_Y = "huyen338";
  static final String PROVINCE = "tinh34";
  static final String MANAGER = "quanly";
  static final String ADMIN = "admin";
  /** Those who may follow Chí Hòa's pilot. */
  static final List<String> READERS = List.of(COMMUNE_A, DISTRICT_X, PROVINCE, MANAGER, ADMIN);
  /** Those who may not see it at all. */
  static final List<String> OUTSIDERS = List.of(COMMUNE_B, DISTRICT_Y);
  /** Those who see it but may not work on Chí Hòa's task. */
  static final List<String> NOT_WORKERS = List.of(COMMUNE_B, DISTRICT_X, DISTRICT_Y, PROVINCE, MANAGER);

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  ApiClient api;
  String chiHoa;
  String chiHoaTask;

  @BeforeAll
  void startChiHoaPilot() {
    api = new ApiClient(port);
    ProcessInstance pilot = runtime.startProcessInstanceByKey("commune-pilot", "12679",
        CommuneInputs.startInput("12679", "province", "2025-12-31"));
    chiHoa = pilot.getId();
    chiHoaTask = tasks.createTaskQuery().processInstanceId(chiHoa).singleResult().getId();
  }

  @Test
  @Order(1)
  void withoutCredentialsEveryResourceAnswers401ButTheEngineList() {
    for (String path : List.of("/engine-rest/task", "/engine-rest/task/" + chiHoaTask,
        "/engine-rest/process-instance/" + chiHoa, "/engine-rest/process-instance/" + chiHoa + "/variables",
        "/engine-rest/history/process-instance", "/engine-rest/deployment", "/engine-rest/process-definition",
        "/engine-rest/user", "/engine-rest/group", "/engine-rest/authorization", "/engine-rest/filter",
        "/engine-rest/decision-definition", "/engine-rest/incident", "/engine-rest/job")) {
      assertThat(api.get(null, path).status()).as(path).isEqualTo(401);
    }
    assertThat(api.post(null, "/engine-rest/task/" + chiHoaTask + "/complete", Map.of()).status()).isEqualTo(401);
    assertThat(api.post(null, "/engine-rest/process-definition/key/pilot-programme/start", Map.of()).status())
        .isEqualTo(401);
    assertThat(api.get(null, "/engine-rest/engine").status()).isEqualTo(200);
    assertThat(api.get(COMMUNE_A, "/engine-rest/task").status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void taskListAndTaskShowOnlyToThoseWhoMayFollowTheCommune() {
    for (String user : READERS) {
      assertThat(api.get(user, "/engine-rest/task?processInstanceId=" + chiHoa).json()).as(user).hasSize(1);
      assertThat(api.get(user, "/engine-rest/task/" + chiHoaTask).status()).as(user).isEqualTo(200);
    }
    for (String user : OUTSIDERS) {
      assertThat(api.get(user, "/engine-rest/task?processInstanceId=" + chiHoa).json()).as(user).isEmpty();
      assertThat(api.get(user, "/engine-rest/task/" + chiHoaTask).status()).as(user).isEqualTo(404);
    }
  }

  @Test
  @Order(3)
  void processInstanceVariablesAndHistoryFollowTheSameLine() {
    String instance = "/engine-rest/process-instance/" + chiHoa;
    for (String user : READERS) {
      assertThat(api.get(user, instance).status()).as(user).isEqualTo(200);
      assertThat(api.get(user, instance + "/variables").status()).as(user).isEqualTo(200);
      assertThat(api.get(user, "/engine-rest/history/process-instance?processInstanceId=" + chiHoa).json())
          .as(user).hasSize(1);
    }
    for (String user : OUTSIDERS) {
      assertThat(api.get(user, instance).status()).as(user).isIn(403, 404);
      assertThat(api.get(user, instance + "/variables").status()).as(user).isIn(403, 404);
      assertThat(api.get(user, "/engine-rest/history/process-instance?processInstanceId=" + chiHoa).json())
          .as(user).isEmpty();
    }
    // Reading is not changing: only an administrator may change variables from outside a task.
    for (String user : List.of(COMMUNE_A, DISTRICT_X, PROVINCE, MANAGER)) {
      assertThat(api.post(user, instance + "/variables",
          Map.of("modifications", Map.of("planArea1", Map.of("value", "sửa ngoài quy trình")))).status())
          .as(user).isEqualTo(403);
    }
  }

  @Test
  @Order(4)
  void onlyTheCommuneWorksOnItsTask() {
    String task = "/engine-rest/task/" + chiHoaTask;
    for (String user : NOT_WORKERS) {
      assertThat(api.post(user, task + "/claim", Map.of("userId", user)).status()).as(user).isIn(403, 404);
      assertThat(api.post(user, task + "/complete", Map.of("variables", plan())).status()).as(user).isIn(403, 404);
    }
    assertThat(tasks.createTaskQuery().taskId(chiHoaTask).singleResult().getAssignee()).isNull();
    assertThat(api.post(COMMUNE_A, task + "/claim", Map.of("userId", COMMUNE_A)).status()).isEqualTo(204);
    vn.thanthien.pilot.evidence.review.TaskFiles.attach(api, COMMUNE_A, chiHoaTask);
    assertThat(api.post(COMMUNE_A, task + "/complete", Map.of("variables", plan())).status()).isEqualTo(204);
    // The next task is the district's review: Hưng Hà works on it, Quỳnh Phụ does not see it.
    String review = tasks.createTaskQuery().processInstanceId(chiHoa).singleResult().getId();
    assertThat(api.get(DISTRICT_Y, "/engine-rest/task/" + review).status()).isEqualTo(404);
    assertThat(api.post(COMMUNE_A, "/engine-rest/task/" + review + "/claim", Map.of("userId", COMMUNE_A)).status())
        .isIn(403, 404);
    assertThat(api.post(DISTRICT_X, "/engine-rest/task/" + review + "/claim", Map.of("userId", DISTRICT_X)).status())
        .isEqualTo(204);
  }

  @Test
  @Order(5)
  void onlyTheProvinceStartsTheProgrammeAndOnlyAnAdministratorDeploys() {
    Map<String, Object> launch = Map.of("variables", Map.of(
        "programmeTitle", Map.of("value", "Chính quyền thân thiện vì nhân dân phục vụ"),
        "decisionNumber", Map.of("value", "08-ĐA/TU"), "decisionDate", Map.of("value", "2023-07-05"),
        "periodStart", Map.of("value", "2023-07-05"), "periodEnd", Map.of("value", "2025-12-31"),
        "reportCycle", Map.of("value", "P3M")));
    String start = "/engine-rest/process-definition/key/pilot-programme/start";
    for (String user : List.of(COMMUNE_A, DISTRICT_X, MANAGER)) {
      assertThat(api.post(user, start, launch).status()).as(user).isIn(403, 404);
    }
    assertThat(api.post(PROVINCE, start, launch).status()).isEqualTo(200);

    for (String user : List.of(COMMUNE_A, DISTRICT_X, PROVINCE, MANAGER)) {
      assertThat(deploy(user).status()).as(user).isEqualTo(403);
    }
    assertThat(deploy(ADMIN).status()).isEqualTo(200);
    assertThat(api.get(MANAGER, "/engine-rest/deployment").json()).isNotEmpty();
    assertThat(api.get(COMMUNE_A, "/engine-rest/deployment").json()).isEmpty();
  }

  @Test
  @Order(6)
  void cockpitIsForManagersDistrictsAndTheProvinceNotForCommunes() {
    for (String user : List.of(MANAGER, DISTRICT_X, PROVINCE, ADMIN)) {
      ApiClient.WebSession cockpit = api.login(user, "cockpit");
      assertThat(cockpit.login.status()).as(user).isEqualTo(200);
      assertThat(cockpit.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").status())
          .as(user).isEqualTo(200);
    }
    for (String user : List.of(COMMUNE_A, COMMUNE_B)) {
      assertThat(api.login(user, "cockpit").login.status()).as(user).isEqualTo(403);
      assertThat(api.login(user, "tasklist").login.status()).as(user).isEqualTo(200);
    }
    assertThat(api.login(MANAGER, "admin").login.status()).isEqualTo(403);
  }

  private ApiClient.Reply deploy(String user) {
    String boundary = "----pilot" + System.nanoTime();
    String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\"probe\" "
        + "isExecutable=\"true\" camunda:historyTimeToLive=\"1\"><startEvent id=\"s\"/></process></definitions>";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe-" + user
        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"probe.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + bpmn + "\r\n--" + boundary + "--\r\n";
    return api.send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)), null);
  }

  private static Map<String, Object> plan() {
    Map<String, Object> plan = new LinkedHashMap<>();
    for (int area = 1; area <= 5; area++) {
      plan.put("planArea" + area, Map.of("value", "Nội dung tiêu chí " + area));
    }
    plan.put("plannedLaunchDate", Map.of("value", "2023-09-01"));
    plan.put("planResponsible", Map.of("value", "Chủ tịch UBND xã"));
    return plan;
  }
}
