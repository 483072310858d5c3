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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.thanthien.pilot.access.LoginThrottle.Attempt;
import vn.thanthien.pilot.access.LoginThrottle.Outcome;
import vn.thanthien.pilot.engine.CommandFields;
import vn.thanthien.pilot.engine.Interceptors;

/**
 * A logged-in caller may check only their own password; administrators may check anyone's.
 * Camunda's {@code /identity/verify} would otherwise let any official try other officials'
 * passwords without limit. Logins check passwords before anyone is authenticated and are
 * throttled by {@link LoginThrottleFilter}; a password checked for a logged-in caller
 * ({@code /identity/verify}, the current password of {@code PUT /user/{id}/credentials}, on both
 * APIs) counts in the same {@link LoginThrottle} budgets of the request's address and the user
 * checked, so that a session left open does not buy unlimited guesses of its own password: over
 * the budget it answers 429 before the password is checked.
 */
@Component
public class PasswordCheckPlugin extends AbstractProcessEnginePlugin {

  static final String MESSAGE = "Không được kiểm tra mật khẩu của người dùng khác.";
  static final String TOO_MANY = "Đã nhập sai mật khẩu quá nhiều lần. Vui lòng chờ %d giây rồi thử lại; "
      + "nếu quên mật khẩu, hãy liên hệ quản trị hệ thống.";

  private final ObjectProvider<LoginThrottle> throttle;

  public PasswordCheckPlugin(ObjectProvider<LoginThrottle> throttle) {
    this.throttle = throttle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Interceptors.addBeforeCommands(configuration, new OwnPasswordOnly(configuration, throttle));
  }

  static final class OwnPasswordOnly extends CommandInterceptor {
    // a Camunda upgrade that renames it fails at start rather than run unguarded
    private static final Field USER_ID = CommandFields.field(CheckPassword.class, "userId");
    private final ProcessEngineConfigurationImpl configuration;
    private final ObjectProvider<LoginThrottle> throttle;

    OwnPasswordOnly(ProcessEngineConfigurationImpl configuration, ObjectProvider<LoginThrottle> throttle) {
      this.configuration = configuration;
      this.throttle = throttle;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (!(command instanceof CheckPassword)) {
        return next.execute(command);
      }
      Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
      if (caller == null) {
        // a login: throttled in front of it (LoginThrottleFilter)
        return next.execute(command);
      }
      String checked = (String) CommandFields.read(USER_ID, command);
      if (!caller.getUserId().equals(checked)
          && (caller.getGroupIds() == null || !caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN))) {
        throw new AuthorizationException(MESSAGE);
      }
      HttpServletRequest request = currentRequest();
      LoginThrottle limits = throttle.getIfAvailable();
      if (request == null || limits == null) {
        return next.execute(command);
      }
      Attempt attempt = limits.acquire(ClientAddress.limitKey(request), checked == null ? "" : checked, null);
      if (!attempt.allowed()) {
        throw new InvalidRequestException(Status.TOO_MANY_REQUESTS, TOO_MANY.formatted(attempt.retryAfterSeconds()));
      }
      Outcome outcome = Outcome.UNKNOWN;
      try {
        T answer = next.execute(command);
        outcome = Boolean.TRUE.equals(answer) ? Outcome.VERIFIED : Outcome.FAILED;
        return answer;
      } finally {
        limits.release(attempt, outcome);
      }
    }

    /** The HTTP request this thread serves, or null for the application's own work. */
    private static HttpServletRequest currentRequest() {
      return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
          ? attributes.getRequest() : null;
    }
  }
}
