package vn.thanthien.pilot.evidence.review;

import java.time.Instant;
import java.util.List;
import vn.thanthien.pilot.evidence.EvidenceFile;

/**
 * What a reviewer's (or an official's) task needs to see of the evidence, in one answer of
 * {@code GET /api/tasks/{taskId}/evidence}: what the step expects, the files of the earlier steps
 * of its instance and, for a district's or the province's task, every commune's files.
 *
 * @param taskId the task
 * @param taskName its name
 * @param processInstanceId its instance
 * @param expected which files the step expects (Vietnamese), or null
 * @param required whether the step cannot be completed without files
 * @param slots the parts of the step a file is added to (criteria), empty for none
 * @param earlier the files of the other tasks of the instance, oldest first
 * @param communes every commune whose instance the task follows, by name
 */
public record TaskEvidence(String taskId, String taskName, String processInstanceId, String expected,
    boolean required, List<EvidenceRequirement.Slot> slots, List<File> earlier, List<Commune> communes) {

  /** One file, as the store describes it, with the name of its slot. */
  public record File(String id, String name, long size, String mediaType, String addedBy, String addedByName,
      Instant addedAt, String taskId, String taskName, String taskDefinitionKey, String slot, String slotLabel,
      String processInstanceId, String businessKey, String url) {

    static File of(EvidenceFile file, String slotLabel) {
      return new File(file.id(), file.name(), file.size(), file.mediaType(), file.addedBy(), file.addedByName(),
          file.addedAt(), file.taskId(), file.taskName(), file.taskDefinitionKey(), file.slot(), slotLabel,
          file.processInstanceId(), file.businessKey(), file.url());
    }
  }

  /**
   * A commune's instance and its files.
   *
   * @param code the commune's GSO code (the instance's business key)
   * @param name the commune's name
   * @param processInstanceId its {@code commune-pilot} instance
   * @param ended whether that instance has ended
   * @param files its files, oldest first
   */
  public record Commune(String code, String name, String processInstanceId, boolean ended, List<File> files) {}
}
