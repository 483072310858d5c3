package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * A claim names only the caller, over real HTTP on both APIs ({@code /engine-rest} with HTTP Basic,
 * the webapps' {@code /camunda/api/engine} with a session and CSRF token): an official cannot hand
 * a task to an official of another district, to a colleague or to nobody; everything else that
 * changes who holds a task is refused in Vietnamese; a stuck claim (a holder who no longer exists or
 * was moved to another unit) does not block the unit; a colleague's task is taken over only with
 * "Nhận lại việc", recorded in history; a district cannot hand its follow-up of late work to the
 * late commune. Never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnClaimsTest {

  static final String ENGINE_API = "/camunda/api/engine/engine/default";
  static final String CHI_HOA = "12679";
  static final String OFFICIAL = "xa12679";
  /** A second official of Chí Hòa, created by the test. */
  static final String COLLEAGUE = "xa12679dong";
  /** An official of Chí Hòa who moves to Thái Hưng. */
  static final String MOVER = "xa12679chuyen";
  static final String OTHER_DISTRICT = "huyen340";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  ApiClient api;

  /** The two ways in: the REST API and the webapps' own API (Tasklist's). */
  enum Api { REST, WEBAPP }

  @BeforeAll
  void officials() {
    api = new ApiClient(port);
    for (String id : List.of(COLLEAGUE, MOVER)) {
      if (identity.createUserQuery().userId(id).count() == 0) {
        User user = identity.newUser(id);
        user.setFirstName("Cán bộ");
        user.setLastName(id);
        user.setPassword(ApiClient.PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, "commune-" + CHI_HOA);
      }
    }
  }

  /** The shared context's other tests count Chí Hòa's officials: leave it with its own. */
  @AfterAll
  void officialsLeave() {
    List.of(COLLEAGUE, MOVER).forEach(identity::deleteUser);
  }

  /** Takes the task for {@code user}, as Tasklist's "Nhận việc" does. */
  private void claim(String user, String task) {
    ApiClient.Reply reply = api.post(user, "/engine-rest/task/" + task + "/claim", Map.of("userId", user));
    assertThat(reply.status()).as(user + " claims " + reply.body()).isEqualTo(204);
  }

  private String chiHoaDraftPlan() {
    String pilot = runtime.startProcessInstanceByKey("commune-pilot", CHI_HOA,
        CommuneInputs.startInput(CHI_HOA, "province", "2025-12-31")).getId();
    return tasks.createTaskQuery().processInstanceId(pilot).singleResult().getId();
  }

  private ApiClient.Reply post(Api way, String user, String path, Object body) {
    return way == Api.REST ? api.post(user, "/engine-rest" + path, body)
        : api.login(user, "tasklist").post(ENGINE_API + path, body);
  }

  private ApiClient.Reply put(Api way, String user, String path, Object body) {
    if (way == Api.WEBAPP) {
      return api.login(user, "tasklist").put(ENGINE_API + path, body);
    }
    return api.send(user, java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/engine-rest" + path))
        .header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
            .valueToTree(body).toString())), null);
  }

  private String assignee(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee();
  }

  private List<String> links(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .map(link -> link.getType() + ":" + Objects.requireNonNullElse(link.getGroupId(), link.getUserId()))
        .sorted().toList();
  }

  /** Refused with a Vietnamese 403 that names no Java class and no Camunda permission. */
  private static void assertRefused(ApiClient.Reply reply, String what, String message) {
    assertThat(reply.status()).as(what + " " + reply.body()).isEqualTo(403);
    assertThat(reply.json().path("message").asText()).as(what).contains(message)
        .doesNotContain("Exception").doesNotContain("TASK_");
  }

  @Test
  void aClaimForAnyoneButTheCallerIsRefusedOnBothApisAndChangesNothing() {
    String task = chiHoaDraftPlan();
    for (Api way : Api.values()) {
      for (String someoneElse : List.of(OTHER_DISTRICT, "khongtontai", COLLEAGUE)) {
        ApiClient.Reply reply = post(way, OFFICIAL, "/task/" + task + "/claim", Map.of("userId", someoneElse));
        assertRefused(reply, way + " claim for " + someoneElse, "Chỉ được nhận việc cho chính mình");
        assertThat(assignee(task)).as(way + " " + someoneElse).isNull();
      }
    }
    assertThat(api.get(OTHER_DISTRICT, "/engine-rest/task/" + task).status())
        .as("the other district still sees nothing of the commune's task").isEqualTo(404);

    assertThat(post(Api.WEBAPP, OFFICIAL, "/task/" + task + "/claim", Map.of("userId", OFFICIAL)).status())
        .as("the official's own claim").isEqualTo(204);
    assertThat(assignee(task)).isEqualTo(OFFICIAL);
  }

  @Test
  void whatElseChangesWhoHoldsOrIsOfferedATaskIsRefusedInVietnamese() {
    String task = chiHoaDraftPlan();
    claim(OFFICIAL, task);
    List<String> before = links(task);
    String path = "/task/" + task;
    for (Api way : Api.values()) {
      for (String official : List.of(OFFICIAL, COLLEAGUE)) {
        String as = way + " " + official + " ";
        assertRefused(post(way, official, path + "/assignee", Map.of("userId", OTHER_DISTRICT)), as + "assignee",
            "Không được giao việc cho người khác");
        assertRefused(post(way, official, path + "/delegate", Map.of("userId", COLLEAGUE)), as + "delegate",
            "Không được giao việc cho người khác");
        for (Map<String, String> link : List.of(Map.of("userId", OTHER_DISTRICT, "type", "candidate"),
            Map.of("groupId", "district-340", "type", "candidate"), Map.of("userId", OTHER_DISTRICT, "type", "assignee"),
            Map.of("userId", OTHER_DISTRICT, "type", "owner"))) {
          assertRefused(post(way, official, path + "/identity-links", link), as + "add " + link,
              "Không được giao việc cho người khác");
        }
        assertRefused(post(way, official, path + "/identity-links/delete",
            Map.of("groupId", "commune-" + CHI_HOA, "type", "candidate")), as + "delete candidate group",
            "Không được giao việc cho người khác");
        assertRefused(put(way, official, path, Map.of("name", "Xây dựng kế hoạch", "assignee", OTHER_DISTRICT,
            "owner", OTHER_DISTRICT)), as + "update", "Không được tạo hay sửa công việc");
      }
      // a colleague's task is not given back by someone else, neither by unclaim nor by a claim without user
      assertRefused(post(way, COLLEAGUE, path + "/unclaim", Map.of()), way + " unclaim", "Chỉ người đang xử lý");
      assertRefused(post(way, COLLEAGUE, path + "/claim", Map.of()), way + " claim without user",
          "Chỉ người đang xử lý");
    }
    // an assignee with a group is not a question anybody can ask: 400, not 500
    ApiClient.Reply groupAssignee = api.post(OFFICIAL, "/engine-rest" + path + "/identity-links",
        Map.of("groupId", "district-340", "type", "assignee"));
    assertThat(groupAssignee.status()).as(groupAssignee.body()).isIn(400, 403);
    assertThat(assignee(task)).isEqualTo(OFFICIAL);
    assertThat(links(task)).isEqualTo(before);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getOwner()).isNull();
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getName()).isNotEqualTo("Xây dựng kế hoạch");

    // the holder gives it back ("Bỏ nhận việc"), as Tasklist's button does
    assertThat(post(Api.WEBAPP, OFFICIAL, path + "/unclaim", Map.of()).status()).isEqualTo(204);
    assertThat(assignee(task)).isNull();
  }

  @Test
  void aColleaguesTaskIsTakenOverOnlyWithNhanLaiViecAndHistorySaysWhoTookItFromWhom() {
    String task = chiHoaDraftPlan();
    claim(OFFICIAL, task);
    for (Api way : Api.values()) {
      ApiClient.Reply plain = post(way, COLLEAGUE, "/task/" + task + "/claim", Map.of("userId", COLLEAGUE));
      assertThat(plain.status()).as(way + " " + plain.body()).isEqualTo(409);
      assertThat(plain.json().path("message").asText()).contains("Nhận lại việc");
      assertThat(assignee(task)).isEqualTo(OFFICIAL);
    }
    // a district that follows the commune's task may not take it over
    assertRefused(post(Api.REST, "huyen339", "/task/" + task + "/assignee", Map.of("userId", "huyen339")),
        "district", "không thuộc nhóm có thể nhận việc");
    assertThat(post(Api.WEBAPP, COLLEAGUE, "/task/" + task + "/assignee", Map.of("userId", COLLEAGUE)).status())
        .as("Nhận lại việc").isEqualTo(204);
    assertThat(assignee(task)).isEqualTo(COLLEAGUE);
    UserOperationLogEntry taken = history.createUserOperationLogQuery().taskId(task)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_ASSIGN).singleResult();
    assertThat(taken.getUserId()).isEqualTo(COLLEAGUE);
    assertThat(taken.getOrgValue()).isEqualTo(OFFICIAL);
    assertThat(taken.getNewValue()).isEqualTo(COLLEAGUE);
    // the former holder still works on it through the unit, as any member does
    assertThat(api.get(OFFICIAL, "/engine-rest/task/" + task).status()).isEqualTo(200);
  }

  @Test
  void aStuckClaimDoesNotBlockTheUnit() {
    // held by a user who does not exist (an administrator may claim for anyone)
    String task = chiHoaDraftPlan();
    assertThat(api.post("admin", "/engine-rest/task/" + task + "/claim", Map.of("userId", "khongtontai")).status())
        .isEqualTo(204);
    assertThat(assignee(task)).isEqualTo("khongtontai");
    for (Api way : Api.values()) {
      ApiClient.Reply outsider = post(way, "xa12649", "/task/" + task + "/claim", Map.of("userId", "xa12649"));
      assertThat(outsider.status()).as("another commune " + outsider.body()).isIn(403, 404);
    }
    assertThat(post(Api.WEBAPP, OFFICIAL, "/task/" + task + "/claim", Map.of("userId", OFFICIAL)).status())
        .as("the unit's own claim replaces a holder who does not exist").isEqualTo(204);
    assertThat(assignee(task)).isEqualTo(OFFICIAL);

    // held by an official who has moved to another commune
    String other = chiHoaDraftPlan();
    claim(MOVER, other);
    identity.deleteMembership(MOVER, "commune-" + CHI_HOA);
    identity.createMembership(MOVER, "commune-12649");
    try {
      assertThat(api.post(COLLEAGUE, "/engine-rest/task/" + other + "/claim", Map.of("userId", COLLEAGUE)).status())
          .as("a holder of another unit is replaced by a plain claim").isEqualTo(204);
      assertThat(assignee(other)).isEqualTo(COLLEAGUE);
      assertThat(api.get(MOVER, "/engine-rest/task/" + other).status())
          .as("who moved away no longer reads the task they held").isEqualTo(404);
      assertThat(api.post(MOVER, "/engine-rest/task/" + other + "/complete",
          Map.of("variables", Map.of())).status()).as("nor completes it").isIn(403, 404);
    } finally {
      identity.deleteMembership(MOVER, "commune-12649");
      identity.createMembership(MOVER, "commune-" + CHI_HOA);
    }
  }

  @Test
  void anAdministratorMayClaimForAnyone() {
    String task = chiHoaDraftPlan();
    assertThat(post(Api.WEBAPP, "admin", "/task/" + task + "/claim", Map.of("userId", COLLEAGUE)).status())
        .isEqualTo(204);
    assertThat(assignee(task)).isEqualTo(COLLEAGUE);
    ApiClient.Reply held = api.post("admin", "/engine-rest/task/" + task + "/claim", Map.of("userId", OFFICIAL));
    assertThat(held.status()).as("a held task is reassigned, not claimed: " + held.body()).isNotEqualTo(500);
  }

  @Test
  void theDistrictCannotHandItsFollowUpOfLateWorkToTheLateCommune() {
    String late = chiHoaDraftPlan();
    String followUp = LateWork.followUpOf(late, runtime, tasks, management);
    assertThat(links(followUp)).containsExactly("candidate:district-339");
    for (Api way : Api.values()) {
      assertRefused(post(way, "huyen339", "/task/" + followUp + "/claim", Map.of("userId", OFFICIAL)),
          way + " claim", "Chỉ được nhận việc cho chính mình");
      assertRefused(post(way, "huyen339", "/task/" + followUp + "/assignee", Map.of("userId", OFFICIAL)),
          way + " assignee", "Không được giao việc cho người khác");
      assertRefused(post(way, "huyen339", "/task/" + followUp + "/identity-links",
          Map.of("groupId", "commune-" + CHI_HOA, "type", "candidate")), way + " candidate group",
          "Không được giao việc cho người khác");
    }
    assertThat(assignee(followUp)).isNull();
    assertThat(links(followUp)).containsExactly("candidate:district-339");
    assertThat(api.get(OFFICIAL, "/engine-rest/task/" + followUp).status()).isEqualTo(404);
    assertThat(api.post(OFFICIAL, "/engine-rest/task/" + followUp + "/complete",
        Map.of("variables", Map.of("followUpNote", Map.of("value", "Đã đôn đốc")))).status()).isIn(403, 404);
    assertThat(api.post("huyen339", "/engine-rest/task/" + followUp + "/claim", Map.of("userId", "huyen339")).status())
        .isEqualTo(204);
  }
}
