package vn.thanthien.pilot.evidence;

import java.time.Instant;

/**
 * One evidence file attached to a task: what the API answers for it (but {@code removable}, which
 * depends on the caller). {@code slot} is the criterion or part of the step it stands for (e.g.
 * {@code tieu-chi-1}), or null; {@code url} is where its bytes are read ({@code /api/files/{id}}).
 */
public record EvidenceFile(String id, String name, long size, String mediaType, String addedBy,
    String addedByName, Instant addedAt, String taskId, String taskName, String taskDefinitionKey, String slot,
    String processInstanceId, String businessKey, String url) {

  /** Where the bytes of the file {@code id} are read. */
  public static String url(String id) {
    return "/api/files/" + id;
  }
}
