package vn.thanthien.pilot.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thanthien.pilot.summary.ProgrammeSummary.Commune;
import vn.thanthien.pilot.summary.ProgrammeSummary.Counts;

/** Counts over a set of communes: by role and phase, outcomes, lateness, incidents. */
final class Tally {

  private final Map<String, Integer> pilots = zeros();
  private final Map<String, Integer> rollouts = zeros();
  private int communes;
  private int pilotCount;
  private int rolloutCount;
  private int recognised;
  private int notPassed;
  private long lateNow;
  private long lateTimes;
  private int incidents;

  private Tally() {}

  /**
   * @param districtIncidents open incidents on the districts' own instances, by district code
   */
  static Tally of(List<Commune> rows, Map<String, Integer> districtIncidents) {
    Tally tally = new Tally();
    rows.forEach(tally::add);
    tally.incidents += districtIncidents.values().stream().mapToInt(Integer::intValue).sum();
    return tally;
  }

  private void add(Commune commune) {
    communes++;
    boolean rollout = SummaryReader.Role.ROLLOUT.key.equals(commune.role());
    if (rollout) {
      rolloutCount++;
      rollouts.merge(commune.phase(), 1, Integer::sum);
    } else {
      pilotCount++;
      pilots.merge(commune.phase(), 1, Integer::sum);
    }
    if (Phase.RECOGNISED.key().equals(commune.phase())) {
      recognised++;
    } else if (Phase.NOT_PASSED.key().equals(commune.phase())) {
      notPassed++;
    }
    lateNow += commune.lateNow();
    lateTimes += commune.lateTimes();
    incidents += commune.openIncidents();
  }

  Counts counts() {
    return new Counts(communes, pilotCount, rolloutCount, ordered(pilots),
        ordered(rollouts), recognised, notPassed, lateNow, lateTimes, incidents);
  }

  private static Map<String, Integer> ordered(Map<String, Integer> counts) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  private static Map<String, Integer> zeros() {
    Map<String, Integer> zeros = new LinkedHashMap<>();
    for (Phase phase : Phase.values()) {
      zeros.put(phase.key(), 0);
    }
    return zeros;
  }
}
