package vn.thanthien.pilot.access;

import jakarta.ws.rs.core.Response.Status;
import java.lang.reflect.Field;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.engine.CommandFields;
import vn.thanthien.pilot.engine.Interceptors;
import vn.thanthien.pilot.engine.TaskHolders;
import vn.thanthien.pilot.engine.TaskHolders.Outcome;

/**
 * A claim names only the caller, and a stuck claim never blocks the unit. Camunda's
 * {@code claim(taskId, userId)} checks the caller's right to work on the task, not whom it is
 * claimed for, so an official could hand a commune's task to an official of another district
 * (who then read and completed it) or to a user that does not exist (the unit's own claim then
 * failed with a 500). An engine command interceptor, so that {@code /engine-rest}, the webapps'
 * {@code /camunda/api/engine} and Java with an authenticated user behave alike:
 *
 * <ul>
 *   <li>a claim for anyone but the caller is refused (403); a claim without user (Camunda's
 *   unclaim through {@code claim}) is the holder's own "Bỏ nhận việc" or refused;</li>
 *   <li>the caller's own claim ({@link TaskHolders#take}): Camunda's {@code TASK_WORK} check, then
 *   the task is the caller's when nobody holds it or its holder is stuck (no longer exists or no
 *   longer belongs to any candidate group); a colleague's task answers 409, naming "Nhận lại
 *   việc";</li>
 *   <li>"Nhận lại việc": assigning the task to oneself ({@code /task/{id}/assignee} naming the
 *   caller) takes it from whoever holds it, for a member of a candidate group; recorded in history
 *   as an assignment by the caller, the former holder named;</li>
 *   <li>giving back one's own task ({@code /unclaim}) is allowed to its holder;</li>
 *   <li>anything else that changes who holds or is offered a task (assigning to someone else,
 *   delegating, owner, identity links, saving the task) stays Camunda's {@code TASK_ASSIGN} /
 *   {@code UPDATE} check, answered in Vietnamese.</li>
 * </ul>
 *
 * Administrators ({@code camunda-admin}) and the application's own code (no user, or a command
 * run inside another command) are not held to it.
 */
@Component
public class OwnClaimsPlugin extends AbstractProcessEnginePlugin {

  static final String CLAIM_FOR_OTHERS = "Chỉ được nhận việc cho chính mình; giao việc cho người khác là việc của "
      + "quản trị hệ thống.";
  static final String NOT_OFFERED = "Không được nhận việc này: anh/chị không thuộc nhóm có thể nhận việc.";
  static final String HELD_BY_COLLEAGUE = "Công việc này đã có người đang xử lý là đồng nghiệp trong đơn vị. "
      + "Nếu cần làm thay, hãy bấm «Nhận lại việc»; lịch sử công việc ghi lại ai đã nhận lại.";
  static final String HELD = "Công việc này đã có người đang xử lý; anh/chị không thuộc nhóm có thể nhận việc "
      + "nên không nhận lại được.";
  static final String ALREADY_HELD = "Công việc này đã có người đang xử lý; muốn giao cho người khác thì đổi "
      + "người đang xử lý.";
  static final String NOT_HOLDER = "Chỉ người đang xử lý mới bỏ nhận việc được; việc của đồng nghiệp thì dùng "
      + "«Nhận lại việc».";
  static final String ASSIGN_REFUSED = "Không được giao việc cho người khác, nhờ người khác xử lý hay thay đổi "
      + "nhóm có thể nhận việc: quy trình định việc cho đơn vị; chỉ quản trị hệ thống được thay đổi.";
  static final String TASK_EDIT_REFUSED = "Không được tạo hay sửa công việc (người đang xử lý, hạn xử lý, nhóm có "
      + "thể nhận việc): quy trình định những thông tin này; chỉ quản trị hệ thống được thay đổi.";
  static final String NO_TASK = "Không tìm thấy công việc này: có thể đã được hoàn thành hoặc đã bị hủy. "
      + "Vui lòng tải lại danh sách công việc.";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Interceptors.addBeforeCommands(configuration, new OwnClaimsOnly(configuration));
  }

  /** Whether {@code caller} is an administrator (not held to the rules of officials). */
  static boolean isAdministrator(Authentication caller) {
    return caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
  }

  /**
   * The official who sent {@code command} from outside the engine, or null for the application's
   * own code (no user), a command run inside another one, and administrators.
   */
  static Authentication officialSending(ProcessEngineConfigurationImpl configuration) {
    Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null || Context.getCommandContext() != null
        || isAdministrator(caller)) {
      return null;
    }
    return caller;
  }

  static final class OwnClaimsOnly extends CommandInterceptor {
    // a Camunda upgrade that renames them fails at start rather than run unguarded
    private static final Field CLAIM_TASK = CommandFields.field(ClaimTaskCmd.class, "taskId");
    private static final Field CLAIM_USER = CommandFields.field(ClaimTaskCmd.class, "userId");
    private static final Field ASSIGN_TASK = CommandFields.field(AbstractSetTaskPropertyCmd.class, "taskId");
    private static final Field ASSIGN_USER = CommandFields.field(AbstractAddIdentityLinkCmd.class, "userId");

    private final ProcessEngineConfigurationImpl configuration;

    OwnClaimsOnly(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (!changesHolder(command)) {
        return next.execute(command);
      }
      Authentication caller = officialSending(configuration);
      if (caller == null) {
        return administratorsOrApplication(command);
      }
      String me = caller.getUserId();
      if (command instanceof ClaimTaskCmd) {
        String taskId = CommandFields.read(CLAIM_TASK, command);
        String userId = CommandFields.read(CLAIM_USER, command);
        if (userId == null) {
          refuseUnless(next.execute(TaskHolders.giveBack(taskId, me, UserOperationLogEntry.OPERATION_TYPE_CLAIM)));
          return null;
        }
        if (!userId.equals(me)) {
          throw new AuthorizationException(CLAIM_FOR_OTHERS);
        }
        refuseUnless(translated(() -> next.execute(TaskHolders.take(taskId, me, caller.getGroupIds(), false)),
            NOT_OFFERED));
        return null;
      }
      if (command instanceof AssignTaskCmd) {
        String taskId = CommandFields.read(ASSIGN_TASK, command);
        String userId = CommandFields.read(ASSIGN_USER, command);
        if (me.equals(userId)) {
          refuseUnless(translated(() -> next.execute(TaskHolders.take(taskId, me, caller.getGroupIds(), true)),
              NOT_OFFERED));
          return null;
        }
        if (userId == null) {
          Outcome outcome = next.execute(TaskHolders.giveBack(taskId, me, UserOperationLogEntry.OPERATION_TYPE_ASSIGN));
          if (outcome != Outcome.NOT_HOLDER) {
            refuseUnless(outcome);
            return null;
          }
          // someone else's task: whoever may reassign it (TASK_ASSIGN) may give it back
          return translated(() -> next.execute(command), NOT_HOLDER);
        }
      }
      return translated(() -> next.execute(command), command instanceof SaveTaskCmd ? TASK_EDIT_REFUSED : ASSIGN_REFUSED);
    }

    /** Camunda's own command; an administrator's claim of a task someone holds answers 409, not 500. */
    private <T> T administratorsOrApplication(Command<T> command) {
      try {
        return next.execute(command);
      } catch (TaskAlreadyClaimedException e) {
        if (configuration.getIdentityService().getCurrentAuthentication() == null || Context.getCommandContext() != null) {
          throw e;
        }
        throw new InvalidRequestException(Status.CONFLICT, ALREADY_HELD);
      }
    }

    private static boolean changesHolder(Command<?> command) {
      return command instanceof ClaimTaskCmd || command instanceof AbstractAddIdentityLinkCmd
          || command instanceof DeleteIdentityLinkCmd || command instanceof DelegateTaskCmd
          || command instanceof SaveTaskCmd;
    }

    /** Camunda's refusal of {@code action}, worded for an official. */
    private static <T> T translated(Supplier<T> action, String message) {
      try {
        return action.get();
      } catch (AuthorizationException e) {
        throw new AuthorizationException(message);
      }
    }

    private static void refuseUnless(Outcome outcome) {
      switch (outcome) {
        case DONE -> { }
        case NO_TASK -> throw new NotFoundException(NO_TASK);
        case HELD_BY_COLLEAGUE -> throw new InvalidRequestException(Status.CONFLICT, HELD_BY_COLLEAGUE);
        case HELD -> throw new InvalidRequestException(Status.CONFLICT, HELD);
        case NOT_HOLDER -> throw new AuthorizationException(NOT_HOLDER);
      }
    }
  }
}
