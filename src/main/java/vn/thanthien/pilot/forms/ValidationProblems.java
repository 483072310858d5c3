package vn.thanthien.pilot.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Collects what is wrong with a submission, in Vietnamese, and refuses it as a whole. The engine
 * rolls the transaction back, so the task stays open and nothing of the submission is kept; the
 * REST API answers 400 with the message (Camunda maps {@link FormFieldValidationException} to 400).
 */
public class ValidationProblems {

  private final List<String> messages = new ArrayList<>();

  public ValidationProblems add(String message) {
    messages.add(message);
    return this;
  }

  public boolean isEmpty() {
    return messages.isEmpty();
  }

  public List<String> messages() {
    return List.copyOf(messages);
  }

  /** Throws when anything was found; does nothing otherwise. */
  public void throwIfAny() {
    if (!messages.isEmpty()) {
      throw new FormFieldValidationException(messages(),
          "Dữ liệu chưa hợp lệ: " + String.join("; ", messages));
    }
  }

  /** Refuses a submission for one reason. */
  public static FormFieldValidationException reject(String message) {
    return new FormFieldValidationException(List.of(message), "Dữ liệu chưa hợp lệ: " + message);
  }
}
