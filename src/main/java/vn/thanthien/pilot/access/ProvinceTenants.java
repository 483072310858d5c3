package vn.thanthien.pilot.access;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TenantMembershipEntity;
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
 * Provinces are Camunda tenants, so that one installation serves several provinces and none reads
 * another's work: the tenant of a province is its group's id ({@code province-34}, named "Tỉnh Thái
 * Bình"); every instance of the programme's models carries its province's tenant
 * ({@link ProvinceTenantIdProvider}), while the definitions stay shared (deployed without tenant).
 * Camunda then adds its tenant check to every query and command of a logged-in user: only
 * instances, tasks, variables, history, decisions, jobs and incidents of the user's tenants, or of
 * none (instances started before provinces were tenants), are visible. Members, created at every
 * start and idempotently: every unit group of the unit list (a provincial body's own group
 * included) in its province's tenant, {@code managers} in every tenant. {@code camunda-admin} needs
 * none: Camunda skips the tenant check for administrators.
 */
@Component
@Order(1)
public class ProvinceTenants implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ProvinceTenants.class);

  private final ProcessEngineConfigurationImpl configuration;
  private final UnitDirectory units;

  public ProvinceTenants(ProcessEngine engine, UnitDirectory units) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.units = units;
  }

  /** The tenant of a province: its group's id. */
  public static String tenantOf(AdministrativeUnit province) {
    return province.groupId();
  }

  @Override
  public void run(ApplicationArguments args) {
    seed();
  }

  /**
   * Tenants and memberships in line with the unit list: what exists is read with two queries, what
   * is missing is created in one transaction (the country's 11,000 groups at the first start).
   */
  public void seed() {
    Map<String, Set<String>> wanted = new LinkedHashMap<>();
    Map<String, AdministrativeUnit> provinces = new LinkedHashMap<>();
    for (AdministrativeUnit unit : units.allUnits()) {
      units.provinceOf(unit).ifPresent(province -> {
        provinces.putIfAbsent(tenantOf(province), province);
        wanted.computeIfAbsent(unit.groupId(), group -> new LinkedHashSet<>()).add(tenantOf(province));
      });
    }
    wanted.put(OrganisationGroups.MANAGERS, new LinkedHashSet<>(provinces.keySet()));
    int[] created = configuration.getCommandExecutorTxRequired().execute(context -> {
      IdentityService identity = configuration.getIdentityService();
      Set<String> tenants = new HashSet<>();
      identity.createTenantQuery().list().forEach(tenant -> tenants.add(tenant.getId()));
      int newTenants = 0;
      for (AdministrativeUnit province : provinces.values()) {
        if (tenants.add(tenantOf(province))) {
          createTenant(identity, province);
          newTenants++;
        }
      }
      Set<String> existing = groupMemberships(identity, configuration.getManagementService());
      int newMemberships = 0;
      for (Map.Entry<String, Set<String>> group : wanted.entrySet()) {
        for (String tenant : group.getValue()) {
          if (!existing.contains(group.getKey() + "\n" + tenant)) {
            identity.createTenantGroupMembership(tenant, group.getKey());
            newMemberships++;
          }
        }
      }
      return new int[] {newTenants, newMemberships};
    });
    LOG.info("Provinces as tenants: {} tenants, {} created; {} group memberships created",
        provinces.size(), created[0], created[1]);
  }

  /**
   * Groups a reorganisation created take over their predecessors' work: each is a member of its own
   * province's tenant (created, with the managers, if the province is new) and of every tenant its
   * predecessors were members of, so that it reads the instances it takes over. Within one command
   * (the reorganisation's step), whose inserts the queries do not see yet.
   *
   * @param successors each successor unit and the groups whose work it takes over
   */
  public void joinAsSuccessors(IdentityService identity, Map<AdministrativeUnit, List<String>> successors) {
    Set<String> created = new HashSet<>();
    Set<String> joined = new HashSet<>();
    successors.forEach((successor, predecessors) -> {
      Set<String> tenants = new LinkedHashSet<>();
      units.provinceOf(successor).ifPresent(province -> {
        String own = tenantOf(province);
        if (created.add(own) && identity.createTenantQuery().tenantId(own).count() == 0) {
          createTenant(identity, province);
          identity.createTenantGroupMembership(own, OrganisationGroups.MANAGERS);
        }
        tenants.add(own);
      });
      for (String predecessor : predecessors) {
        identity.createTenantQuery().groupMember(predecessor).list().forEach(tenant -> tenants.add(tenant.getId()));
      }
      for (String tenant : tenants) {
        if (joined.add(successor.groupId() + "\n" + tenant)
            && identity.createTenantQuery().tenantId(tenant).groupMember(successor.groupId()).count() == 0) {
          identity.createTenantGroupMembership(tenant, successor.groupId());
        }
      }
    });
  }

  private static void createTenant(IdentityService identity, AdministrativeUnit province) {
    Tenant tenant = identity.newTenant(tenantOf(province));
    tenant.setName(province.name());
    identity.saveTenant(tenant);
  }

  /**
   * Every group's tenant membership as "group\ntenant", read with one query: a native user query
   * whose rows are memberships, group and tenant in the name columns, the membership's own id as
   * the row's id (the engine's cache keeps one row per id).
   */
  private static Set<String> groupMemberships(IdentityService identity, ManagementService management) {
    String table = management.getTableName(TenantMembershipEntity.class);
    Set<String> pairs = new HashSet<>();
    identity.createNativeUserQuery()
        .sql("SELECT M.ID_ AS ID_, M.GROUP_ID_ AS FIRST_, M.TENANT_ID_ AS LAST_ FROM " + table
            + " M WHERE M.GROUP_ID_ IS NOT NULL")
        .list()
        .forEach(row -> pairs.add(row.getFirstName() + "\n" + row.getLastName()));
    return pairs;
  }
}
