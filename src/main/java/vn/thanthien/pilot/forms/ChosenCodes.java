package vn.thanthien.pilot.forms;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * The unit codes an official ticked in a checklist field, in the order ticked, each once. A
 * validator reads them with {@link #orRefuse} and only refuses ({@link #refuseEach}); the recorder
 * that runs after it reads them with {@link #checked} and writes the list the model iterates over
 * ({@link #asVariable}).
 */
public final class ChosenCodes {

  private final Set<String> codes;

  private ChosenCodes(List<String> codes) {
    this.codes = Collections.unmodifiableSet(new LinkedHashSet<>(codes));
  }

  /** The checklist's codes, or a refusal with {@code refusal} when the value is not a list of codes. */
  public static ChosenCodes orRefuse(VariableScope variables, String checklist, String refusal) {
    return new ChosenCodes(FormValues.list(variables.getVariable(checklist))
        .orElseThrow(() -> ValidationProblems.reject(refusal)));
  }

  /** The codes of a checklist its validator has already accepted. */
  public static ChosenCodes checked(VariableScope variables, String checklist) {
    return new ChosenCodes(FormValues.list(variables.getVariable(checklist)).orElseThrow(
        () -> new IllegalStateException("«" + checklist + "» was recorded without being checked")));
  }

  public Set<String> codes() {
    return codes;
  }

  public boolean isEmpty() {
    return codes.isEmpty();
  }

  public boolean contains(String code) {
    return codes.contains(code);
  }

  /** Adds {@code problem(code)} to {@code problems} for every chosen code that does not belong. */
  public void refuseEach(Predicate<String> belongs, Function<String, String> problem,
      ValidationProblems problems) {
    for (String code : codes) {
      if (!belongs.test(code)) {
        problems.add(problem.apply(code));
      }
    }
  }

  /** The codes as a list variable for expressions and multi-instance collections. */
  public ObjectValue asVariable() {
    return JsonVariables.codes(List.copyOf(codes));
  }
}
