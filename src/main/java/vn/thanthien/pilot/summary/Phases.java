package vn.thanthien.pilot.summary;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import vn.thanthien.pilot.summary.ProgrammeSummary.PhaseName;

/** Which {@link Phase} a commune is in, from its state, its rating and its open steps. */
final class Phases {

  private Phases() {}

  static List<PhaseName> names() {
    return Arrays.stream(Phase.values()).map(p -> new PhaseName(p.key(), p.vietnamese())).toList();
  }

  /**
   * @param finished whether the commune's instance has ended
   * @param passed the rating's outcome, null before the rating
   * @param openTaskKeys the task keys open in it (the interim report, beside the main path, does not count)
   * @param betweenReports whether it waits for its next report period
   * @param launched whether its launch date is recorded
   */
  static Phase of(boolean finished, Boolean passed, Collection<String> openTaskKeys, boolean betweenReports,
      boolean launched) {
    if (finished) {
      return passed == null ? Phase.ENDED : passed ? Phase.RECOGNISED : Phase.NOT_PASSED;
    }
    for (String key : openTaskKeys) {
      Phase phase = Phase.ofActivity(key);
      if (phase != null) {
        return phase;
      }
    }
    if (betweenReports) {
      return Phase.LAUNCHED;
    }
    if (passed != null) {
      // rated, drawing its lessons (or between steps)
      return passed ? Phase.RECOGNISED : Phase.NOT_PASSED;
    }
    return launched ? Phase.LAUNCHED : Phase.PLANNING;
  }
}
