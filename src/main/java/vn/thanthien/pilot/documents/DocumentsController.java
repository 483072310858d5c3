package vn.thanthien.pilot.documents;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thanthien.pilot.evidence.EvidenceAccess;
import vn.thanthien.pilot.evidence.EvidenceController;
import vn.thanthien.pilot.summary.ProgrammeSummaries.NothingToShowException;

/**
 * The documents of an instance (README "Văn bản dự thảo"): {@code GET
 * /api/process-instances/{id}/documents} lists the drafts it offers and the signed documents
 * attached to the steps that issue them; {@code GET …/documents/{kind}.docx} downloads a draft.
 * Whoever may read the instance's evidence files may read its documents ({@link EvidenceAccess}):
 * the commune, its district, the province, the managers; anyone else gets 404, as for an instance
 * that does not exist. Who calls is authenticated by {@code access.ApiAuthenticationFilter}.
 */
@RestController
@RequestMapping("/api/process-instances")
public class DocumentsController {

  static final String NO_INSTANCE = "Không tìm thấy quy trình này, hoặc anh/chị không có quyền xem quy trình này.";
  static final String NO_DOCUMENT = "Quy trình này chưa có văn bản dự thảo này (văn bản chỉ có khi đến bước ban hành), "
      + "hoặc anh/chị không có quyền xem văn bản này.";
  static final String FAILED = "Máy chủ gặp lỗi khi soạn văn bản dự thảo; vui lòng thử lại sau hoặc liên hệ quản trị "
      + "hệ thống.";
  private static final Pattern ENGINE_ID = Pattern.compile("[A-Za-z0-9_:.-]{1,64}");
  private static final String SUFFIX = ".docx";
  private static final Logger LOG = LoggerFactory.getLogger(DocumentsController.class);

  private final DocumentDrafts drafts;
  private final EvidenceAccess access;

  public DocumentsController(DocumentDrafts drafts, EvidenceAccess access) {
    this.drafts = drafts;
    this.access = access;
  }

  @GetMapping("/{processInstanceId}/documents")
  public ResponseEntity<List<DocumentDrafts.Listed>> list(@PathVariable String processInstanceId) {
    readable(processInstanceId);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
        .body(drafts.list(processInstanceId));
  }

  @GetMapping("/{processInstanceId}/documents/{file}")
  public ResponseEntity<byte[]> download(@PathVariable String processInstanceId, @PathVariable String file) {
    readable(processInstanceId);
    Optional<DocumentKind> kind = file.endsWith(SUFFIX)
        ? DocumentKind.of(file.substring(0, file.length() - SUFFIX.length())) : Optional.empty();
    DocumentDrafts.Draft draft = kind.flatMap(k -> drafts.draft(processInstanceId, k))
        .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "DocumentNotFound", NO_DOCUMENT));
    LOG.info("{} drafted {} of instance {}", access.caller(), kind.get().key(), processInstanceId);
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .contentType(MediaType.parseMediaType(DocumentKind.MEDIA_TYPE))
        .header(HttpHeaders.CONTENT_DISPOSITION, EvidenceController.contentDisposition(draft.fileName()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .body(draft.content());
  }

  private void readable(String processInstanceId) {
    if (!ENGINE_ID.matcher(processInstanceId).matches() || !access.mayReadInstance(processInstanceId)) {
      throw new Refusal(HttpStatus.NOT_FOUND, "ProcessInstanceNotFound", NO_INSTANCE);
    }
  }

  static final class Refusal extends RuntimeException {
    final HttpStatus status;
    final String type;

    Refusal(HttpStatus status, String type, String message) {
      super(message);
      this.status = status;
      this.type = type;
    }
  }

  private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String type, String message) {
    return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("type", type, "message", message));
  }

  @ExceptionHandler(Refusal.class)
  ResponseEntity<Map<String, String>> refused(Refusal e) {
    return answer(e.status, e.type, e.getMessage());
  }

  @ExceptionHandler({NothingToShowException.class, AuthorizationException.class})
  ResponseEntity<Map<String, String>> nothingToShow(RuntimeException e) {
    LOG.debug("Document refused: {}", e.getMessage());
    return answer(HttpStatus.NOT_FOUND, "DocumentNotFound", NO_DOCUMENT);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, String>> failed(Exception e) {
    LOG.error("A document draft failed", e);
    return answer(HttpStatus.INTERNAL_SERVER_ERROR, "DocumentFailed", FAILED);
  }
}
