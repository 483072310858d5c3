package vn.thanthien.pilot.access;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Keeps an official's request from reading the whole authorization table. Before every check,
 * Camunda 7.24 narrows the user's groups to those that hold any authorization, found with
 * {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION} — once per request. The table grows
 * with every instance and task (the historic-instance permissions officials need to read their
 * own history): about 300,000 rows once the whole country's programmes have run, where that
 * statement took 0.44 s on H2 for every REST call and every Tasklist refresh (benchmark, README).
 * The narrowing changes no answer: a group without authorizations matches none in the check's
 * {@code GROUP_ID_ IN (…)}; an official belongs to one or two groups. So the checks here use the
 * user's groups as they are; everything else is Camunda's own {@link AuthorizationManager}.
 */
@Component
public class AuthorizedGroupsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    // same session type as Camunda's own factory: replaces it
    factories.add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new GroupsAsTheyAre();
      }
    });
    configuration.setCustomSessionFactories(factories);
  }

  /** Camunda's authorization manager, without the per-request scan of every group holding a grant. */
  static final class GroupsAsTheyAre extends AuthorizationManager {
    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      return authenticatedGroupIds == null ? List.of() : authenticatedGroupIds;
    }
  }
}
