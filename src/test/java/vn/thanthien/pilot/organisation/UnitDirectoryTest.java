package vn.thanthien.pilot.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The unit list is data: Thái Bình's slice and the whole country load the same way. */
class UnitDirectoryTest {

  private static UnitDirectory load(String resource) throws IOException {
    try (InputStream csv = UnitDirectoryTest.class.getResourceAsStream(resource)) {
      return UnitDirectory.read(csv);
    }
  }

  @Test
  void thaiBinhSliceHas8DistrictsAnd260Communes() throws IOException {
    UnitDirectory units = load("/organisation/units-thai-binh-2023-04-10.csv");
    assertThat(units.provinceCount()).isEqualTo(1);
    assertThat(units.districtsOf("34")).hasSize(8);
    assertThat(units.communeCount()).isEqualTo(260);
    assertThat(units.communesOf("339")).hasSize(35);
    AdministrativeUnit chiHoa = units.commune("12679").orElseThrow();
    assertThat(chiHoa.name()).isEqualTo("Xã Chí Hòa");
    assertThat(chiHoa.parentCode()).isEqualTo("339");
    assertThat(chiHoa.groupId()).isEqualTo("commune-12679");
    assertThat(chiHoa.committeeName()).isEqualTo("UBND xã Chí Hòa");
    assertThat(units.district("336").orElseThrow().committeeName()).isEqualTo("UBND thành phố Thái Bình");
  }

  @Test
  void wholeCountryLoadsAndNamesRepeatButCodesDoNot() throws IOException {
    UnitDirectory country = load("/organisation/vn-admin-units-2023-04-10.csv");
    assertThat(country.provinceCount()).isEqualTo(63);
    // 705 district-level units exist; the list has one row per commune, and 5 island districts
    // (such as Bạch Long Vĩ or Hoàng Sa) have no commune-level unit, so 700 appear.
    assertThat(country.districtCount()).isEqualTo(700);
    assertThat(country.communeCount()).isEqualTo(10_598);
    assertThat(country.allUnits()).hasSize(63 + 700 + 10_598);
    long hoaBinh = country.allUnits().stream().filter(u -> u.name().equals("Xã Hòa Bình")).count();
    assertThat(hoaBinh).as("several communes are called Hòa Bình").isGreaterThan(1);
    assertThat(country.commune("12655").orElseThrow().parentCode()).isEqualTo("339");
  }

  @Test
  void aGroupIdLeadsBackToItsUnitAndNothingElseDoes() throws IOException {
    UnitDirectory units = load("/organisation/units-thai-binh-2023-04-10.csv");
    assertThat(units.ofGroup("commune-12679")).map(AdministrativeUnit::name).contains("Xã Chí Hòa");
    assertThat(units.ofGroup("district-339")).map(AdministrativeUnit::name).contains("Huyện Hưng Hà");
    assertThat(units.ofGroup("province-34")).map(AdministrativeUnit::level).contains(AdministrativeUnit.Level.PROVINCE);
    // a code of another level, a unit outside the list, other groups
    assertThat(units.ofGroup("district-12679")).isEmpty();
    assertThat(units.ofGroup("province-01")).isEmpty();
    assertThat(units.ofGroup("managers")).isEmpty();
    assertThat(units.ofGroup("commune-")).isEmpty();
    assertThat(units.ofGroup(null)).isEmpty();
  }

  @Test
  void aFileWithoutTheGsoColumnsIsRejected() {
    String csv = "code,name\n1,Xã A\n";
    assertThatThrownBy(() -> UnitDirectory.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commune_code");
  }

  @Test
  void theTwoTierListPutsHungYensCommunesUnderTheProvinceByDefault() throws IOException {
    UnitDirectory units = load("/organisation/units-hung-yen-2025-07-01.csv");
    assertThat(units.provinceCount()).isEqualTo(1);
    assertThat(units.communeCount()).isEqualTo(104);
    assertThat(units.districtsOf("33")).hasSize(1);
    AdministrativeUnit body = units.districtsOf("33").get(0);
    assertThat(body.isProvincialBody()).isTrue();
    assertThat(body.code()).isEqualTo("33000");
    assertThat(body.parentCode()).isEqualTo("33");
    assertThat(body.groupId()).as("the province does the districts' work").isEqualTo("province-33");
    assertThat(body.committeeName()).isEqualTo("UBND tỉnh Hưng Yên");
    assertThat(units.communesOf("33000")).hasSize(104);
    AdministrativeUnit longHung = units.commune("12613").orElseThrow();
    assertThat(longHung.name()).isEqualTo("Xã Long Hưng");
    assertThat(longHung.parentCode()).isEqualTo("33000");
    assertThat(longHung.groupId()).isEqualTo("commune-12613");
    assertThat(units.ofGroup("commune-12613")).contains(longHung);
    assertThat(units.ofGroup("province-33")).map(AdministrativeUnit::level).contains(AdministrativeUnit.Level.PROVINCE);
    assertThat(units.ofGroup("district-33000")).as("the body has no group of its own").isEmpty();
    assertThat(units.allUnits()).hasSize(1 + 1 + 104);
  }

  @Test
  void aConfiguredProvincialBodyHasItsOwnGroup() {
    ProvincialBody settings = new ProvincialBody("33000", "Sở Nội vụ tỉnh Hưng Yên", "district-33000");
    UnitDirectory units = UnitDirectory.read(csv(TWO_TIER_ROWS), "33", settings);
    AdministrativeUnit body = units.district("33000").orElseThrow();
    assertThat(body.groupId()).isEqualTo("district-33000");
    assertThat(body.committeeName()).isEqualTo("Sở Nội vụ tỉnh Hưng Yên");
    assertThat(units.ofGroup("district-33000")).contains(body);
    assertThat(units.districtsOf("33")).containsExactly(body);
    assertThat(units.communesOf("33000")).extracting(AdministrativeUnit::code).containsExactly("12613", "12685");
    // the settings are the programme's province's: another province of the list keeps the defaults
    UnitDirectory other = UnitDirectory.read(csv(TWO_TIER_ROWS), "01", settings);
    assertThat(other.district("33000").orElseThrow().groupId()).isEqualTo("province-33");
  }

  @Test
  void aBodyGroupOfAnotherUnitIsRejected() {
    ProvincialBody settings = new ProvincialBody(null, null, "district-339");
    assertThatThrownBy(() -> UnitDirectory.read(csv(TWO_TIER_ROWS), "33", settings))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("district-33000");
  }

  @Test
  void aMixedListKeepsItsDistrictsAndAddsTheBody() {
    UnitDirectory units = UnitDirectory.read(csv(TWO_TIER_ROWS
        + "34,Tỉnh Thái Bình,Tỉnh,339,Huyện Hưng Hà,Huyện,12679,Xã Chí Hòa,Xã\n"));
    assertThat(units.communesOf("339")).extracting(AdministrativeUnit::code).containsExactly("12679");
    assertThat(units.districtsOf("34")).extracting(AdministrativeUnit::isProvincialBody).containsExactly(false);
    assertThat(units.districtsOf("33")).extracting(AdministrativeUnit::code).containsExactly("33000");
  }

  private static final String TWO_TIER_ROWS =
      "province_code,province_name,province_type,district_code,district_name,district_type,commune_code,commune_name,commune_type\n"
      + "33,Tỉnh Hưng Yên,Tỉnh,,,,12613,Xã Long Hưng,Xã\n"
      + "33,Tỉnh Hưng Yên,Tỉnh,,,,12685,Xã Hồng Minh,Xã\n";

  private static InputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
