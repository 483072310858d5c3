package vn.thanthien.pilot.notifications;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Engine plugin for the officials' e-mail (README "E-mail"), without any model having to ask:
 * <ul>
 *   <li>every user task gets a built-in listener at its creation that schedules, in the same
 *   transaction, a mail job per unit it is offered to ({@link TaskMailJobs}); with e-mail off it
 *   schedules nothing;</li>
 *   <li>the job handler {@link TaskMailJobHandler} is registered;</li>
 *   <li>a failed mail job is tried again after the configured cycle ({@code pilot.mail.retry-time-cycle},
 *   {@link MailJobRetries}); every other job keeps the engine's own retry behaviour.</li>
 * </ul>
 */
@Component
public class MailNotificationPlugin extends AbstractProcessEnginePlugin {

  private final TaskMailJobHandler handler;
  private final FailedJobRetryConfiguration retries;
  private final TaskListener offered;

  public MailNotificationPlugin(TaskMailJobHandler handler, MailDelivery delivery, NotificationProperties properties) {
    this.handler = handler;
    this.retries = ParseUtil.parseRetryIntervals(properties.retryTimeCycle());
    if (retries == null || retries.getRetries() < 1) {
      throw new IllegalArgumentException("pilot.mail.retry-time-cycle must be like R3/PT5M, not "
          + properties.retryTimeCycle());
    }
    this.offered = task -> {
      if (delivery.isOn()) {
        TaskMailJobs.schedule((TaskEntity) task, TaskMail.Kind.OFFERED);
      }
    };
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<JobHandler> handlers = configuration.getCustomJobHandlers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomJobHandlers());
    handlers.add(handler);
    configuration.setCustomJobHandlers(handlers);

    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, offered);
      }
    });
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the engine's own factory exists now; mail jobs get their cycle, every other job keeps it
    configuration.setFailedJobCommandFactory(new MailJobRetries(configuration.getFailedJobCommandFactory(), retries));
  }
}
