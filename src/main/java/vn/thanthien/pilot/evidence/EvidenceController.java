package vn.thanthien.pilot.evidence;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.thanthien.pilot.engine.TaskWork;
import vn.thanthien.pilot.engine.TaskWork.OpenTask;
import vn.thanthien.pilot.evidence.EvidenceFiles.Stored;
import vn.thanthien.pilot.evidence.EvidenceFiles.Upload;

/**
 * The evidence files of tasks, for Tasklist and for other systems (README "Tệp minh chứng"):
 * list, upload, download and remove. Who calls is authenticated by {@code access.ApiAuthenticationFilter}
 * (HTTP Basic, or the webapps' session with its CSRF token for anything but GET and HEAD); what
 * they may do is decided by Camunda's authorizations ({@link EvidenceAccess}, {@link TaskWork}).
 * Whoever may not read a task, an instance or a file gets 404, as for one that does not exist.
 * Errors answer {@code {"type": …, "message": …}} in Vietnamese.
 */
@RestController
@RequestMapping("/api")
public class EvidenceController {

  static final String NO_TASK = "Không tìm thấy công việc này, hoặc anh/chị không có quyền xem công việc này.";
  static final String NO_INSTANCE = "Không tìm thấy quy trình này, hoặc anh/chị không có quyền xem quy trình này.";
  static final String NO_FILE = "Không tìm thấy tệp minh chứng này, hoặc anh/chị không có quyền xem tệp này.";
  static final String MAY_NOT_WORK = "Anh/chị chỉ được xem công việc này, không được thêm hay gỡ tệp minh chứng: "
      + "công việc thuộc đơn vị khác.";
  static final String NOT_OWN_FILE = "Chỉ người đã thêm tệp minh chứng này mới được gỡ tệp.";
  static final String NO_PROCESS = "Công việc này không thuộc quy trình nào nên không đính kèm tệp minh chứng được.";
  static final String NOT_MULTIPART = "Hãy gửi tệp minh chứng dạng multipart/form-data, mỗi tệp là một phần tên «file».";
  static final String LENGTH_REQUIRED = "Yêu cầu tải lên phải cho biết độ dài (Content-Length); chưa lưu tệp nào.";
  static final String NO_FILES = "Chưa có tệp nào: hãy gửi ít nhất một phần tên «file».";
  static final String UNKNOWN_PART = "Phần «%s» không thuộc yêu cầu tải tệp lên: chỉ nhận các phần «file» và «slot».";
  static final String BAD_SLOT = "Mục minh chứng «slot» không hợp lệ: từ 1 đến 40 ký tự chữ thường không dấu, chữ số "
      + "và dấu gạch ngang, ví dụ tieu-chi-1; chỉ gửi một lần.";
  static final String EMPTY_FILE = "Tệp «%s» rỗng (0 byte); chưa lưu tệp nào.";
  static final String FILE_TOO_LARGE = "Tệp «%s» (%s) lớn hơn giới hạn %s cho mỗi tệp; chưa lưu tệp nào.";
  static final String REFUSED_TYPE = "Tệp «%s» không được nhận: nội dung của tệp không phải PDF, Word (DOC, DOCX), "
      + "Excel (XLS, XLSX) hay ảnh JPEG, PNG, HEIC, dù tên tệp là gì; chưa lưu tệp nào.";
  static final String REQUEST_TOO_LARGE = "Yêu cầu tải lên quá lớn hoặc có quá nhiều phần; chưa lưu tệp nào.";
  static final String BROKEN_REQUEST = "Yêu cầu tải lên không đọc được (bị gián đoạn hoặc sai định dạng multipart); "
      + "chưa lưu tệp nào, vui lòng gửi lại.";
  static final String FAILED = "Máy chủ gặp lỗi khi xử lý tệp minh chứng; vui lòng thử lại sau hoặc liên hệ quản trị "
      + "hệ thống.";

  static final String FILE_PART = "file";
  static final String SLOT_PART = "slot";
  /** Camunda's ids (UUIDs, or numbers with the default id generator) and a few more characters. */
  static final Pattern ENGINE_ID = Pattern.compile("[A-Za-z0-9_:.-]{1,64}");
  static final Pattern FILE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  static final Pattern SLOT = Pattern.compile("[a-z0-9-]{1,40}");

  private static final Logger LOG = LoggerFactory.getLogger(EvidenceController.class);

  private final EvidenceFiles files;
  private final EvidenceAccess access;
  private final ProcessEngine engine;
  private final EvidenceProperties settings;
  private final FileTypes types;
  private final Thumbnails thumbnails;

  public EvidenceController(EvidenceFiles files, EvidenceAccess access, ProcessEngine engine,
      EvidenceProperties settings, Thumbnails thumbnails) {
    this.thumbnails = thumbnails;
    this.files = files;
    this.access = access;
    this.engine = engine;
    this.settings = settings;
    this.types = new FileTypes(settings.acceptedTypes());
  }

  @GetMapping("/tasks/{taskId}/files")
  public ResponseEntity<List<Map<String, Object>>> ofTask(@PathVariable String taskId) {
    EvidenceAccess.ReadableTask task = readableTask(taskId);
    String caller = access.caller();
    boolean open = task.open() && access.isOpen(task.id());
    return json(HttpStatus.OK, files.ofTask(task.id()).stream().map(file -> answer(file, open && caller.equals(file.addedBy())))
        .toList());
  }

  @GetMapping("/process-instances/{processInstanceId}/files")
  public ResponseEntity<List<Map<String, Object>>> ofProcessInstance(@PathVariable String processInstanceId) {
    if (!ENGINE_ID.matcher(processInstanceId).matches() || !access.mayReadInstance(processInstanceId)) {
      throw new EvidenceException(404, "ProcessInstanceNotFound", NO_INSTANCE);
    }
    String caller = access.caller();
    Set<String> open = access.openTasks(processInstanceId);
    return json(HttpStatus.OK, files.ofProcessInstance(processInstanceId).stream()
        .map(file -> answer(file, open.contains(file.taskId()) && caller.equals(file.addedBy()))).toList());
  }

  @PostMapping("/tasks/{taskId}/files")
  public ResponseEntity<List<Map<String, Object>>> upload(@PathVariable String taskId, HttpServletRequest request) {
    OpenTask task = workableTask(taskId);
    String contentType = request.getContentType();
    if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
      throw new EvidenceException(415, "NotMultipart", NOT_MULTIPART);
    }
    if (request.getContentLengthLong() < 0) {
      // the request-size ceiling is checked on the declared length: the servlet container's
      // multipart parser reads the body beneath any filter
      throw new EvidenceException(411, "LengthRequired", LENGTH_REQUIRED);
    }
    List<Upload> uploads = new ArrayList<>();
    String slot = null;
    boolean slotSeen = false;
    for (Part part : parts(request)) {
      if (SLOT_PART.equals(part.getName()) && part.getSubmittedFileName() == null) {
        slot = slot(part, slotSeen);
        slotSeen = true;
      } else if (FILE_PART.equals(part.getName())) {
        uploads.add(upload(part));
      } else {
        throw new EvidenceException(400, "UnknownPart", UNKNOWN_PART.formatted(printable(part.getName())));
      }
    }
    if (uploads.isEmpty()) {
      throw new EvidenceException(400, "NoFiles", NO_FILES);
    }
    List<EvidenceFile> added;
    try {
      added = files.add(task, access.caller(), task.callerName(), slot, uploads);
    } catch (UncheckedIOException e) {
      LOG.info("An upload to task {} could not be read to its end: {}", taskId, e.getMessage());
      throw new EvidenceException(400, "UploadInterrupted", EvidenceFiles.INTERRUPTED);
    }
    LOG.info("{} added {} evidence file(s) to task {} of instance {}", access.caller(), added.size(), task.id(),
        task.processInstanceId());
    return json(HttpStatus.CREATED, added.stream().map(file -> answer(file, true)).toList());
  }

  @GetMapping("/files/{fileId}")
  public void download(@PathVariable String fileId, HttpServletResponse response) throws IOException {
    Stored stored = readableFile(fileId);
    EvidenceFile file = stored.file();
    response.setStatus(200);
    response.setContentType(file.mediaType());
    response.setContentLengthLong(file.size());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(file.name()));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "sandbox");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
    if (!stored.sha256().isEmpty()) {
      response.setHeader("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
          HexFormat.of().parseHex(stored.sha256())) + ":");
    }
    try (InputStream content = files.content(file.id())) {
      OutputStream out = response.getOutputStream();
      content.transferTo(out);
    }
  }

  /** A photo's small picture (JPEG, at most 240 px), for a phone's list of files; 404 for other types. */
  @GetMapping("/files/{fileId}/thumbnail")
  public ResponseEntity<byte[]> thumbnail(@PathVariable String fileId) throws IOException {
    EvidenceFile file = readableFile(fileId).file();
    if (!thumbnails.draws(file.mediaType())) {
      throw new EvidenceException(404, "NoThumbnail", Thumbnails.NONE);
    }
    byte[] picture;
    try (InputStream content = files.content(file.id())) {
      picture = thumbnails.draw(content);
    }
    // a file's bytes never change: the browser keeps its thumbnail (private: never a shared cache)
    return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePrivate())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox")
        .header("Cross-Origin-Resource-Policy", "same-origin")
        .body(picture);
  }

  @DeleteMapping("/files/{fileId}")
  public ResponseEntity<Void> remove(@PathVariable String fileId) {
    EvidenceFile file = readableFile(fileId).file();
    if (!file.addedBy().equals(access.caller())) {
      throw new EvidenceException(403, "NotOwnFile", NOT_OWN_FILE);
    }
    if (!access.isOpen(file.taskId())) {
      throw new EvidenceException(409, "TaskNotOpen", EvidenceFiles.TASK_CLOSED);
    }
    workableTask(file.taskId());
    files.remove(file.id(), file.taskId());
    LOG.info("{} removed evidence file {} of task {}", access.caller(), file.id(), file.taskId());
    return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
  }

  private EvidenceAccess.ReadableTask readableTask(String taskId) {
    if (!ENGINE_ID.matcher(taskId).matches()) {
      throw new EvidenceException(404, "TaskNotFound", NO_TASK);
    }
    return access.readableTask(taskId).orElseThrow(() -> new EvidenceException(404, "TaskNotFound", NO_TASK));
  }

  /** The open task the caller may work on: 404 unreadable, 409 completed, 403 read-only for the caller. */
  private OpenTask workableTask(String taskId) {
    EvidenceAccess.ReadableTask readable = readableTask(taskId);
    if (!readable.open()) {
      throw new EvidenceException(409, "TaskNotOpen", EvidenceFiles.TASK_CLOSED);
    }
    OpenTask task;
    try {
      task = TaskWork.check(engine, taskId);
    } catch (AuthorizationException e) {
      throw new EvidenceException(403, "Forbidden", MAY_NOT_WORK);
    }
    if (task == null) {
      throw new EvidenceException(409, "TaskNotOpen", EvidenceFiles.TASK_CLOSED);
    }
    if (task.processInstanceId() == null) {
      throw new EvidenceException(409, "NoProcessInstance", NO_PROCESS);
    }
    return task;
  }

  private Stored readableFile(String fileId) {
    if (!FILE_ID.matcher(fileId).matches()) {
      throw new EvidenceException(404, "FileNotFound", NO_FILE);
    }
    Stored stored = files.find(fileId).orElseThrow(() -> new EvidenceException(404, "FileNotFound", NO_FILE));
    if (!access.mayReadInstance(stored.file().processInstanceId())) {
      throw new EvidenceException(404, "FileNotFound", NO_FILE);
    }
    return stored;
  }

  private static List<Part> parts(HttpServletRequest request) {
    try {
      return List.copyOf(request.getParts());
    } catch (IllegalStateException e) {
      throw new EvidenceException(413, "RequestTooLarge", REQUEST_TOO_LARGE);
    } catch (IOException | ServletException e) {
      LOG.info("An upload could not be read: {}", e.getMessage());
      throw new EvidenceException(400, "BrokenUpload", BROKEN_REQUEST);
    }
  }

  private static String slot(Part part, boolean seen) {
    if (seen || part.getSize() > 40) {
      throw new EvidenceException(400, "InvalidSlot", BAD_SLOT);
    }
    String value;
    try (InputStream in = part.getInputStream()) {
      value = new String(in.readNBytes(41), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new EvidenceException(400, "BrokenUpload", BROKEN_REQUEST);
    }
    if (!SLOT.matcher(value).matches()) {
      throw new EvidenceException(400, "InvalidSlot", BAD_SLOT);
    }
    return value;
  }

  private Upload upload(Part part) {
    String name = FileNames.clean(part.getSubmittedFileName(), settings.maxNameLength());
    if (part.getSize() == 0) {
      throw new EvidenceException(400, "EmptyFile", EMPTY_FILE.formatted(name));
    }
    if (part.getSize() > settings.maxFileSize().toBytes()) {
      throw new EvidenceException(413, "FileTooLarge", FILE_TOO_LARGE.formatted(name, Sizes.readable(part.getSize()),
          Sizes.readable(settings.maxFileSize().toBytes())));
    }
    String mediaType;
    try {
      mediaType = types.acceptedType(part::getInputStream, name);
    } catch (IOException e) {
      throw new EvidenceException(400, "BrokenUpload", BROKEN_REQUEST);
    }
    if (mediaType == null) {
      throw new EvidenceException(415, "RefusedFileType", REFUSED_TYPE.formatted(name));
    }
    return new Upload(name, mediaType, part.getSize(), part::getInputStream);
  }

  /** A part's name as sent, cut and stripped of control characters, for a message. */
  private static String printable(String name) {
    return name == null ? "" : FileNames.clean(name, 40);
  }

  /** {@code attachment; filename="Ke hoach.pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch.pdf} (RFC 6266, 8187). */
  public static String contentDisposition(String name) {
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + FileNames.ascii(name) + "\"; filename*=UTF-8''" + encoded;
  }

  static Map<String, Object> answer(EvidenceFile file, boolean removable) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", file.id());
    json.put("name", file.name());
    json.put("size", file.size());
    json.put("mediaType", file.mediaType());
    json.put("addedBy", file.addedBy());
    json.put("addedByName", file.addedByName());
    json.put("addedAt", file.addedAt().toString());
    json.put("taskId", file.taskId());
    json.put("taskName", file.taskName());
    json.put("taskDefinitionKey", file.taskDefinitionKey());
    json.put("slot", file.slot());
    json.put("processInstanceId", file.processInstanceId());
    json.put("businessKey", file.businessKey());
    json.put("url", file.url());
    json.put("removable", removable);
    return json;
  }

  private static <T> ResponseEntity<T> json(HttpStatus status, T body) {
    return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
        .body(body);
  }

  @ExceptionHandler(EvidenceException.class)
  ResponseEntity<Map<String, String>> refused(EvidenceException e, HttpServletResponse response) {
    if (e.status == 413 || e.status == 415 || e.status == 400) {
      // the rest of a refused upload is not read: the connection closes after the answer
      response.setHeader(HttpHeaders.CONNECTION, "close");
    }
    return ResponseEntity.status(e.status).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("type", e.type, "message", e.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Map<String, String>> forbidden(AuthorizationException e) {
    LOG.debug("Evidence request refused: {}", e.getMessage());
    return refused(new EvidenceException(403, "Forbidden", MAY_NOT_WORK), null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, String>> failed(Exception e, HttpServletResponse response) {
    LOG.error("Evidence request failed", e);
    if (response.isCommitted()) {
      return null;
    }
    response.reset();
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).cacheControl(CacheControl.noStore())
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("type", "EvidenceFailed", "message", FAILED));
  }
}
