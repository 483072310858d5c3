package vn.thanthien.pilot.evidence.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import vn.thanthien.pilot.contract.Submission;
import vn.thanthien.pilot.forms.SubmissionCheck;

/**
 * Engine plugin that refuses to complete a user task whose model requires evidence
 * ({@code evidence.required}, see {@link EvidenceRequirement}) before the task has its files: 400
 * with a Vietnamese message naming what is missing, through {@code /engine-rest}, the webapps' API
 * and Java alike (complete and submit-form), and nothing of the submission is kept.
 *
 * <p>The check is the last listener at the end of such a task (after the form check of
 * {@code contract.SubmissionContractPlugin} and the model's own validators, so a wrong field is told
 * first; and after the engine has checked the caller's right to complete the task: a stranger still
 * gets 403, not a hint about files). Task completions cannot skip listeners. It applies to completions
 * by a logged-in user — every official's, since the REST API and the webapps always authenticate —
 * not to the application's own code, which completes nothing an official should have. A task
 * done again (a plan sent back, a second self-assessment) needs files of its own.
 */
public class EvidenceRequirementPlugin extends AbstractProcessEnginePlugin {

  private final EvidenceCount files;

  public EvidenceRequirementPlugin(EvidenceCount files) {
    this.files = files;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        Map<String, String> properties = BpmnParseUtil.parseCamundaExtensionProperties(element);
        EvidenceRequirement requirement = properties == null ? EvidenceRequirement.NONE : EvidenceRequirement.of(properties);
        if (requirement.isRequired()) {
          // after the model's own checks, so that wrong fields are told first
          activity.addListener(ExecutionListener.EVENTNAME_END, new EvidenceCheck(requirement, files));
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** The check at the end of one task that requires evidence. */
  static final class EvidenceCheck extends SubmissionCheck {
    private final EvidenceRequirement requirement;
    private final EvidenceCount files;

    EvidenceCheck(EvidenceRequirement requirement, EvidenceCount files) {
      this.requirement = requirement;
      this.files = files;
    }

    @Override
    protected void check(DelegateExecution execution) {
      if (Context.getCommandContext().getAuthenticatedUserId() == null) {
        return; // the application's own code
      }
      CommandInvocationContext invocation = Context.getCommandInvocationContext();
      String taskId = invocation == null ? null : Submission.of(invocation.getCommand())
          .filter(Submission::isTaskCompletion).map(Submission::taskId).orElse(null);
      if (taskId == null) {
        return; // the task ends otherwise than by its completion
      }
      requirement.missing(slot -> files.count(taskId, slot)).ifPresent(message -> {
        throw new FormFieldValidationException(List.of(message), message);
      });
    }
  }
}
