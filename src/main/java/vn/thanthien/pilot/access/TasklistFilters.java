package vn.thanthien.pilot.access;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.OrganisationGroups;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * The Tasklist filters officials work with, created or updated at every start, ordered by due
 * date and shared with the groups that need them. What a filter lists is still limited by what
 * the user may read: a commune official's "Việc của đơn vị tôi" shows only the commune's tasks.
 */
@Component
@Order(2)
public class TasklistFilters implements ApplicationRunner {

  /** The first filter an official sees. */
  public static final String UNIT_WORK = "Việc cần làm";

  /** The commune-pilot's work. */
  static final String COMMUNE_WORK = "Việc cấp xã";
  /** The programme's own work. */
  static final String PROVINCE_WORK = "Việc cấp tỉnh";
  /** The district-pilot's work, in the map with districts. */
  static final String DISTRICT_WORK = "Việc cấp huyện";
  /** The same work in the two-tier map, where the province (or a body of it) does it. */
  static final String DISTRICT_WORK_TWO_TIER = "Việc thí điểm và nhân rộng";

  /** The filters of the levels' work, under any of their names. */
  static final List<String> LEVEL_FILTERS = List.of(COMMUNE_WORK, DISTRICT_WORK, DISTRICT_WORK_TWO_TIER, PROVINCE_WORK);

  private final FilterService filters;
  private final TaskService tasks;
  private final AuthorizationService authorizations;
  private final UnitDirectory units;

  public TasklistFilters(FilterService filters, TaskService tasks,
      AuthorizationService authorizations, UnitDirectory units) {
    this.filters = filters;
    this.tasks = tasks;
    this.authorizations = authorizations;
    this.units = units;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> everyone = List.of(Grants.EVERYONE);
    List<String> overseers = new ArrayList<>();
    units.allUnits().stream()
        .filter(u -> u.level() != AdministrativeUnit.Level.COMMUNE)
        .map(AdministrativeUnit::groupId)
        // a provincial body may work under its province's group (two-tier map)
        .distinct()
        .forEach(overseers::add);
    overseers.add(OrganisationGroups.MANAGERS);

    // First after login: the work waiting for this official — taken by them, or offered to
    // their unit and not yet taken by anyone — the most urgent first.
    save(UNIT_WORK, -21, "Công việc tôi đã nhận và công việc giao cho đơn vị tôi chưa có người nhận",
        everyone, query().or()
            .taskAssigneeExpression("${currentUser()}")
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .endOr());
    save("Việc của tôi", -20, "Công việc tôi đã nhận", everyone,
        query().taskAssigneeExpression("${currentUser()}"));
    save("Việc của đơn vị tôi", -19, "Mọi công việc giao cho đơn vị tôi, kể cả việc đồng nghiệp đã nhận", everyone,
        query().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
    save("Việc quá hạn", -18, "Công việc đã quá hạn xử lý", everyone,
        query().dueBeforeExpression("${now()}"));
    save("Đến hạn trong tuần", -17, "Công việc đến hạn xử lý trong 7 ngày tới", everyone,
        query().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(7).toDate()}"));
    save("Cần theo dõi", -16, "Công việc đã đến ngày theo dõi", everyone,
        query().followUpBeforeExpression("${now()}"));
    save(COMMUNE_WORK, -10, "Công việc của các xã (thí điểm và nhân rộng)", overseers,
        query().processDefinitionKey("commune-pilot"));
    // Without districts (two-tier map) the province does their work: the filter says what it holds.
    boolean twoTier = units.allUnits().stream()
        .filter(u -> u.level() == AdministrativeUnit.Level.DISTRICT)
        .allMatch(AdministrativeUnit::isProvincialBody);
    save(twoTier ? DISTRICT_WORK_TWO_TIER : DISTRICT_WORK, twoTier ? DISTRICT_WORK : DISTRICT_WORK_TWO_TIER, -9,
        twoTier ? "Chọn xã thí điểm, duyệt kế hoạch, thẩm định, rút kinh nghiệm và nhân rộng"
            + " (trước đây do cấp huyện thực hiện)" : "Công việc của các huyện",
        overseers, query().processDefinitionKey("district-pilot"));
    save(PROVINCE_WORK, -8, "Công việc của tỉnh", overseers,
        query().processDefinitionKey(AccessModelSeeder.PROGRAMME_KEY));
    save("Tất cả công việc", 0, "Mọi công việc chưa hoàn thành", List.of(OrganisationGroups.MANAGERS,
        Groups.CAMUNDA_ADMIN), query());
  }

  /**
   * Shares the filters of the levels' work ("Việc cấp xã", "Việc cấp huyện" or its two-tier name,
   * "Việc cấp tỉnh") with a group that oversees communes and came into being after the start: the
   * successor of a district or province a reorganisation created.
   */
  public void shareWithOverseer(String groupId) {
    for (String name : LEVEL_FILTERS) {
      Filter filter = filters.createFilterQuery().filterName(name).singleResult();
      if (filter != null) {
        Grants.grant(authorizations, groupId, Resources.FILTER, filter.getId(), READ);
      }
    }
  }

  private TaskQuery query() {
    return tasks.createTaskQuery();
  }

  private void save(String name, int priority, String description, List<String> sharedWith, TaskQuery query) {
    save(name, null, priority, description, sharedWith, query);
  }

  /** Creates or updates the filter {@code name}; one saved as {@code formerName} is renamed. */
  private void save(String name, String formerName, int priority, String description, List<String> sharedWith,
      TaskQuery query) {
    query.orderByDueDate().asc();
    Filter filter = filters.createFilterQuery().filterName(name).singleResult();
    if (filter == null && formerName != null) {
      filter = filters.createFilterQuery().filterName(formerName).singleResult();
    }
    if (filter == null) {
      filter = filters.newTaskFilter(name);
    }
    filter.setName(name);
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", description);
    properties.put("priority", priority);
    properties.put("refresh", true);
    filter.setProperties(properties);
    filter.setQuery(query);
    filter = filters.saveFilter(filter);
    for (String group : sharedWith) {
      Grants.grant(authorizations, group, Resources.FILTER, filter.getId(), READ);
    }
  }
}
