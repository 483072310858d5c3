package vn.thanthien.pilot.organisation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One reorganisation of units, as a resolution decided it: which commune each old commune became,
 * and which province each old province became, from the day it took effect.
 *
 * @param id stable id, the day it took effect ({@code 2025-07-01})
 * @param name what an administrator reads
 * @param districtsAbolished whether the district level ends (01/07/2025): the districts' work goes
 *     to the province the communes now belong to
 * @param communes old commune code → its successor (a unit with {@link AdministrativeUnit#validFrom()})
 * @param provinces old province code → its successor
 * @param oldCommunes old commune code → its district code before the change
 * @param oldNames old commune code → its name before the change ("Xã Chí Hòa")
 */
public record UnitMapping(String id, String name, String resolution, LocalDate effective, boolean districtsAbolished,
    Map<String, AdministrativeUnit> communes, Map<String, AdministrativeUnit> provinces,
    Map<String, String> oldCommunes, Map<String, String> oldNames) {

  /** Every successor unit, provinces first. */
  public List<AdministrativeUnit> successors() {
    return java.util.stream.Stream.concat(provinces.values().stream().distinct(), communes.values().stream().distinct())
        .distinct().toList();
  }
}
