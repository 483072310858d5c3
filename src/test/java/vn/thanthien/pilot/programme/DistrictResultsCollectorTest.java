package vn.thanthien.pilot.programme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A district's lessons in the province's summary show as typed. */
class DistrictResultsCollectorTest {

  @Test
  void lessonsAreEscapedAndKeepTheirLinesInsideTheListItem() {
    assertThat(DistrictResultsCollector.lessons("<img src=x onerror=alert(1)>\n# [link](http://example.invalid)"))
        .isEqualTo("\n  \\<img src\\=x onerror\\=alert\\(1\\)\\>\n  \\# \\[link\\]\\(http\\:\\/\\/example\\.invalid\\)");
    assertThat(DistrictResultsCollector.lessons(null)).isEqualTo("(chưa có)");
  }
}
