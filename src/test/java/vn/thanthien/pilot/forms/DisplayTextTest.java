package vn.thanthien.pilot.forms;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Officials' text inside application-built Markdown shows as typed. */
class DisplayTextTest {

  static final String HOSTILE = "<img src=x onerror=alert(1)> [link](http://example.invalid) **bold**\n"
      + "# heading\n    code? 1. list &lt;b&gt; www.example.com a@b.vn {{secret}}";

  @Test
  void everyMarkdownAndHtmlCharacterIsEscaped() {
    assertThat(DisplayText.escapeMarkdown(HOSTILE)).isEqualTo(
        "\\<img src\\=x onerror\\=alert\\(1\\)\\> \\[link\\]\\(http\\:\\/\\/example\\.invalid\\) \\*\\*bold\\*\\*\n"
            + "\\# heading\n"
            + "code\\? 1\\. list \\&lt\\;b\\&gt\\; www\\.example\\.com a\\@b\\.vn \\{\\{secret\\}\\}");
  }

  @Test
  void linesAreKeptIndentedForAListItemAndEmptyLinesDropped() {
    assertThat(DisplayText.escapeMarkdown("Dòng một\r\n\r\n   Dòng hai\n", "  "))
        .isEqualTo("Dòng một\n  Dòng hai");
    assertThat(DisplayText.escapeMarkdown(null)).isEmpty();
    assertThat(DisplayText.escapeMarkdown("Xã Chí Hòa — tốt")).isEqualTo("Xã Chí Hòa — tốt");
  }

  @Test
  void aLongTextIsAJsonStringBeyondTheColumnLimit() {
    String text = "Bài học «" + "x".repeat(5000) + "»\n";
    assertThat(DisplayText.longText(text).getValue().stringValue()).isEqualTo(text);
  }
}
