package vn.thanthien.pilot.evidence.review;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tasks/{taskId}/evidence}: what the task's pane in Tasklist shows beside the task's
 * own files ({@code GET /api/tasks/{taskId}/files}): which files the step expects and which it
 * requires, per criterion where it has criteria; the files of the earlier steps of its instance
 * (the district's plan review sees the commune's plan, the appraisal the self-assessment's
 * evidence criterion by criterion); and, for a district's or the province's task, each commune's
 * files (lessons, interim and final reviews). Authenticated like every {@code /api} address
 * ({@code access.ApiAuthenticationFilter}); what it shows is decided by Camunda's authorizations
 * as the caller ({@link TaskEvidenceReader}).
 */
@RestController
public class TaskEvidenceController {

  static final String NOT_FOUND = "Không tìm thấy công việc này: công việc đã được hoàn thành, không còn, "
      + "hoặc anh/chị không có quyền xem.";
  static final String FORBIDDEN = "Anh/chị không có quyền xem minh chứng của công việc này.";
  static final String FAILED = "Không đọc được minh chứng do lỗi của hệ thống; vui lòng thử lại sau "
      + "hoặc liên hệ quản trị hệ thống.";
  private static final Logger LOG = LoggerFactory.getLogger(TaskEvidenceController.class);

  private final TaskEvidenceReader reader;

  public TaskEvidenceController(TaskEvidenceReader reader) {
    this.reader = reader;
  }

  @GetMapping("/api/tasks/{taskId}/evidence")
  public ResponseEntity<?> evidence(@PathVariable String taskId) {
    return reader.read(taskId).<ResponseEntity<?>>map(evidence -> ResponseEntity.ok()
            .cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON).body(evidence))
        .orElseGet(() -> answer(HttpStatus.NOT_FOUND, "TaskNotFound", NOT_FOUND));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, String>> forbidden(AuthorizationException e) {
    LOG.debug("Task evidence refused: {}", e.getMessage());
    return answer(HttpStatus.FORBIDDEN, "Forbidden", FORBIDDEN);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, String>> failed(Exception e) {
    LOG.error("Task evidence failed", e);
    return answer(HttpStatus.INTERNAL_SERVER_ERROR, "EvidenceFailed", FAILED);
  }

  private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String type, String message) {
    return ResponseEntity.status(status).cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("type", type, "message", message));
  }
}
