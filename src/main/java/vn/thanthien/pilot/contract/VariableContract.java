package vn.thanthien.pilot.contract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may write which variable of one process: for each start event and user task, the fields of
 * its form (what an official may write), and the variables only the models and the application
 * derive. Read from {@code contracts/<process key>.yaml}.
 *
 * @param process the process definition key
 * @param forms element id (start event or user task) to the names its form may write
 * @param derived names written only by the models and the application, with who writes them
 */
public record VariableContract(String process, Map<String, List<String>> forms,
    Map<String, String> derived) {

  public VariableContract {
    forms = forms == null ? Map.of() : Map.copyOf(forms);
    derived = derived == null ? Map.of() : Map.copyOf(derived);
  }

  /** The names the form of this element may write, or empty when the element has no form. */
  public Optional<Set<String>> writableAt(String elementId) {
    return Optional.ofNullable(forms.get(elementId)).map(Set::copyOf);
  }

  /** Every name written by any form of the process. */
  public Set<String> formFields() {
    Set<String> names = new LinkedHashSet<>();
    forms.values().forEach(names::addAll);
    return names;
  }

  /** Every variable name the process declares. */
  public Set<String> allNames() {
    Set<String> names = formFields();
    names.addAll(derived.keySet());
    return names;
  }
}
