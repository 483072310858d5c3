package vn.thanthien.pilot.reorganisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.ApiClient;
import vn.thanthien.pilot.access.ApiClient.WebSession;

/**
 * Only administrators start the reorganisation of units, over real HTTP with the real filters and
 * grants: the province, a district and a manager are refused with 403 (a commune, which may not
 * even read the definition, with 404) over the REST API and the webapps' own API, by start and by
 * form submission, and Tasklist does not offer it to them; an administrator is offered it.
 * Nothing is started by a refusal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReorganisationAccessTest {

  static final String KEY = "unit-reorganisation";
  static final List<String> OFFICIALS = List.of("tinh34", "huyen339", "xa12679", "quanly");
  /** A commune may not even read the definition: to it, the process does not exist. */
  static final String COMMUNE = "xa12679";
  static final String ENGINE = "/camunda/api/engine/engine/default";
  /** The query Tasklist sends for its "Bắt đầu quy trình" list. */
  static final String STARTABLE = "/process-definition?latest=true&active=true&startableInTasklist=true"
      + "&startablePermissionCheck=true&firstResult=0&maxResults=50";
  /** The start form as an administrator fills it in; honest values, so only the right is missing. */
  static final Map<String, Object> START = Map.of("variables", Map.of(
      "resolutionNumber", Map.of("value", "1201/NQ-UBTVQH15", "type", "String"),
      "resolutionDate", Map.of("value", "2024-09-24", "type", "String"),
      "mappingId", Map.of("value", "2024-11-01", "type", "String")));

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  ApiClient api;

  @BeforeAll
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void officialsAndManagersMayNotStartItOverTheRestApi() {
    for (String user : OFFICIALS) {
      for (String action : List.of("start", "submit-form")) {
        String path = "/engine-rest/process-definition/key/" + KEY + "/" + action;
        assertThat(api.post(user, path, START).status()).as(user + " " + action).isEqualTo(refusal(user));
      }
    }
    assertThat(api.post(null, "/engine-rest/process-definition/key/" + KEY + "/start", START).status())
        .isEqualTo(401);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
  }

  @Test
  void tasklistOffersItToAdministratorsOnly() {
    for (String user : OFFICIALS) {
      WebSession tasklist = api.login(user, "tasklist");
      assertThat(tasklist.login.status()).as(user).isEqualTo(200);
      assertThat(keys(tasklist.get(ENGINE + STARTABLE).json())).as(user).doesNotContain(KEY);
      assertThat(tasklist.post(ENGINE + "/process-definition/key/" + KEY + "/submit-form", START).status())
          .as(user + " through Tasklist's own API").isEqualTo(refusal(user));
    }
    assertThat(keys(api.login("tinh34", "tasklist").get(ENGINE + STARTABLE).json()))
        .as("the province still starts its programme").contains("pilot-programme");
    assertThat(keys(api.login("admin", "tasklist").get(ENGINE + STARTABLE).json())).contains(KEY);
    assertThat(keys(api.get("admin", "/engine-rest" + STARTABLE).json())).contains(KEY);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
  }

  /**
   * The administrator starts it through Tasklist's form: the preview is made and waits for the
   * confirmation, nothing has changed yet; a mapping the application does not know, or a
   * variable the form does not have, is refused in Vietnamese and starts nothing.
   */
  @Test
  void anAdministratorStartsItAndReadsThePreviewBeforeAnythingChanges() {
    WebSession tasklist = api.login("admin", "tasklist");
    ApiClient.Reply started = tasklist.post(ENGINE + "/process-definition/key/" + KEY + "/submit-form", START);
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String id = started.json().path("id").asText();
    try {
      assertThat(runtime.getVariable(id, "mappingName").toString()).contains("01/11/2024");
      assertThat(runtime.getVariable(id, "reorganisationPreview").toString()).contains("UBND xã Quang Trung");
      assertThat(api.get("admin", "/engine-rest/task?processInstanceId=" + id).json().get(0).path("taskDefinitionKey")
          .asText()).isEqualTo("ConfirmReorganisation");
      assertThat(api.get("admin", "/engine-rest/identity/groups?userId=xa12598").body())
          .as("nothing moved before the confirmation").doesNotContain("commune-12589-20241101");
    } finally {
      runtime.deleteProcessInstance(id, "test over");
    }
    Map<String, Object> unknown = Map.of("variables", Map.of(
        "resolutionNumber", Map.of("value", "1/NQ", "type", "String"),
        "resolutionDate", Map.of("value", "2024-09-24", "type", "String"),
        "mappingId", Map.of("value", "2099-01-01", "type", "String")));
    ApiClient.Reply refused = tasklist.post(ENGINE + "/process-definition/key/" + KEY + "/submit-form", unknown);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("Dữ liệu chưa hợp lệ: «Phương án sắp xếp»").doesNotContain("at vn.");
    Map<String, Object> smuggled = Map.of("variables", Map.of(
        "resolutionNumber", Map.of("value", "1/NQ", "type", "String"),
        "resolutionDate", Map.of("value", "2024-09-24", "type", "String"),
        "mappingId", Map.of("value", "2024-11-01", "type", "String"),
        "communeGroup", Map.of("value", "commune-12679", "type", "String")));
    assertThat(tasklist.post(ENGINE + "/process-definition/key/" + KEY + "/submit-form", smuggled).status()).isEqualTo(400);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
  }

  /** 403 to those who may read the definition (province, district, managers); 404 to a commune. */
  private static int refusal(String user) {
    return COMMUNE.equals(user) ? 404 : 403;
  }

  private static List<String> keys(JsonNode definitions) {
    List<String> keys = new ArrayList<>();
    definitions.forEach(d -> keys.add(d.path("key").asText()));
    return keys;
  }
}
