package vn.thanthien.pilot.evidence;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the evidence files ({@code pilot.evidence} in {@code application.yaml}): the largest
 * file, how many files and how many bytes one task may hold, the media types accepted (decided by
 * the content, {@link FileTypes}), the longest name kept, the size of the chunks the content is
 * stored in, and how often files whose instance's history is gone are removed.
 */
@ConfigurationProperties(prefix = "pilot.evidence")
public record EvidenceProperties(DataSize maxFileSize, int maxFilesPerTask, DataSize maxTotalPerTask,
    List<String> acceptedTypes, int maxNameLength, DataSize chunkSize, Duration cleanupInterval) {

  public EvidenceProperties {
    if (maxFileSize == null || maxFileSize.toBytes() <= 0) {
      throw new IllegalArgumentException("pilot.evidence.max-file-size must be positive");
    }
    if (maxFilesPerTask < 1) {
      throw new IllegalArgumentException("pilot.evidence.max-files-per-task must be at least 1");
    }
    if (maxTotalPerTask == null || maxTotalPerTask.toBytes() < maxFileSize.toBytes()) {
      throw new IllegalArgumentException("pilot.evidence.max-total-per-task must not be smaller than max-file-size");
    }
    if (acceptedTypes == null || acceptedTypes.isEmpty()) {
      throw new IllegalArgumentException("pilot.evidence.accepted-types must name at least one media type");
    }
    acceptedTypes = List.copyOf(acceptedTypes);
    if (maxNameLength < 20 || maxNameLength > 255) {
      throw new IllegalArgumentException("pilot.evidence.max-name-length must be between 20 and 255");
    }
    if (chunkSize == null || chunkSize.toBytes() < 4096 || chunkSize.toBytes() > 16L * 1024 * 1024) {
      throw new IllegalArgumentException("pilot.evidence.chunk-size must be between 4KB and 16MB");
    }
    if (cleanupInterval == null || cleanupInterval.isNegative() || cleanupInterval.isZero()) {
      throw new IllegalArgumentException("pilot.evidence.cleanup-interval must be positive");
    }
  }

  /**
   * The largest upload request accepted ({@code POST /api/tasks/{id}/files}): every file a task may
   * still take, plus room for the multipart framing. Other requests keep
   * {@code pilot.http.max-request-size}.
   */
  public long maxUploadRequestBytes() {
    return maxTotalPerTask.toBytes() + 1024L * 1024;
  }
}
