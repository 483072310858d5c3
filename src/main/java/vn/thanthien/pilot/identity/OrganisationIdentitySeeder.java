package vn.thanthien.pilot.identity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.MembershipEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.api.PasswordPolicyErrorMapper;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.OrganisationGroups;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * Creates, on every start and idempotently, one Camunda group per unit of the unit list
 * ({@code province-34}, {@code district-339}, {@code commune-12679}, named "UBND xã Chí Hòa"),
 * the {@code managers} and {@code camunda-admin} groups, and, when the demo organisation is on,
 * one official per unit group, a manager and an admin. What the groups may do is the access
 * model's ({@code access.AccessModelSeeder}).
 */
@Component
@Order(0)
public class OrganisationIdentitySeeder implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationIdentitySeeder.class);

  /**
   * What an installation without any administrator logs at every start: Camunda Admin's first-user
   * setup is closed ({@link FirstUserSetupFilter}), so configuration is the only way in.
   */
  static final String NO_ADMINISTRATOR = "No administrator: the group camunda-admin has no member, so nobody can "
      + "manage users, groups or deployments, and Camunda Admin's first-user setup is closed. Set "
      + "PILOT_ADMIN_PASSWORD (at least 10 characters with upper- and lower-case letters, a digit and a special "
      + "character) and restart: the user '{}' is then created as administrator (and its password reset to "
      + "PILOT_ADMIN_PASSWORD at every start while it is set). Log in to Camunda Admin as '{}' to add officials.";

  private final IdentityService identityService;
  private final ManagementService management;
  private final UnitDirectory units;
  private final DemoProperties demo;
  private final AdminProperties admin;

  public OrganisationIdentitySeeder(IdentityService identityService, ManagementService management,
      UnitDirectory units, DemoProperties demo, AdminProperties admin) {
    this.identityService = identityService;
    this.management = management;
    this.units = units;
    this.demo = demo;
    this.admin = admin;
  }

  @Override
  public void run(ApplicationArguments args) {
    seed();
  }

  /** Brings groups (and demo users) in line with the unit list; safe to call any number of times. */
  public void seed() {
    int groups = seedGroups();
    seedAdministrator();
    int users = demo.enabled() ? seedDemoUsers() : 0;
    LOG.info("Organisation: {} provinces, {} districts, {} communes; {} groups created, {} demo users created",
        units.provinceCount(), units.districtCount(), units.communeCount(), groups, users);
  }

  private int seedGroups() {
    List<Group> existing = identityService.createGroupQuery().list();
    Set<String> existingIds = existing.stream().map(Group::getId).collect(Collectors.toSet());
    int created = 0;
    for (AdministrativeUnit unit : officialUnits()) {
      created += ensureGroup(existing, existingIds, unit.groupId(), unit.committeeName(),
          OrganisationGroups.WORKFLOW_TYPE);
    }
    created += ensureGroup(existing, existingIds, OrganisationGroups.MANAGERS, OrganisationGroups.MANAGERS_NAME,
        OrganisationGroups.WORKFLOW_TYPE);
    created += ensureGroup(existing, existingIds, Groups.CAMUNDA_ADMIN, OrganisationGroups.ADMINISTRATORS_NAME,
        Groups.GROUP_TYPE_SYSTEM);
    return created;
  }

  private int ensureGroup(List<Group> existing, Set<String> existingIds, String id, String name,
      String type) {
    if (existingIds.contains(id)) {
      existing.stream()
          // a unit a reorganisation ended keeps its name with the day it ended: "UBND xã Dân Chủ (đến 31/10/2024)"
          .filter(g -> g.getId().equals(id) && (g.getName() == null || !g.getName().startsWith(name)))
          .findFirst()
          .ifPresent(g -> {
            g.setName(name);
            identityService.saveGroup(g);
          });
      return 0;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
    existingIds.add(id);
    return 1;
  }

  /**
   * The units with a group of their own, one per group: a provincial body that works under its
   * province's group (the two-tier map's default) is the province's, with no group or demo
   * official of its own; provinces come first, so the group keeps the province's name.
   */
  private List<AdministrativeUnit> officialUnits() {
    Set<String> groups = new HashSet<>();
    return units.allUnits().stream().filter(unit -> groups.add(unit.groupId())).toList();
  }

  /**
   * The administrator gets {@code PILOT_ADMIN_PASSWORD}, or the demo password with the demo
   * organisation; a changed password is applied at the next start.
   */
  private void seedAdministrator() {
    String password = admin.password() != null && !admin.password().isBlank() ? admin.password()
        : demo.enabled() ? demo.password() : null;
    if (password == null || password.isBlank()) {
      if (identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
        LOG.warn(NO_ADMINISTRATOR, DemoUsers.ADMIN, DemoUsers.ADMIN);
      }
      return;
    }
    User user = identityService.createUserQuery().userId(DemoUsers.ADMIN).singleResult();
    if (user == null) {
      user = identityService.newUser(DemoUsers.ADMIN);
      user.setFirstName("Quản trị");
      user.setLastName("hệ thống");
      user.setPassword(password);
      saveAdministrator(user);
    } else if (!identityService.checkPassword(DemoUsers.ADMIN, password)) {
      user.setPassword(password);
      saveAdministrator(user);
    }
    if (identityService.createUserQuery().userId(DemoUsers.ADMIN).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
      identityService.createMembership(DemoUsers.ADMIN, Groups.CAMUNDA_ADMIN);
    }
  }

  private void saveAdministrator(User user) {
    try {
      identityService.saveUser(user);
    } catch (ProcessEngineException e) {
      if (PasswordPolicyErrorMapper.CAMUNDA_MESSAGE.equals(e.getMessage())) {
        throw new IllegalStateException("PILOT_ADMIN_PASSWORD does not meet the password policy: at least 10 "
            + "characters with an upper-case and a lower-case letter, a digit and a special character, and not "
            + "containing the user name '" + DemoUsers.ADMIN + "'", e);
      }
      throw e;
    }
  }

  private int seedDemoUsers() {
    if (demo.password() == null || demo.password().isBlank()) {
      throw new IllegalStateException("pilot.demo.password must be set when the demo organisation is on");
    }
    Set<String> existingUsers = new HashSet<>();
    identityService.createUserQuery().list().forEach(u -> existingUsers.add(u.getId()));
    List<String[]> memberships = new ArrayList<>();
    int created = 0;
    created += ensureUser(existingUsers, DemoUsers.MANAGER, "Cán bộ", "theo dõi đề án");
    memberships.add(new String[] {DemoUsers.MANAGER, OrganisationGroups.MANAGERS});
    for (AdministrativeUnit unit : officialUnits()) {
      String userId = DemoUsers.officialOf(unit);
      created += ensureUser(existingUsers, userId, "Cán bộ", unit.committeeName());
      memberships.add(new String[] {userId, unit.groupId()});
    }
    Set<String> existingMemberships = memberships();
    for (String[] membership : memberships) {
      if (!existingMemberships.contains(membership[0] + "\n" + membership[1])) {
        identityService.createMembership(membership[0], membership[1]);
      }
    }
    return created;
  }

  /**
   * Every membership as "user\ngroup", read with one query (the country has some 11,000): a native
   * user query whose rows are memberships, user and group in the name columns. The row's id is the
   * pair, not the user: the engine's cache keeps one row per id, and an official a reorganisation
   * moved belongs to two groups.
   */
  private Set<String> memberships() {
    String table = management.getTableName(MembershipEntity.class);
    Set<String> pairs = new HashSet<>();
    identityService.createNativeUserQuery()
        .sql("SELECT M.USER_ID_ || '/' || M.GROUP_ID_ AS ID_, M.USER_ID_ AS FIRST_, M.GROUP_ID_ AS LAST_ FROM "
            + table + " M").list()
        .forEach(row -> pairs.add(row.getFirstName() + "\n" + row.getLastName()));
    return pairs;
  }

  private int ensureUser(Set<String> existingUsers, String id, String firstName, String lastName) {
    if (existingUsers.contains(id)) {
      return 0;
    }
    User user = identityService.newUser(id);
    user.setFirstName(firstName);
    user.setLastName(lastName);
    user.setEmail(id + "@demo.thanthien.local");
    user.setPassword(demo.password());
    identityService.saveUser(user);
    existingUsers.add(id);
    return 1;
  }
}
