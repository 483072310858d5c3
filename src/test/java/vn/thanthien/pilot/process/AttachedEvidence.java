package vn.thanthien.pilot.process;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import vn.thanthien.pilot.evidence.review.EvidenceCount;

/**
 * The files the simulated officials attached, for process tests on a plain engine (which has no
 * store of files): {@link #attach} records one file of a task (in a slot, or none), and the
 * engine's evidence check ({@code EvidenceRequirementPlugin}, see camunda-process-test.cfg.xml)
 * counts them. Task ids are never reused, so nothing needs clearing between tests.
 */
public final class AttachedEvidence implements EvidenceCount {

  private static final Map<String, AtomicInteger> FILES = new ConcurrentHashMap<>();

  /** One file attached to {@code taskId}, in {@code slot} (null for none). */
  public static void attach(String taskId, String slot) {
    FILES.computeIfAbsent(taskId + "/" + slot, key -> new AtomicInteger()).incrementAndGet();
    if (slot != null) {
      FILES.computeIfAbsent(taskId + "/" + null, key -> new AtomicInteger()).incrementAndGet();
    }
  }

  @Override
  public int count(String taskId, String slot) {
    AtomicInteger files = FILES.get(taskId + "/" + slot);
    return files == null ? 0 : Objects.requireNonNull(files).get();
  }
}
