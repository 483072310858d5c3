package vn.thanthien.pilot.access;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.engine.Interceptors;

/**
 * Messages, signals and conditions are the application's own: the only message the models wait
 * for, {@code late-work-done}, is correlated by the engine itself when a unit completes its late
 * task ({@code calendar.FollowUps}, inside the completion), and no model has a signal or a
 * conditional event. An official who sent one through {@code /engine-rest/message}, {@code /signal},
 * {@code /condition}, an execution's {@code /signal} or {@code /messageSubscriptions/…/trigger}
 * (or the webapps' {@code /camunda/api/engine} twins) learnt from Camunda's answer whether any unit
 * was late (403 naming the follow-up instance, or 204): such a command is refused before anything
 * is looked up, always with the same 403 and message, whatever exists. Administrators and the
 * application's own code (no user, or inside another command) are not held to it.
 */
@Component
public class ProcessEventsPlugin extends AbstractProcessEnginePlugin {

  static final String MESSAGE = "Chỉ hệ thống và quản trị hệ thống được gửi thông điệp, tín hiệu hoặc điều kiện "
      + "vào quy trình; khi đơn vị hoàn thành công việc, quy trình tự ghi nhận.";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Interceptors.addBeforeCommands(configuration, new ApplicationEventsOnly(configuration));
  }

  static final class ApplicationEventsOnly extends CommandInterceptor {
    private final ProcessEngineConfigurationImpl configuration;

    ApplicationEventsOnly(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (isProcessEvent(command) && OwnClaimsPlugin.officialSending(configuration) != null) {
        throw new AuthorizationException(MESSAGE);
      }
      return next.execute(command);
    }

    private static boolean isProcessEvent(Command<?> command) {
      return command instanceof AbstractCorrelateMessageCmd || command instanceof CorrelateAllMessageBatchCmd
          || command instanceof MessageEventReceivedCmd || command instanceof SignalEventReceivedCmd
          || command instanceof SignalCmd || command instanceof EvaluateStartConditionCmd;
    }
  }
}
