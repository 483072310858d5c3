package vn.thanthien.pilot.contract;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.delegate.ExecutionListenerInvocation;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.forms.FormInputValidator;

/**
 * Engine plugin that makes every submission go through the same two checks, without any model
 * having to ask for them:
 * <ul>
 *   <li>{@link SubmissionGuard}: only the fields of the form of the task in hand (or of the start
 *   form) are accepted, before the command runs;</li>
 *   <li>{@link FormInputValidator}: each field against the rules of its deployed Camunda Form, as
 *   the first listener at the end of every user task and the start of every start event. It is
 *   built in, so it runs even when a caller asks to skip custom listeners.</li>
 * </ul>
 */
@Component
public class SubmissionContractPlugin extends AbstractProcessEnginePlugin {

  private final VariableContracts contracts;
  private final ExecutionListener formInputValidator;

  @Autowired
  public SubmissionContractPlugin(FormInputValidator formInputValidator) {
    this(VariableContracts.fromClasspath(), formInputValidator);
  }

  public SubmissionContractPlugin(VariableContracts contracts, FormInputValidator formInputValidator) {
    this.contracts = contracts;
    // called as the engine calls a listener named in a model (through its delegate interceptor,
    // which runs custom code without the official's authorizations: the form is a deployment
    // resource officials may not read themselves)
    this.formInputValidator = execution -> Context.getProcessEngineConfiguration().getDelegateInterceptor()
        .handleInvocation(new ExecutionListenerInvocation(formInputValidator, execution));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // one guard per chain: an interceptor knows the next one of its own chain
    configuration.setCustomPostCommandInterceptorsTxRequired(with(
        configuration.getCustomPostCommandInterceptorsTxRequired(), new SubmissionGuard(contracts)));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(with(
        configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new SubmissionGuard(contracts)));
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : configuration.getCustomPostBPMNParseListeners();
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, formInputValidator, 0);
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, formInputValidator, 0);
      }
    });
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors,
      CommandInterceptor interceptor) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(interceptor);
    return all;
  }
}
