package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.access.AccessModelSeeder;
import vn.thanthien.pilot.access.Grants;
import vn.thanthien.pilot.identity.OrganisationIdentitySeeder;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.UnitDirectory;

/** Groups and demo users come from the unit list, with Vietnamese names, idempotently. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class OrganisationSeedingTest {

  @Autowired IdentityService identity;
  @Autowired OrganisationIdentitySeeder seeder;
  @Autowired UnitDirectory units;
  @Autowired AuthorizationService authorizations;
  @Autowired AccessModelSeeder access;

  @Test
  void everyUnitHasItsGroupWithItsCommitteeName() {
    assertThat(identity.createGroupQuery().groupId("province-34").singleResult().getName()).isEqualTo("UBND tỉnh Thái Bình");
    assertThat(identity.createGroupQuery().groupId("district-339").singleResult().getName()).isEqualTo("UBND huyện Hưng Hà");
    assertThat(identity.createGroupQuery().groupId("commune-12679").singleResult().getName()).isEqualTo("UBND xã Chí Hòa");
    assertThat(identity.createGroupQuery().groupId("commune-12586").singleResult().getName()).isEqualTo("UBND thị trấn Hưng Hà");
    assertThat(identity.createGroupQuery().groupIdIn("managers", "camunda-admin").count()).isEqualTo(2);
    // 1 province + 8 districts + 260 communes + managers + camunda-admin
    assertThat(identity.createGroupQuery().count()).isEqualTo(271);
  }

  @Test
  void demoOfficialsBelongToTheirUnitAndCanLogIn() {
    assertThat(identity.createUserQuery().userId("xa12679").memberOfGroup("commune-12679").count()).isEqualTo(1);
    assertThat(identity.createUserQuery().userId("huyen339").memberOfGroup("district-339").count()).isEqualTo(1);
    assertThat(identity.createUserQuery().userId("tinh34").memberOfGroup("province-34").count()).isEqualTo(1);
    assertThat(identity.createUserQuery().userId("quanly").memberOfGroup("managers").count()).isEqualTo(1);
    assertThat(identity.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
    assertThat(identity.checkPassword("xa12646", "ThanThien@2023")).isTrue();
    // every unit group has at least one official
    for (AdministrativeUnit unit : units.allUnits()) {
      assertThat(identity.createUserQuery().memberOfGroup(unit.groupId()).count()).as(unit.groupId()).isEqualTo(1);
    }
  }

  @Test
  void seedingAgainChangesNothing() {
    long groups = identity.createGroupQuery().count();
    long users = identity.createUserQuery().count();
    seeder.seed();
    seeder.seed();
    assertThat(identity.createGroupQuery().count()).isEqualTo(groups);
    assertThat(identity.createUserQuery().count()).isEqualTo(users);
    assertThat(identity.createUserQuery().memberOfGroup("commune-12679").count()).isEqualTo(1);
  }

  @Test
  void anOfficialInTwoUnitsAfterAReorganisationDoesNotStopTheNextStart() {
    // a reorganisation adds an official to the successor's group; a group sorting before their own
    identity.createMembership("xa12679", "commune-12586");
    try {
      seeder.seed();
      assertThat(identity.createGroupQuery().groupMember("xa12679").list())
          .extracting(group -> group.getId()).containsExactlyInAnyOrder("commune-12679", "commune-12586");
    } finally {
      identity.deleteMembership("xa12679", "commune-12586");
    }
  }

  @Test
  void aRestartPutsBackWhatWasRemovedAndNothingElse() {
    identity.deleteMembership("xa12655", "commune-12655");
    Authorization districtOpensCockpit = authorizations.createAuthorizationQuery().groupIdIn("district-339")
        .resourceType(Resources.APPLICATION).resourceId("cockpit").singleResult();
    authorizations.deleteAuthorization(districtOpensCockpit.getId());
    long grantsBefore = authorizations.createAuthorizationQuery().count();

    seeder.seed();
    access.seed();

    assertThat(identity.createUserQuery().userId("xa12655").memberOfGroup("commune-12655").count()).isEqualTo(1);
    assertThat(identity.createUserQuery().memberOfGroup("commune-12655").count()).isEqualTo(1);
    assertThat(authorizations.createAuthorizationQuery().groupIdIn("district-339")
        .resourceType(Resources.APPLICATION).resourceId("cockpit").singleResult()
        .isPermissionGranted(Permissions.ACCESS)).isTrue();
    assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(grantsBefore + 1);
  }

  @Test
  void theCommunePilotDiagramIsOneGrantForEveryoneNotOnePerCommune() {
    // as installations seeded before it had: one READ per commune group, and one an administrator extended
    Grants.grant(authorizations, "commune-12679", Resources.PROCESS_DEFINITION, "commune-pilot", Permissions.READ);
    Grants.grant(authorizations, "commune-12649", Resources.PROCESS_DEFINITION, "commune-pilot", Permissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY);

    access.seed();

    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
        .resourceId("commune-pilot").authorizationType(Authorization.AUTH_TYPE_GRANT).list())
        .extracting(Authorization::getGroupId).containsExactly("commune-12649");
    assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
        .resourceId("commune-pilot").authorizationType(Authorization.AUTH_TYPE_GLOBAL).count()).isEqualTo(1);
    assertThat(authorizations.isUserAuthorized("xa12679", List.of("commune-12679"), Permissions.READ,
        Resources.PROCESS_DEFINITION, "commune-pilot")).isTrue();
    assertThat(authorizations.isUserAuthorized("xa12679", List.of("commune-12679"), Permissions.READ,
        Resources.PROCESS_DEFINITION, "district-pilot")).isFalse();
    // the administrator's extension let Thái Hưng read every commune's history: the shared
    // context's later tests (evidence files) check that it reads nothing of Chí Hòa's
    authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION).resourceId("commune-pilot")
        .groupIdIn("commune-12649").list().forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
  }
}
