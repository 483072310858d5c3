package vn.thanthien.pilot.identity;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.engine.CommandFields;
import vn.thanthien.pilot.engine.Interceptors;

/**
 * Who may change a user's profile, and what it may hold. Camunda grants every user UPDATE on
 * their own user, and one command ({@code saveUser}) carries profile and password alike, so an
 * official could point their unit's notices to an outside address, or break the unit's mail with
 * an invalid one. Here, whatever the caller ({@code /engine-rest}, the webapps' engine API, Java):
 * <ul>
 *   <li>an official may change their own password (Camunda's password policy applies), but not
 *   their e-mail address, first or last name: 403, only an administrator ({@code camunda-admin})
 *   may;</li>
 *   <li>what an administrator (or the application) writes is checked ({@link ProfileRules}): a real
 *   e-mail address, names without control characters or line breaks, of a sane length: 400.</li>
 * </ul>
 * Only what changes is checked, so a password change never fails on an old value.
 */
@Component
public class ProfileChangePlugin extends AbstractProcessEnginePlugin {

  static final String ADMINISTRATORS_ONLY = "Chỉ quản trị hệ thống mới được đổi họ, tên và địa chỉ thư điện tử "
      + "của người dùng; cán bộ chỉ tự đổi được mật khẩu của mình. Cần sửa thông tin này, hãy đề nghị quản trị "
      + "hệ thống.";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Interceptors.addBeforeCommands(configuration, new ProfileGuard(configuration));
  }

  static final class ProfileGuard extends CommandInterceptor {
    // a Camunda upgrade that renames it fails at start rather than run unguarded
    private static final Field USER = CommandFields.field(SaveUserCmd.class, "user");
    private final ProcessEngineConfigurationImpl configuration;

    ProfileGuard(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof SaveUserCmd) {
        User user = CommandFields.read(USER, command);
        if (user != null && user.getId() != null) {
          check(user);
        }
      }
      return next.execute(command);
    }

    private void check(User user) {
      // a new user (Camunda inserts a user of revision 0) has nothing stored to compare with
      User stored = user instanceof UserEntity entity && entity.getRevision() == 0 ? null : stored(user.getId());
      boolean firstName = stored == null || !Objects.equals(stored.getFirstName(), user.getFirstName());
      boolean lastName = stored == null || !Objects.equals(stored.getLastName(), user.getLastName());
      boolean email = stored == null || !Objects.equals(stored.getEmail(), user.getEmail());
      if (stored != null && (firstName || lastName || email) && !byAdministrator()) {
        throw new AuthorizationException(ADMINISTRATORS_ONLY);
      }
      List<Optional<String>> problems = List.of(
          firstName ? ProfileRules.nameProblem("Tên", user.getFirstName()) : Optional.empty(),
          lastName ? ProfileRules.nameProblem("Họ", user.getLastName()) : Optional.empty(),
          email ? ProfileRules.emailProblem(user.getEmail()) : Optional.empty());
      problems.stream().flatMap(Optional::stream).findFirst().ifPresent(problem -> {
        throw new BadUserRequestException(problem);
      });
    }

    /** The user as stored, read apart from the caller's command (whose cache it must not enter). */
    private User stored(String userId) {
      return configuration.getCommandExecutorTxRequiresNew().execute(context -> context.runWithoutAuthorization(
          () -> context.getReadOnlyIdentityProvider().findUserById(userId)));
    }

    /** An administrator, or the application itself (nobody logged in). */
    private boolean byAdministrator() {
      Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
      if (caller == null) {
        return true;
      }
      List<String> adminUsers = configuration.getAdminUsers();
      List<String> adminGroups = configuration.getAdminGroups();
      return adminUsers != null && adminUsers.contains(caller.getUserId())
          || adminGroups != null && caller.getGroupIds() != null
          && caller.getGroupIds().stream().anyMatch(adminGroups::contains);
    }
  }
}
