package vn.thanthien.pilot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine checks authorizations with the official's groups as they are (no scan of the whole
 * authorization table per request), and the answers stay Camunda's: a grant made a moment ago to a
 * group that had none counts at once, and a group without grants gives nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
class AuthorizedGroupsTest {

  @Autowired ProcessEngine engine;
  @Autowired AuthorizationService authorizations;
  @Autowired IdentityService identity;

  @Test
  void checksUseTheOfficialsGroupsAsTheyAreAndAnswerAsCamundaWould() {
    AuthorizationManager manager = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(context -> Context.getCommandContext().getAuthorizationManager());
    assertThat(manager).isInstanceOf(AuthorizedGroupsPlugin.GroupsAsTheyAre.class);

    // a group with no grant at all: the official of it reads no deployment
    String group = "commune-authorized-groups-test";
    assertThat(authorizations.isUserAuthorized("someone", List.of(group), Permissions.READ, Resources.DEPLOYMENT)).isFalse();
    identity.setAuthentication("someone", List.of(group));
    try {
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
    } finally {
      identity.clearAuthentication();
    }

    // its first grant counts at once, in the very next request
    Grants.grant(authorizations, group, Resources.DEPLOYMENT, "*", Permissions.READ);
    identity.setAuthentication("someone", List.of(group));
    try {
      assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isPositive();
    } finally {
      identity.clearAuthentication();
    }
  }
}
