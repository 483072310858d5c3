package vn.thanthien.pilot.access;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.engine.CommandFields;
import vn.thanthien.pilot.engine.Interceptors;

/**
 * A logged-in caller may check only their own password; administrators may check anyone's.
 * Camunda's {@code /identity/verify} would otherwise let any official try other officials'
 * passwords without limit. Logins check passwords before anyone is authenticated and are
 * throttled by {@link LoginThrottleFilter}.
 */
@Component
public class PasswordCheckPlugin extends AbstractProcessEnginePlugin {

  static final String MESSAGE = "Không được kiểm tra mật khẩu của người dùng khác.";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Interceptors.addBeforeCommands(configuration, new OwnPasswordOnly(configuration));
  }

  static final class OwnPasswordOnly extends CommandInterceptor {
    // a Camunda upgrade that renames it fails at start rather than run unguarded
    private static final Field USER_ID = CommandFields.field(CheckPassword.class, "userId");
    private final ProcessEngineConfigurationImpl configuration;

    OwnPasswordOnly(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (command instanceof CheckPassword) {
        Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
        if (caller != null && !caller.getUserId().equals(CommandFields.read(USER_ID, command))
            && (caller.getGroupIds() == null || !caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN))) {
          throw new AuthorizationException(MESSAGE);
        }
      }
      return next.execute(command);
    }
  }
}
