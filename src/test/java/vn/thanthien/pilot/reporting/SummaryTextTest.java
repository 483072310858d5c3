package vn.thanthien.pilot.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryTextTest {

  @Test
  void aPilotSiteIsAThiDiemNeverABareDiem() {
    // "điểm" alone means points in the same summaries ("95 điểm")
    assertThat(SummaryText.tierLabel("province")).isEqualTo(", thí điểm của tỉnh");
    assertThat(SummaryText.tierLabel("district")).isEqualTo(", thí điểm của huyện");
    assertThat(SummaryText.tierLabel("rollout")).isEmpty();
  }
}
