package vn.thanthien.pilot.reorganisation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.thanthien.pilot.organisation.AdministrativeUnit;
import vn.thanthien.pilot.organisation.AdministrativeUnit.Level;
import vn.thanthien.pilot.organisation.UnitDirectory;
import vn.thanthien.pilot.organisation.UnitMapping;
import vn.thanthien.pilot.organisation.UnitMappings;

/**
 * Which group's work goes to which group when a reorganisation takes effect: each old commune's
 * group to its successor's, each old province's to its successor's, and, when the district level
 * ends, each district's to the province its communes now belong to. A group that continues under
 * the same identity is left out. The old group of a code is the identity it had just before the
 * change: the list's own unit, or the successor an earlier reorganisation made of it.
 *
 * @param moves old group → the unit that takes its work over, in the mapping's order
 * @param ended old group → the name of the unit that ended (for its group's name)
 */
public record GroupSuccession(UnitMapping mapping, Map<String, AdministrativeUnit> moves, Map<String, String> ended) {

  public static GroupSuccession of(UnitMapping mapping, UnitMappings all, UnitDirectory units) {
    Map<String, AdministrativeUnit> moves = new LinkedHashMap<>();
    Map<String, String> ended = new LinkedHashMap<>();
    mapping.provinces().forEach((oldCode, successor) -> {
      AdministrativeUnit before = identityBefore(Level.PROVINCE, oldCode, mapping.effective(), all, units).orElse(null);
      if (before != null && !before.groupId().equals(successor.groupId())) {
        moves.put(before.groupId(), successor);
        ended.put(before.groupId(), before.committeeName());
      }
    });
    mapping.communes().forEach((oldCode, successor) -> {
      AdministrativeUnit before = identityBefore(Level.COMMUNE, oldCode, mapping.effective(), all, units).orElse(null);
      if (before != null && !before.groupId().equals(successor.groupId())) {
        moves.put(before.groupId(), successor);
        ended.put(before.groupId(), before.committeeName());
      }
      if (mapping.districtsAbolished()) {
        String district = mapping.oldCommunes().get(oldCode);
        units.district(district).ifPresent(d -> {
          AdministrativeUnit province = mapping.provinces().values().stream()
              .filter(p -> p.code().equals(successor.parentCode())).findFirst().orElse(null);
          if (province != null) {
            moves.putIfAbsent(d.groupId(), province);
            ended.putIfAbsent(d.groupId(), d.committeeName());
          }
        });
      }
    });
    return new GroupSuccession(mapping, moves, ended);
  }

  /** The unit a code named just before {@code day}: the latest successor made earlier, else the list's own. */
  static Optional<AdministrativeUnit> identityBefore(Level level, String code, LocalDate day, UnitMappings all,
      UnitDirectory units) {
    AdministrativeUnit latest = null;
    for (UnitMapping earlier : all.all()) {
      if (!earlier.effective().isBefore(day)) {
        continue;
      }
      List<AdministrativeUnit> made = level == Level.PROVINCE ? List.copyOf(earlier.provinces().values())
          : List.copyOf(earlier.communes().values());
      for (AdministrativeUnit unit : made) {
        if (unit.code().equals(code) && (latest == null || unit.validFrom().isAfter(latest.validFrom()))) {
          latest = unit;
        }
      }
    }
    if (latest != null) {
      return Optional.of(latest);
    }
    return level == Level.PROVINCE ? units.province(code) : units.commune(code);
  }

  /** The successor of this group, if the reorganisation moves its work. */
  public Optional<AdministrativeUnit> successorOf(String groupId) {
    return Optional.ofNullable(groupId).map(moves::get);
  }
}
