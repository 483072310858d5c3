package vn.thanthien.pilot.documents;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.organisation.UnitDirectory;

/**
 * When a task that issues a document opens (decision, rollout plan, interim or final report): writes
 * where its draft is downloaded, for the form's link "Tải dự thảo … (.docx)", and for the
 * recognition, the body that issues the decision unless the official names another (the appraising
 * level: UBND tỉnh for the province's pilots, UBND huyện for the district's, the provincial body on
 * the two-tier map).
 */
@Component("documentLinks")
public class DocumentLinks implements TaskListener {

  /** The variable holding the draft's address, per kind. */
  static String variable(DocumentKind kind) {
    return switch (kind) {
      case RECOGNITION_DECISION -> "recognitionDraftUrl";
      case ROLLOUT_PLAN -> "rolloutPlanDraftUrl";
      case INTERIM_REPORT -> "interimReportDraftUrl";
      case FINAL_REPORT -> "finalReportDraftUrl";
    };
  }

  private final UnitDirectory units;

  public DocumentLinks(UnitDirectory units) {
    this.units = units;
  }

  @Override
  public void notify(DelegateTask task) {
    String process = task.getProcessDefinitionId().substring(0, task.getProcessDefinitionId().indexOf(':'));
    DocumentDrafts.ISSUING_TASKS.getOrDefault(process, java.util.Map.of()).forEach((kind, key) -> {
      if (key.equals(task.getTaskDefinitionKey())) {
        task.getExecution().setVariable(variable(kind), DocumentDrafts.url(task.getProcessInstanceId(), kind));
      }
    });
    if ("IssueRecognition".equals(task.getTaskDefinitionKey())) {
      Object group = task.getVariable("appraiserGroup");
      String issuer = group == null ? null : units.ofGroup(group.toString()).map(u -> u.committeeName()).orElse(null);
      if (issuer != null) {
        task.getExecution().setVariable("recognitionDefaultIssuer", issuer);
      }
    }
  }
}
