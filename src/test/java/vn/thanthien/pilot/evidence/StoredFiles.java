package vn.thanthien.pilot.evidence;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import vn.thanthien.pilot.engine.TaskWork.OpenTask;

/**
 * Files put in the application's store for tests that run without HTTP (the store's own writing,
 * without the API's checks of the caller, which {@code EvidenceFilesOverHttpTest} proves): as if
 * {@code userId} had attached PDFs to the open task.
 */
public final class StoredFiles {

  private StoredFiles() {}

  /** {@code count} small PDFs added to the open task {@code taskId} by {@code userId}, in {@code slot} (or none). */
  public static void attach(ProcessEngine engine, EvidenceFiles files, String taskId, String userId, String slot,
      int count) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    OpenTask open = new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), instance.getId(),
        instance.getBusinessKey(), userId);
    for (int i = 0; i < count; i++) {
      byte[] pdf = EvidenceSamples.pdf(1_000 + i);
      files.add(open, userId, userId, slot, List.of(new EvidenceFiles.Upload("minh-chung-" + (i + 1) + ".pdf",
          "application/pdf", pdf.length, () -> new ByteArrayInputStream(pdf))));
    }
  }
}
