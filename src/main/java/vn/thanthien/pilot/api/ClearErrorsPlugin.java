package vn.thanthien.pilot.api;

import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.engine.CommandFields;
import vn.thanthien.pilot.engine.Interceptors;

/**
 * Clear 4xx answers with a Vietnamese message, instead of 500, for what an official can run into:
 * completing a task that another official completes at the same moment (409), completing a task
 * that was already completed or no longer exists (404), and a value too long for the database
 * (SQL state 22001, 400), and an instance, task or job of another province (Camunda's tenant check,
 * 403 instead of its 500).
 *
 * <p>Camunda's task resource turns every engine exception of {@code complete} and
 * {@code submit-form} into a 500, but passes on a REST exception with its status. An engine command
 * interceptor, outside the transaction, translates these exceptions into a REST exception, so the
 * answer is the same on the REST API ({@code /engine-rest}) and on the webapps' engine API
 * ({@code /camunda/api/engine}), which are two separate Jersey applications. Only the task
 * completion commands are translated for conflicts, so the job executor keeps seeing the
 * optimistic-locking exceptions it retries on. Validation errors from listeners
 * ({@code FormFieldValidationException}, 400) and refusals (403) pass untouched, unless the task
 * was completed by someone else meanwhile (the check then judged the state the other completion
 * left: the task's grants are gone, the process has moved on).
 */
@Component
public class ClearErrorsPlugin extends AbstractProcessEnginePlugin {

  static final String CONFLICT = "Công việc này vừa được người khác hoàn thành hoặc thay đổi cùng lúc. "
      + "Dữ liệu anh/chị gửi chưa được lưu; vui lòng tải lại danh sách công việc để xem tình trạng mới nhất.";
  static final String GONE = "Công việc này không còn: đã được hoàn thành (có thể bởi người khác) hoặc đã "
      + "bị hủy. Dữ liệu anh/chị gửi chưa được lưu; vui lòng tải lại danh sách công việc.";
  static final String TOO_LONG = "Dữ liệu chưa hợp lệ: có nội dung dài quá giới hạn lưu trữ (4.000 ký tự "
      + "cho một trường văn bản). Vui lòng rút gọn rồi gửi lại.";

  static final String OTHER_PROVINCE = "Anh/chị không có quyền xem hoặc thay đổi hồ sơ này.";
  /** Camunda's refusal (ENGINE-13034) of an instance, task or job of a tenant the user is no member of. */
  private static final String UNAUTHORIZED_TENANT = "because it belongs to no authenticated tenant";

  /** SQL states of a transaction that lost against a concurrent one (serialization, deadlock, lock timeout). */
  private static final List<String> CONCURRENCY_SQL_STATES = List.of("40001", "40P01", "HYT00");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Interceptors.addBeforeCommands(configuration, new Translator(configuration));
  }

  static final class Translator extends CommandInterceptor {
    private final ProcessEngineConfigurationImpl configuration;

    Translator(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        if ("22001".equals(sqlState(e))) {
          throw new InvalidRequestException(Status.BAD_REQUEST, e, TOO_LONG);
        }
        if (isTaskCompletion(command)) {
          if (e instanceof NullValueException && e.getMessage() != null
              && e.getMessage().startsWith("Cannot find task with id")) {
            throw new InvalidRequestException(Status.NOT_FOUND, e, GONE);
          }
          boolean conflict = !(e instanceof AuthorizationException) && (e instanceof OptimisticLockingException
              || CONCURRENCY_SQL_STATES.contains(String.valueOf(sqlState(e))));
          if (conflict || completedMeanwhile(command)) {
            // Whatever went wrong (the authorization check or a listener may have read the state the
            // other completion left), the cause is that someone else completed the task meanwhile.
            throw new InvalidRequestException(Status.CONFLICT, e, CONFLICT);
          }
        }
        if (e.getMessage() != null && e.getMessage().contains(UNAUTHORIZED_TENANT)) {
          // another province's instance (access.ProvinceTenants): refused as any other reading
          // without permission, without Camunda's English message naming its id
          throw new InvalidRequestException(Status.FORBIDDEN, e, OTHER_PROVINCE);
        }
        throw e;
      }
    }

    /** Whether the task of a failed completion is gone now, completed by a concurrent completion. */
    private boolean completedMeanwhile(Command<?> command) {
      String taskId = taskIdOf(command);
      if (taskId == null) {
        return false;
      }
      return configuration.getCommandExecutorTxRequired()
          .execute(context -> context.getTaskManager().findTaskById(taskId) == null);
    }

    /** The task id of {@link CompleteTaskCmd} and {@link SubmitTaskFormCmd} (a protected field of both). */
    private static String taskIdOf(Command<?> command) {
      try {
        return CommandFields.read(command, "taskId");
      } catch (RuntimeException e) {
        return null;
      }
    }

    private static boolean isTaskCompletion(Command<?> command) {
      return command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd;
    }

    /** The SQL state of the first SQL exception among the causes (and their next exceptions). */
    static String sqlState(Throwable error) {
      for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
        if (cause instanceof SQLException sql) {
          for (SQLException next = sql; next != null; next = next.getNextException()) {
            if (next.getSQLState() != null) {
              return next.getSQLState();
            }
          }
        }
      }
      return null;
    }
  }
}
