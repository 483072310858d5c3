package vn.thanthien.pilot.access;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK;
import static vn.thanthien.pilot.access.Grants.EVERYONE;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.OrganisationGroups;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * The access model as Camunda authorizations, granted at every start and idempotently, per kind
 * of group. What depends on one instance (a district reads its communes' pilots) is granted when
 * the instance starts, by {@link InstanceAccessListener}; a candidate group's own task permissions
 * (read, work on it) come from Camunda when the task is offered to the group.
 *
 * <ul>
 *   <li>everyone logged in: Tasklist;</li>
 *   <li>commune: the diagram of {@code commune-pilot} (granted to everyone logged in); nothing else
 *   globally;</li>
 *   <li>district: Tasklist and Cockpit, the diagrams; instances only through instance grants;</li>
 *   <li>province: Cockpit, read everything of the programme, start {@code pilot-programme};</li>
 *   <li>managers: Cockpit, read everything (definitions, instances, tasks, history, incidents,
 *   decisions, deployments), change nothing;</li>
 *   <li>camunda-admin: everything, as the Camunda webapps expect.</li>
 * </ul>
 */
@Component
@Order(1)
public class AccessModelSeeder implements ApplicationRunner {

  public static final String PROGRAMME_KEY = "pilot-programme";
  static final String COMMUNE_PILOT = "commune-pilot";
  private static final Logger LOG = LoggerFactory.getLogger(AccessModelSeeder.class);

  private final AuthorizationService authorizations;
  private final UnitDirectory units;

  public AccessModelSeeder(AuthorizationService authorizations, UnitDirectory units) {
    this.authorizations = authorizations;
    this.units = units;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed();
  }

  public void seed() {
    Grants grants = Grants.batch(authorizations);
    for (Resource resource : Resources.values()) {
      grants.grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    grants.grant(EVERYONE, Resources.APPLICATION, "tasklist", ACCESS);
    // every official may see the diagram of commune-pilot: one grant for everyone logged in, not one
    // per commune (10,598 rows the check of every Tasklist query had to read through)
    grants.grant(EVERYONE, Resources.PROCESS_DEFINITION, COMMUNE_PILOT, READ);
    // every official may read the units' group names (public: "UBND xã Chí Hòa"), so a task a
    // district follows names the commune it is offered to, not "commune-12679"; members, users
    // and changes stay closed
    grants.grant(EVERYONE, Resources.GROUP, ANY, READ);
    removePerCommuneGrants();
    for (AdministrativeUnit unit : units.allUnits()) {
      grantLevel(grants, unit);
    }
    readEverything(grants, OrganisationGroups.MANAGERS);
    LOG.info("Access model granted to {} unit groups and the managers", units.allUnits().size());
  }

  /** What a unit's group may do at its level, for a unit a reorganisation created. */
  public void grantLevel(AdministrativeUnit unit) {
    grantLevel(Grants.batch(authorizations), unit);
  }

  private static void grantLevel(Grants grants, AdministrativeUnit unit) {
    switch (unit.level()) {
      case COMMUNE -> { }
      // a provincial body (two-tier map) is granted what a district is; under its province's group
      // (the default) the province already has more
      case DISTRICT -> {
        grants.grant(unit.groupId(), Resources.APPLICATION, "cockpit", ACCESS);
        grants.grant(unit.groupId(), Resources.PROCESS_DEFINITION, ANY, READ);
        grants.grant(unit.groupId(), Resources.DECISION_DEFINITION, ANY, READ);
      }
      case PROVINCE -> {
        readEverything(grants, unit.groupId());
        grants.grant(unit.groupId(), Resources.PROCESS_DEFINITION, PROGRAMME_KEY, CREATE_INSTANCE);
        grants.grant(unit.groupId(), Resources.PROCESS_INSTANCE, ANY, CREATE);
      }
    }
  }

  /**
   * Installations seeded before the global grant gave each commune group its own READ on the
   * commune-pilot definition; those grants (READ only, nothing added by an administrator) go.
   */
  private void removePerCommuneGrants() {
    String communePrefix = AdministrativeUnit.Level.COMMUNE.groupPrefix() + "-";
    int removed = 0;
    for (Authorization grant : authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .resourceType(Resources.PROCESS_DEFINITION).resourceId(COMMUNE_PILOT).list()) {
      if (grant.getGroupId() != null && grant.getGroupId().startsWith(communePrefix)
          && grant instanceof AuthorizationEntity entity && entity.getPermissions() == READ.getValue()) {
        authorizations.deleteAuthorization(grant.getId());
        removed++;
      }
    }
    if (removed > 0) {
      LOG.info("Access model: {} per-commune grants on the commune-pilot diagram replaced by one for everyone", removed);
    }
  }

  /** Cockpit and read permissions on everything the programme holds; nothing that changes it. */
  private static void readEverything(Grants grants, String groupId) {
    grants.grant(groupId, Resources.APPLICATION, "cockpit", ACCESS);
    grants.grant(groupId, Resources.PROCESS_DEFINITION, ANY, READ, READ_INSTANCE, READ_TASK, READ_HISTORY);
    grants.grant(groupId, Resources.PROCESS_INSTANCE, ANY, READ);
    grants.grant(groupId, Resources.TASK, ANY, READ);
    grants.grant(groupId, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grants.grant(groupId, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grants.grant(groupId, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY);
    grants.grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
    grants.grant(groupId, Resources.DEPLOYMENT, ANY, READ);
  }
}
