package vn.thanthien.pilot.reorganisation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.access.AccessModelSeeder;
import vn.thanthien.pilot.access.Grants;
import vn.thanthien.pilot.access.ProvinceTenants;
import vn.thanthien.pilot.access.TasklistFilters;
import vn.thanthien.pilot.forms.FormValues;
import vn.thanthien.pilot.forms.ValidationProblems;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.OrganisationGroups;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.organisation.UnitMapping;
import vn.thanthien.pilot.organisation.UnitMappings;

/**
 * Carries running work over to the units a reorganisation created: the successors' groups exist
 * with the officials of the units they replace; every open task offered to a group of a unit that
 * ended is offered to its successor's group instead; every variable the models route on
 * ({@value #GROUP_VARIABLES_TEXT}) that names such a group names the successor's, so later tasks go
 * there too; the successor's group may read the instances it takes over (their grants, and the
 * tenants of its predecessors' provinces besides its own: {@link ProvinceTenants}). Business keys, names and
 * history stay as they were: a pilot's results remain readable under the old unit's name. The
 * groups of units that ended stay (readable history) with the day they ended in their name, and
 * receive no new work. Applying the same reorganisation again finds nothing left to move.
 */
@Component
public class Reorganisation {

  /** Variables that hold a candidate group, in every model. */
  static final List<String> GROUP_VARIABLES = List.of("communeGroup", "districtGroup", "provinceGroup",
      "appraiserGroup", "followUpGroup");
  static final String GROUP_VARIABLES_TEXT = "communeGroup, districtGroup, provinceGroup, appraiserGroup, followUpGroup";

  private final UnitMappings mappings;
  private final UnitDirectory units;
  private final AccessModelSeeder access;
  private final TasklistFilters filters;
  private final ProvinceTenants tenants;

  public Reorganisation(UnitMappings mappings, UnitDirectory units, AccessModelSeeder access,
      TasklistFilters filters, ProvinceTenants tenants) {
    this.mappings = mappings;
    this.units = units;
    this.access = access;
    this.filters = filters;
    this.tenants = tenants;
  }

  /** What a reorganisation would move now. */
  public record Plan(GroupSuccession succession, List<Task> tasks, List<VariableInstance> variables,
      Map<AdministrativeUnit, List<String>> successorGroups, Set<String> missingGroups, Set<String> instances) {

    /** Tasks and routing variables to move; zero once applied. */
    public int moves() {
      return tasks.size() + variables.size();
    }
  }

  public UnitMappings mappings() {
    return mappings;
  }

  /**
   * Successors of this reorganisation that the installation's unit list already holds as its own
   * units (same code, same name, the list's group): the list dates from after the change (the
   * 2025 map holds Xã Long Hưng as {@code commune-12613}), and applying it would retire the
   * groups officials work in today.
   */
  private List<AdministrativeUnit> alreadyInUnitList(UnitMapping mapping) {
    return mapping.successors().stream()
        .filter(successor -> (successor.level() == AdministrativeUnit.Level.PROVINCE
            ? units.province(successor.code()) : units.commune(successor.code()))
            .filter(own -> own.name().equals(successor.name()) && !own.groupId().equals(successor.groupId()))
            .isPresent())
        .toList();
  }

  /**
   * What this reorganisation would move now. Refused (nothing changes) when the unit list already
   * reflects it, or when no unit of the list (or of an earlier reorganisation) ends or moves with it.
   */
  public Plan plan(UnitMapping mapping, ProcessEngineServices engine) {
    List<AdministrativeUnit> already = alreadyInUnitList(mapping);
    if (!already.isEmpty()) {
      AdministrativeUnit example = already.get(0);
      throw ValidationProblems.reject("Danh mục đơn vị hành chính hệ thống đang dùng đã là danh mục từ ngày "
          + FormValues.display(mapping.effective()) + " (đã có " + example.name() + ", mã " + example.code()
          + ", và " + (already.size() - 1) + " đơn vị kế thừa khác): phương án «" + mapping.name()
          + "» đã được thể hiện trong danh mục này, không áp dụng lại");
    }
    GroupSuccession succession = GroupSuccession.of(mapping, mappings, units);
    if (succession.moves().isEmpty()) {
      throw ValidationProblems.reject("Phương án «" + mapping.name() + "» không liên quan đến đơn vị nào trong danh"
          + " mục đơn vị hành chính hệ thống đang dùng: không có gì để sắp xếp");
    }
    Set<String> oldGroups = succession.moves().keySet();
    List<Task> tasks = engine.getTaskService().createTaskQuery()
        .taskCandidateGroupIn(List.copyOf(oldGroups)).includeAssignedTasks().list();
    List<VariableInstance> variables = new ArrayList<>();
    for (VariableInstance variable : engine.getRuntimeService().createVariableInstanceQuery()
        .variableNameIn(GROUP_VARIABLES.toArray(String[]::new)).list()) {
      if (variable.getValue() instanceof String group && oldGroups.contains(group)) {
        variables.add(variable);
      }
    }
    Map<AdministrativeUnit, List<String>> successorGroups = new LinkedHashMap<>();
    succession.moves().forEach((old, successor) ->
        successorGroups.computeIfAbsent(successor, s -> new ArrayList<>()).add(old));
    Set<String> existing = new HashSet<>();
    List<String> wanted = successorGroups.keySet().stream().map(AdministrativeUnit::groupId).toList();
    engine.getIdentityService().createGroupQuery().groupIdIn(wanted.toArray(String[]::new)).list()
        .forEach(group -> existing.add(group.getId()));
    Set<String> missing = new LinkedHashSet<>(wanted);
    missing.removeAll(existing);
    Set<String> instances = new LinkedHashSet<>();
    tasks.forEach(task -> instances.add(task.getProcessInstanceId()));
    variables.forEach(variable -> instances.add(variable.getProcessInstanceId()));
    return new Plan(succession, tasks, variables, successorGroups, missing, instances);
  }

  /** Applies the plan; returns how many tasks and variables it moved. */
  public int apply(Plan plan, ProcessEngineServices engine) {
    GroupSuccession succession = plan.succession();
    String endedOn = FormValues.display(succession.mapping().effective().minusDays(1));
    IdentityService identity = engine.getIdentityService();
    plan.successorGroups().forEach((successor, predecessors) -> {
      ensureGroup(identity, successor);
      access.grantLevel(successor);
      if (successor.level() != AdministrativeUnit.Level.COMMUNE) {
        filters.shareWithOverseer(successor.groupId());
      }
      for (String old : predecessors) {
        for (User official : identity.createUserQuery().memberOfGroup(old).list()) {
          if (identity.createUserQuery().userId(official.getId()).memberOfGroup(successor.groupId()).count() == 0) {
            identity.createMembership(official.getId(), successor.groupId());
          }
        }
      }
    });
    // their own province's tenant and their predecessors': they read the instances they take over
    tenants.joinAsSuccessors(identity, plan.successorGroups());
    succession.ended().forEach((old, name) -> {
      Group group = identity.createGroupQuery().groupId(old).singleResult();
      String retired = name + " (đến " + endedOn + ")";
      if (group != null && !retired.equals(group.getName())) {
        group.setName(retired);
        identity.saveGroup(group);
      }
    });
    RuntimeService runtime = engine.getRuntimeService();
    for (VariableInstance variable : plan.variables()) {
      AdministrativeUnit successor = succession.successorOf((String) variable.getValue()).orElseThrow();
      runtime.setVariableLocal(variable.getExecutionId(), variable.getName(), successor.groupId());
      if ("communeGroup".equals(variable.getName())) {
        runtime.setVariableLocal(variable.getExecutionId(), "successorCode", successor.code());
        runtime.setVariableLocal(variable.getExecutionId(), "successorName", successor.name());
      }
    }
    TaskService tasks = engine.getTaskService();
    for (Task task : plan.tasks()) {
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          succession.successorOf(link.getGroupId()).ifPresent(successor -> {
            tasks.addCandidateGroup(task.getId(), successor.groupId());
            tasks.deleteCandidateGroup(task.getId(), link.getGroupId());
          });
        }
      }
    }
    grantReading(plan, engine);
    return plan.moves();
  }

  /** The successor's group may read each instance it takes over, as the unit it replaces could. */
  private void grantReading(Plan plan, ProcessEngineServices engine) {
    Map<String, Set<String>> readers = new LinkedHashMap<>();
    for (VariableInstance variable : plan.variables()) {
      plan.succession().successorOf((String) variable.getValue()).ifPresent(successor ->
          readers.computeIfAbsent(variable.getProcessInstanceId(), id -> new LinkedHashSet<>()).add(successor.groupId()));
    }
    for (Task task : plan.tasks()) {
      for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
        if (link.getGroupId() != null && units.ofGroup(link.getGroupId()).isPresent()) {
          readers.computeIfAbsent(task.getProcessInstanceId(), id -> new LinkedHashSet<>()).add(link.getGroupId());
        }
      }
    }
    readers.forEach((instanceId, groups) -> {
      ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceId(instanceId).singleResult();
      if (instance == null) {
        return;
      }
      for (String group : groups) {
        Grants.grant(engine.getAuthorizationService(), group, Resources.PROCESS_INSTANCE, instanceId, Permissions.READ);
        Grants.grant(engine.getAuthorizationService(), group, Resources.HISTORIC_PROCESS_INSTANCE, instanceId,
            HistoricProcessInstancePermissions.READ);
      }
    });
  }

  private static void ensureGroup(IdentityService identity, AdministrativeUnit unit) {
    if (identity.createGroupQuery().groupId(unit.groupId()).count() > 0) {
      return;
    }
    Group group = identity.newGroup(unit.groupId());
    group.setName(unit.committeeName());
    group.setType(OrganisationGroups.WORKFLOW_TYPE);
    identity.saveGroup(group);
  }
}
