package vn.thanthien.pilot.organisation;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.thanthien.pilot.organisation.AdministrativeUnit.Level;

/**
 * The reorganisations the application knows ({@code organisation/successions.yaml} and its CSV
 * files), read once at start. A successor keeps the group of the unit whose code it continues
 * under the same name (Tỉnh Hưng Yên, 33); one that reuses a code another unit held (Xã Long Hưng,
 * 12613, once Thị trấn Hưng Nhân) is a new identity with a group of its own.
 */
public final class UnitMappings {

  private final Map<String, UnitMapping> mappings = new LinkedHashMap<>();

  private UnitMappings() {}

  public static UnitMappings empty() {
    return new UnitMappings();
  }

  /**
   * @param index the YAML index
   * @param files opens a file the index names
   * @param known the units the application started from (codes and names an earlier identity held)
   */
  public static UnitMappings read(InputStream index, Function<String, InputStream> files, UnitDirectory known) {
    UnitMappings read = new UnitMappings();
    try {
      Index parsed = new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE).readValue(index, Index.class);
      for (Entry entry : parsed.mappings()) {
        try (InputStream csv = files.apply(entry.file())) {
          read.mappings.put(entry.id(), mapping(entry, rows(csv), known));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the reorganisations of units", e);
    }
    return read;
  }

  record Index(List<Entry> mappings) {}

  record Entry(String id, String name, String resolution, String effective, String file, boolean districtsAbolished) {}

  public List<UnitMapping> all() {
    return List.copyOf(mappings.values());
  }

  public Optional<UnitMapping> mapping(String id) {
    return Optional.ofNullable(id).map(mappings::get);
  }

  private static List<Map<String, String>> rows(InputStream csv) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  private static UnitMapping mapping(Entry entry, List<Map<String, String>> rows, UnitDirectory known) {
    LocalDate effective = LocalDate.parse(entry.effective());
    // the names each code had before the change: in the mapping's rows and in the starting list
    Map<String, String> earlierNames = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      earlierNames.put(row.get("old_commune_code"), row.get("old_commune_name"));
    }
    Map<String, AdministrativeUnit> provinces = new LinkedHashMap<>();
    Map<String, AdministrativeUnit> successors = new LinkedHashMap<>();
    Map<String, AdministrativeUnit> communes = new LinkedHashMap<>();
    Map<String, String> oldCommunes = new LinkedHashMap<>();
    for (Map<String, String> row : rows) {
      String provinceCode = row.get("new_province_code");
      String provinceName = row.get("new_province_name");
      AdministrativeUnit province = provinces.values().stream().filter(p -> p.code().equals(provinceCode)).findFirst()
          .orElseGet(() -> AdministrativeUnit.successor(Level.PROVINCE, provinceCode, provinceName, null, effective,
              known.province(provinceCode).map(p -> !p.name().equals(provinceName)).orElse(false)));
      provinces.putIfAbsent(row.get("old_province_code"), province);
      String districtCode = blank(row.get("new_district_code")) ? null : row.get("new_district_code");
      String code = row.get("new_commune_code");
      String name = row.get("new_commune_name");
      AdministrativeUnit successor = successors.computeIfAbsent(code, c -> {
        String before = earlierNames.getOrDefault(c, known.commune(c).map(AdministrativeUnit::name).orElse(null));
        return AdministrativeUnit.successor(Level.COMMUNE, c, name, districtCode != null ? districtCode : provinceCode,
            effective, before != null && !before.equals(name));
      });
      // a commune split between several successors keeps its first row's
      communes.putIfAbsent(row.get("old_commune_code"), successor);
      oldCommunes.putIfAbsent(row.get("old_commune_code"), row.get("old_district_code"));
    }
    return new UnitMapping(entry.id(), entry.name(), entry.resolution(), effective, entry.districtsAbolished(),
        communes, provinces, oldCommunes, java.util.Collections.unmodifiableMap(earlierNames));
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
