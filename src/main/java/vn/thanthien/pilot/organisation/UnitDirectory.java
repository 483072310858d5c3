package vn.thanthien.pilot.organisation;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.thanthien.pilot.organisation.AdministrativeUnit.Level;

/**
 * The administrative units the programme knows, read from a GSO unit list (CSV). The hierarchy is
 * data: any province's slice of the national catalogue, or the whole country, loads the same way.
 * A row without district columns is a commune of the two-tier map (from 01/07/2025): it is placed
 * under its province's {@link ProvincialBody}, a district-level unit, so the models run unchanged.
 */
public class UnitDirectory {

  private static final List<String> COLUMNS = List.of(
      "province_code", "province_name", "province_type",
      "district_code", "district_name", "district_type",
      "commune_code", "commune_name", "commune_type");

  private final Map<String, AdministrativeUnit> provinces = new LinkedHashMap<>();
  private final Map<String, AdministrativeUnit> districts = new LinkedHashMap<>();
  private final Map<String, AdministrativeUnit> communes = new LinkedHashMap<>();
  private final Map<String, List<AdministrativeUnit>> children = new LinkedHashMap<>();
  /** Units that reorganisations create, by group: readable, routable, not part of {@link #allUnits()}. */
  private final Map<String, AdministrativeUnit> successors = new LinkedHashMap<>();
  /** The reorganisations whose units it knows. */
  private UnitMappings mappings = UnitMappings.empty();

  /** Who does the districts' work in the programme's province; other provinces get the defaults. */
  private final String bodyProvince;
  private final ProvincialBody body;

  private UnitDirectory(String bodyProvince, ProvincialBody body) {
    this.bodyProvince = bodyProvince;
    this.body = body == null ? ProvincialBody.DEFAULTS : body;
  }

  /**
   * Reads a unit list in the column layout of the GSO catalogue (header row required); communes
   * without a district go under their province's body at its defaults.
   */
  public static UnitDirectory read(InputStream csv) {
    return read(csv, null, ProvincialBody.DEFAULTS);
  }

  /**
   * As {@link #read(InputStream)}, with the settings of the body that does the districts' work in
   * {@code provinceCode} (the programme's province) when its communes have no district.
   */
  public static UnitDirectory read(InputStream csv, String provinceCode, ProvincialBody body) {
    UnitDirectory directory = new UnitDirectory(provinceCode, body);
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> rows =
        new CsvMapper().readerForMapOf(String.class).with(schema).readValues(csv)) {
      boolean checkedHeader = false;
      while (rows.hasNext()) {
        Map<String, String> row = rows.next();
        if (!checkedHeader) {
          if (!row.keySet().containsAll(COLUMNS)) {
            throw new IllegalArgumentException(
                "Unit list lacks GSO columns " + COLUMNS + "; found " + row.keySet());
          }
          checkedHeader = true;
        }
        directory.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the unit list", e);
    }
    if (directory.communes.isEmpty()) {
      throw new IllegalArgumentException("The unit list holds no commune");
    }
    return directory;
  }

  private void add(Map<String, String> row) {
    AdministrativeUnit province = provinces.computeIfAbsent(row.get("province_code"),
        code -> new AdministrativeUnit(Level.PROVINCE, code, row.get("province_name"),
            row.get("province_type"), null));
    AdministrativeUnit district = blank(row.get("district_code")) ? bodyOf(province)
        : districts.computeIfAbsent(row.get("district_code"),
            code -> register(new AdministrativeUnit(Level.DISTRICT, code, row.get("district_name"),
                row.get("district_type"), province.code())));
    if (district.isProvincialBody() != blank(row.get("district_code"))) {
      throw new IllegalArgumentException("District code " + district.code()
          + " is both a district of the list and the provincial body of province " + province.code());
    }
    AdministrativeUnit commune = new AdministrativeUnit(Level.COMMUNE, row.get("commune_code"),
        row.get("commune_name"), row.get("commune_type"), district.code());
    if (communes.putIfAbsent(commune.code(), commune) != null) {
      throw new IllegalArgumentException("Commune code repeated in the unit list: " + commune.code());
    }
    register(commune);
  }

  /** The provincial body standing for the district of the two-tier map's communes of {@code province}. */
  private AdministrativeUnit bodyOf(AdministrativeUnit province) {
    ProvincialBody settings = province.code().equals(bodyProvince) ? body : ProvincialBody.DEFAULTS;
    AdministrativeUnit unit = settings.unitFor(province);
    AdministrativeUnit known = districts.get(unit.code());
    if (known == null) {
      districts.put(unit.code(), register(unit));
      return unit;
    }
    return known;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private AdministrativeUnit register(AdministrativeUnit unit) {
    children.computeIfAbsent(unit.parentCode(), k -> new ArrayList<>()).add(unit);
    return unit;
  }

  /** The province of this code in the list, else a province a reorganisation created (Tỉnh Hưng Yên, 2025). */
  public Optional<AdministrativeUnit> province(String code) {
    return Optional.ofNullable(code).map(provinces::get)
        .or(() -> successors.values().stream()
            .filter(u -> u.level() == Level.PROVINCE && u.code().equals(code)).findFirst());
  }

  public Optional<AdministrativeUnit> district(String code) {
    return Optional.ofNullable(code).map(districts::get);
  }

  public Optional<AdministrativeUnit> commune(String code) {
    return Optional.ofNullable(code).map(communes::get);
  }

  /**
   * The unit whose Camunda group this is ({@code commune-12679}: Xã Chí Hòa), in the list or
   * created by a reorganisation ({@code commune-12613-20250701}: Xã Long Hưng).
   */
  public Optional<AdministrativeUnit> ofGroup(String groupId) {
    AdministrativeUnit successor = groupId == null ? null : successors.get(groupId);
    if (successor != null) {
      return Optional.of(successor);
    }
    for (Level level : Level.values()) {
      String prefix = level.groupPrefix() + "-";
      if (groupId != null && groupId.startsWith(prefix)) {
        String code = groupId.substring(prefix.length());
        // a provincial body working under its province's group is reached by that group only
        return (switch (level) {
          case PROVINCE -> province(code);
          case DISTRICT -> district(code);
          case COMMUNE -> commune(code);
        }).filter(unit -> unit.groupId().equals(groupId));
      }
    }
    return Optional.empty();
  }

  /**
   * The province a unit belongs to: itself, a district's province, a commune's district's province
   * (or, for a commune a reorganisation placed directly under its province, that province).
   */
  public Optional<AdministrativeUnit> provinceOf(AdministrativeUnit unit) {
    return switch (unit.level()) {
      case PROVINCE -> Optional.of(unit);
      case DISTRICT -> province(unit.parentCode());
      case COMMUNE -> district(unit.parentCode()).flatMap(this::provinceOf).or(() -> province(unit.parentCode()));
    };
  }

  /** The districts of a province, in catalogue order; in the two-tier map, its provincial body. */
  public List<AdministrativeUnit> districtsOf(String provinceCode) {
    return province(provinceCode).map(p -> childrenOf(p.code())).orElse(List.of());
  }

  /** The communes of a district, in catalogue order. */
  public List<AdministrativeUnit> communesOf(String districtCode) {
    return district(districtCode).map(d -> childrenOf(d.code())).orElse(List.of());
  }

  private List<AdministrativeUnit> childrenOf(String code) {
    return Collections.unmodifiableList(children.getOrDefault(code, List.of()));
  }

  /**
   * Knows the units these reorganisations create. A successor that continues a unit of the list
   * (same code, same group) is the list's own.
   */
  public UnitDirectory withSuccessors(UnitMappings mappings) {
    this.mappings = mappings;
    for (UnitMapping mapping : mappings.all()) {
      for (AdministrativeUnit unit : mapping.successors()) {
        if (ofGroup(unit.groupId()).isEmpty()) {
          successors.put(unit.groupId(), unit);
        }
      }
    }
    return this;
  }

  /** The reorganisations whose new units this directory knows ({@link #withSuccessors}). */
  public UnitMappings mappings() {
    return mappings;
  }

  /** Every unit: provinces, then districts, then communes. */
  public List<AdministrativeUnit> allUnits() {
    List<AdministrativeUnit> all = new ArrayList<>(provinces.values());
    all.addAll(districts.values());
    all.addAll(communes.values());
    return all;
  }

  public int provinceCount() {
    return provinces.size();
  }

  public int districtCount() {
    return districts.size();
  }

  public int communeCount() {
    return communes.size();
  }
}
