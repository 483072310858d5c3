package vn.thanthien.pilot.evidence.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * Which files a user task expects, as its model says in extension properties (readable and
 * editable in Camunda Modeler):
 * <ul>
 *   <li>{@code evidence.expected}: the Vietnamese text shown to the official (which files);</li>
 *   <li>{@code evidence.required}: {@code true} (at least one file), or a comma list of slots
 *   ({@code tieu-chi-1,tieu-chi-2,…}) each needing at least one file;</li>
 *   <li>{@code evidence.slot.<key>}: the Vietnamese name of a slot (e.g. a criterion), offered
 *   when a file is added.</li>
 * </ul>
 *
 * @param expected the text shown to the official, or null
 * @param anyFile whether the step needs at least one file, whatever its slot
 * @param slots the slots a file may be added to, in the model's order
 */
public record EvidenceRequirement(String expected, boolean anyFile, List<Slot> slots) {

  public static final String EXPECTED = "evidence.expected";
  public static final String REQUIRED = "evidence.required";
  public static final String SLOT = "evidence.slot.";
  /** The contract's slot keys: short ASCII. */
  static final Pattern SLOT_KEY = Pattern.compile("[a-z0-9-]{1,40}");
  public static final EvidenceRequirement NONE = new EvidenceRequirement(null, false, List.of());

  /** A part of a step that needs files of its own (a criterion of the self-assessment). */
  public record Slot(String key, String label, boolean required) {}

  public EvidenceRequirement {
    slots = List.copyOf(slots);
  }

  /** Whether the step cannot be completed without files. */
  public boolean isRequired() {
    return anyFile || slots.stream().anyMatch(Slot::required);
  }

  /** The requirement the model's extension properties say (names other than evidence.* ignored). */
  public static EvidenceRequirement of(Map<String, String> properties) {
    String expected = blankToNull(properties.get(EXPECTED));
    String required = blankToNull(properties.get(REQUIRED));
    boolean anyFile = "true".equalsIgnoreCase(required);
    Set<String> requiredSlots = new LinkedHashSet<>();
    if (required != null && !anyFile && !"false".equalsIgnoreCase(required)) {
      for (String key : required.split(",")) {
        requiredSlots.add(slotKey(key.trim()));
      }
    }
    Map<String, String> labels = new TreeMap<>();
    properties.forEach((name, value) -> {
      if (name.startsWith(SLOT)) {
        labels.put(slotKey(name.substring(SLOT.length())), blankToNull(value));
      }
    });
    // the required slots in the order the model lists them, then the other named ones by key
    Set<String> keys = new LinkedHashSet<>(requiredSlots);
    keys.addAll(labels.keySet());
    List<Slot> slots = new ArrayList<>();
    for (String key : keys) {
      String label = labels.get(key);
      slots.add(new Slot(key, label == null ? key : label, requiredSlots.contains(key)));
    }
    return new EvidenceRequirement(expected, anyFile, slots);
  }

  /** The requirement of a user task of a model read through Camunda's model API. */
  public static EvidenceRequirement of(UserTask task) {
    ExtensionElements extensions = task.getExtensionElements();
    if (extensions == null) {
      return NONE;
    }
    Map<String, String> properties = new java.util.LinkedHashMap<>();
    for (CamundaProperties list : extensions.getChildElementsByType(CamundaProperties.class)) {
      for (CamundaProperty property : list.getCamundaProperties()) {
        if (property.getCamundaName() != null) {
          properties.put(property.getCamundaName(), property.getCamundaValue());
        }
      }
    }
    return of(properties);
  }

  /** The slot's name, or the key itself when the model names none (null for no slot). */
  public String label(String key) {
    if (key == null) {
      return null;
    }
    return slots.stream().filter(slot -> slot.key().equals(key)).map(Slot::label).findFirst().orElse(key);
  }

  /** How many files a task has: in one slot, or in any when the slot is null. */
  @FunctionalInterface
  public interface Counter {
    int count(String slot);
  }

  /**
   * What is missing for the files a task has, as the Vietnamese message that refuses its
   * completion; empty when nothing is.
   */
  public Optional<String> missing(Counter files) {
    if (anyFile && files.count(null) == 0) {
      String what = expected == null ? "tệp minh chứng" : "tệp «" + expected + "»";
      return Optional.of("Chưa có minh chứng: cần đính kèm ít nhất một " + what
          + " ở thẻ «Minh chứng» của công việc này rồi mới hoàn thành. Chưa có gì được lưu.");
    }
    List<String> empty = slots.stream().filter(Slot::required).filter(slot -> files.count(slot.key()) == 0)
        .map(slot -> "«" + slot.label() + "»").toList();
    if (!empty.isEmpty()) {
      return Optional.of("Chưa có minh chứng cho " + String.join(", ", empty) + ". Mỗi mục này cần ít nhất một tệp: "
          + "ở thẻ «Minh chứng», chọn mục rồi đính kèm tệp, sau đó hoàn thành lại. Chưa có gì được lưu.");
    }
    return Optional.empty();
  }

  private static String slotKey(String key) {
    if (!SLOT_KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("evidence slot key «" + key + "» is not [a-z0-9-]{1,40}");
    }
    return key;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
