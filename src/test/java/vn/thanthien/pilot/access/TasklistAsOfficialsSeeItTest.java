package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.process.CommuneInputs;

/**
 * Tasklist and Cockpit as officials see them, through the webapps' own API with a logged-in
 * session: the filters each one gets and what they list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistAsOfficialsSeeItTest {

  static final String ENGINE = "/camunda/api/engine/engine/default";
  static final List<String> EVERYONES_FILTERS = List.of("Việc cần làm", "Việc của tôi", "Việc của đơn vị tôi", "Việc quá hạn",
      "Đến hạn trong tuần", "Cần theo dõi");
  static final List<String> LEVEL_FILTERS = List.of("Việc cấp xã", "Việc cấp huyện", "Việc cấp tỉnh");

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.FilterService filterService;
  @Autowired TasklistFilters tasklistFilters;
  ApiClient api;
  String chiHoa;
  String quynhPhuCommune;

  @BeforeAll
  void startPilots() {
    api = new ApiClient(port);
    chiHoa = startCommune("12679").getId();
    startCommune("12649");
    quynhPhuCommune = startCommune("12475").getId();
    runtime.startProcessInstanceByKey("district-pilot", "339", Variables.createVariables()
        .putValue("districtCode", "339").putValue("periodEnd", "2025-12-31").putValue("reportCycle", "P3M"));
  }

  private ProcessInstance startCommune(String code) {
    return runtime.startProcessInstanceByKey("commune-pilot", code,
        CommuneInputs.startInput(code, "district", "2025-12-31"));
  }

  private static List<String> names(JsonNode filters) {
    List<String> names = new ArrayList<>();
    filters.forEach(f -> names.add(f.path("name").asText()));
    return names;
  }

  private static String idOf(JsonNode filters, String name) {
    for (JsonNode filter : filters) {
      if (name.equals(filter.path("name").asText())) {
        return filter.path("id").asText();
      }
    }
    throw new AssertionError("no filter " + name);
  }

  private String businessKeyOf(JsonNode task) {
    return runtime.createProcessInstanceQuery().processInstanceId(task.path("processInstanceId").asText())
        .singleResult().getBusinessKey();
  }

  private static void assertSortedByDueDate(JsonNode list) {
    List<String> due = new ArrayList<>();
    list.forEach(t -> due.add(t.path("due").asText()));
    assertThat(due).isSorted();
  }

  @Test
  void theFirstFilterHoldsTheOfficialsOwnTasksAndTheUnitsTasksNobodyHasTaken() {
    ApiClient.WebSession tasklist = api.login("xa12679", "tasklist");
    JsonNode filters = tasklist.get(ENGINE + "/filter?resourceType=Task").json();
    List<JsonNode> byPriority = new ArrayList<>();
    filters.forEach(byPriority::add);
    byPriority.sort(java.util.Comparator.comparingInt(f -> f.path("properties").path("priority").asInt()));
    assertThat(byPriority.get(0).path("name").asText()).as("Tasklist opens the first filter").isEqualTo("Việc cần làm");
    String first = ENGINE + "/filter/" + byPriority.get(0).path("id").asText();
    String unitFilter = ENGINE + "/filter/" + idOf(filters, "Việc của đơn vị tôi");
    String task = tasks.createTaskQuery().processInstanceId(chiHoa).singleResult().getId();
    try {
      assertThat(ids(tasklist.post(first + "/list", Map.of()).json())).contains(task);
      assertThat(tasklist.get(first + "/count").json().path("count").asLong())
          .isEqualTo(tasklist.post(first + "/list", Map.of()).json().size());
      tasks.setAssignee(task, "xa12646"); // taken by someone else: not waiting for this official
      assertThat(ids(tasklist.post(first + "/list", Map.of()).json())).doesNotContain(task);
      assertThat(ids(tasklist.post(unitFilter + "/list", Map.of()).json())).contains(task);
      tasks.setAssignee(task, "xa12679"); // taken by this official
      assertThat(ids(tasklist.post(first + "/list", Map.of()).json())).contains(task);
    } finally {
      tasks.setAssignee(task, null);
    }
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(t -> ids.add(t.path("id").asText()));
    return ids;
  }

  @Test
  void aChiHoaOfficialSeesOnlyChiHoasTasks() {
    ApiClient.WebSession tasklist = api.login("xa12679", "tasklist");
    JsonNode filters = tasklist.get(ENGINE + "/filter?resourceType=Task").json();
    assertThat(names(filters)).containsAll(EVERYONES_FILTERS).doesNotContainAnyElementsOf(LEVEL_FILTERS)
        .doesNotContain("Tất cả công việc");
    JsonNode unit = tasklist.post(ENGINE + "/filter/" + idOf(filters, "Việc của đơn vị tôi") + "/list", Map.of()).json();
    assertThat(unit).isNotEmpty();
    unit.forEach(task -> assertThat(businessKeyOf(task)).isEqualTo("12679"));
    assertSortedByDueDate(unit);
    for (String name : EVERYONES_FILTERS) {
      tasklist.post(ENGINE + "/filter/" + idOf(filters, name) + "/list", Map.of()).json()
          .forEach(task -> assertThat(businessKeyOf(task)).as(name).isEqualTo("12679"));
    }
  }

  @Test
  void aHungHaOfficialSeesTheDistrictsWorkAndFollowsChiHoaReadOnly() {
    ApiClient.WebSession tasklist = api.login("huyen339", "tasklist");
    JsonNode filters = tasklist.get(ENGINE + "/filter?resourceType=Task").json();
    assertThat(names(filters)).containsAll(EVERYONES_FILTERS).containsAll(LEVEL_FILTERS);

    JsonNode unit = tasklist.post(ENGINE + "/filter/" + idOf(filters, "Việc của đơn vị tôi") + "/list", Map.of()).json();
    List<String> unitTasks = new ArrayList<>();
    unit.forEach(t -> unitTasks.add(t.path("taskDefinitionKey").asText()));
    assertThat(unitTasks).contains("SelectPilots");
    unit.forEach(task -> assertThat(tasks.createTaskQuery().taskId(task.path("id").asText())
        .taskCandidateGroup("district-339").includeAssignedTasks().count()).isEqualTo(1));

    JsonNode communes = tasklist.post(ENGINE + "/filter/" + idOf(filters, "Việc cấp xã") + "/list", Map.of()).json();
    List<String> keys = new ArrayList<>();
    communes.forEach(task -> keys.add(businessKeyOf(task)));
    assertThat(keys).contains("12679", "12649").doesNotContain("12475");
    assertSortedByDueDate(communes);

    String chiHoaTask = tasks.createTaskQuery().processInstanceId(chiHoa).singleResult().getId();
    assertThat(tasklist.get(ENGINE + "/process-instance/" + chiHoa).status()).isEqualTo(200);
    assertThat(tasklist.get(ENGINE + "/task/" + chiHoaTask + "/form-variables").status()).isEqualTo(200);
    assertThat(tasklist.post(ENGINE + "/task/" + chiHoaTask + "/claim", Map.of("userId", "huyen339")).status())
        .isEqualTo(403);
    assertThat(tasklist.get(ENGINE + "/process-instance/" + quynhPhuCommune).status()).isIn(403, 404);
  }

  @Test
  void aDatabaseLastStartedWithTheTwoTierMapGetsItsDistrictFilterBack() {
    // as the 2025 map left it: the district-pilot's work under the two-tier name
    org.camunda.bpm.engine.filter.Filter district = filterService.createFilterQuery()
        .filterName(TasklistFilters.DISTRICT_WORK).singleResult();
    filterService.saveFilter(district.setName(TasklistFilters.DISTRICT_WORK_TWO_TIER));
    try {
      tasklistFilters.run(null);
      assertThat(filterService.createFilterQuery().filterName(TasklistFilters.DISTRICT_WORK).list())
          .extracting(org.camunda.bpm.engine.filter.Filter::getId).containsExactly(district.getId());
      assertThat(filterService.createFilterQuery().filterName(TasklistFilters.DISTRICT_WORK_TWO_TIER).count()).isZero();
    } finally {
      filterService.saveFilter(filterService.getFilter(district.getId()).setName(TasklistFilters.DISTRICT_WORK));
    }
  }

  @Test
  void anOfficialMayNeitherMoveTheDeadlineNorHandTheTaskOnSoTasklistDoesNotOfferIt() {
    ApiClient.WebSession tasklist = api.login("xa12679", "tasklist");
    String task = tasks.createTaskQuery().processInstanceId(chiHoa).singleResult().getId();
    String check = ENGINE + "/authorization/check?resourceName=Task&resourceType=7&permissionName=";
    // what scripts/unavailable-actions.js asks before it shows the editing of dates and people
    assertThat(tasklist.get(check + "TASK_WORK&resourceId=" + task).json().path("authorized").asBoolean()).isTrue();
    assertThat(tasklist.get(check + "TASK_ASSIGN&resourceId=" + task).json().path("authorized").asBoolean()).isFalse();
    assertThat(tasklist.get(check + "UPDATE&resourceId=" + task).json().path("authorized").asBoolean()).isFalse();
    // and what the engine would answer had Tasklist offered it
    tasks.claim(task, "xa12679");
    try {
      Map<String, Object> moved = new java.util.HashMap<>();
      moved.put("name", "Xây dựng kế hoạch thực hiện mô hình");
      moved.put("assignee", "xa12679");
      moved.put("priority", 50);
      moved.put("due", null);
      assertThat(tasklist.put(ENGINE + "/task/" + task, moved).status()).isEqualTo(403);
      assertThat(tasklist.post(ENGINE + "/task/" + task + "/delegate", Map.of("userId", "xa12646")).status())
          .isEqualTo(403);
      assertThat(tasks.createTaskQuery().taskId(task).singleResult().getDueDate()).isNotNull();
    } finally {
      tasks.setAssignee(task, null);
    }
    // the district follows Chí Hòa's task but may not take it; it reads to whom it is offered
    ApiClient.WebSession district = api.login("huyen339", "tasklist");
    assertThat(district.get(check + "TASK_WORK&resourceId=" + task).json().path("authorized").asBoolean()).isFalse();
    assertThat(district.get(ENGINE + "/group/commune-12679").json().path("name").asText()).isEqualTo("UBND xã Chí Hòa");
    assertThat(district.put(ENGINE + "/group/commune-12679", Map.of("id", "commune-12679", "name", "x")).status())
        .isEqualTo(403);
    assertThat(district.get(ENGINE + "/user?memberOfGroup=commune-12679").json()).isEmpty();
  }

  @Test
  void aManagerSeesEveryRunningInstanceInCockpitAndCannotCompleteATask() {
    ApiClient.WebSession cockpit = api.login("quanly", "cockpit");
    assertThat(cockpit.login.status()).isEqualTo(200);
    long all = runtime.createProcessInstanceQuery().count();
    assertThat(cockpit.get(ENGINE + "/process-instance/count").json().path("count").asLong()).isEqualTo(all);
    assertThat(cockpit.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics").json())
        .isNotEmpty();
    String chiHoaTask = tasks.createTaskQuery().processInstanceId(chiHoa).singleResult().getId();
    assertThat(cockpit.post(ENGINE + "/task/" + chiHoaTask + "/complete", Map.of("variables", Map.of())).status())
        .isEqualTo(403);
    assertThat(cockpit.put(ENGINE + "/process-instance/" + chiHoa + "/suspended", Map.of("suspended", true)).status())
        .isEqualTo(403);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(chiHoa).singleResult().isSuspended()).isFalse();
    assertThat(tasks.createTaskQuery().taskId(chiHoaTask).count()).isEqualTo(1);
  }
}
