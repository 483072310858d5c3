package vn.thanthien.pilot.evidence.review;

/**
 * How many evidence files a task has, in one slot or in any ({@code slot} null), without any
 * authorization check: in the application {@code EvidenceFiles.count}, in process tests a record
 * of the files the simulated officials attached.
 */
@FunctionalInterface
public interface EvidenceCount {
  int count(String taskId, String slot);
}
