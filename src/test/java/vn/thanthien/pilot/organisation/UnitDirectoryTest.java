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
}
