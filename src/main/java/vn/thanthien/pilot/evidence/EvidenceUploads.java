package vn.thanthien.pilot.evidence;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * Which requests are uploads of evidence files ({@code POST /api/tasks/{taskId}/files}): the only
 * requests whose body may be larger than {@code pilot.http.max-request-size}, up to
 * {@link EvidenceProperties#maxUploadRequestBytes()}. Any other spelling of the path (path
 * parameters, encoded characters) keeps the general limit.
 */
public final class EvidenceUploads {

  static final Pattern UPLOAD_PATH = Pattern.compile("/api/tasks/[A-Za-z0-9_:.-]{1,64}/files");

  private EvidenceUploads() {}

  public static boolean isUpload(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return false;
    }
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    if (uri == null || context == null || !uri.startsWith(context)) {
      return false;
    }
    return UPLOAD_PATH.matcher(uri.substring(context.length())).matches();
  }
}
