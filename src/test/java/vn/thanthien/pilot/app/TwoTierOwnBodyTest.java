package vn.thanthien.pilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.process.CommuneInputs;
import vn.thanthien.pilot.process.Officials;
import vn.thanthien.pilot.process.ProgrammeWalker;

/**
 * The two-tier map with a provincial body of its own (configuration only): the Sở Nội vụ has its
 * group, one demo official and a district's rights, and receives the districts' work.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:pilot-two-tier-body;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=twotierbody",
    "pilot.demo.map=2025",
    "pilot.organisation.provincial-body.code=33000",
    "pilot.organisation.provincial-body.name=Sở Nội vụ tỉnh Hưng Yên",
    "pilot.organisation.provincial-body.group=district-33000"})
@ActiveProfiles("it")
@DirtiesContext
@Tag("own-database")
class TwoTierOwnBodyTest {

  static final String BODY_GROUP = "district-33000";

  @Autowired ProcessEngine engine;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired UnitDirectory units;

  @Test
  void theConfiguredBodyHasItsOwnOfficialAndReceivesTheDistrictsWork() {
    assertThat(identity.createGroupQuery().groupId(BODY_GROUP).singleResult().getName())
        .isEqualTo("Sở Nội vụ tỉnh Hưng Yên");
    assertThat(identity.createUserQuery().userId("tinh33000").memberOfGroup(BODY_GROUP).count()).isOne();
    assertThat(identity.createUserQuery().userId("tinh33000").memberOfGroup("province-33").count()).isZero();
    assertThat(authorizations.isUserAuthorized("tinh33000", List.of(BODY_GROUP), Permissions.ACCESS,
        Resources.APPLICATION, "cockpit")).as("a district's rights").isTrue();

    ProgrammeWalker walker = new ProgrammeWalker(engine, units, Officials.onTheEngine(engine, true),
        ProgrammeWalker.Calendar.THAI_BINH_08);
    ProcessInstance programme = walker.start("33", null);
    ProcessInstance body = walker.chooseDistricts(programme).get(0);
    Task selection = walker.taskOf(body);
    assertThat(selection.getTaskDefinitionKey()).isEqualTo("SelectPilots");
    assertThat(groupsOf(selection)).containsExactly(BODY_GROUP);
    ProcessInstance pilot = walker.startPilots(body).get(2);
    tasks.complete(tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult().getId(), CommuneInputs.plan());
    Task review = tasks.createTaskQuery().processInstanceId(pilot.getId()).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("ReviewPlan");
    assertThat(groupsOf(review)).containsExactly(BODY_GROUP);
  }

  private List<String> groupsOf(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).toList();
  }
}
