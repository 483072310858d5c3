package vn.thanthien.pilot.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;

/**
 * A real LibreOffice (Debian's {@code libreoffice-writer-nogui}, installed by {@code .ci/run})
 * renders a draft to PDF as an official's office suite would; PDFBox reads the PDF back, and
 * {@code pdftoppm} writes its pages as PNG under {@code target/documents/} for a person to look
 * at. Without {@code soffice} the calling test is skipped, unless {@code PILOT_E2E_REQUIRED=true}
 * (as in CI), where it fails.
 */
final class LibreOffice {

  static final Path OUT = Path.of("target", "documents");

  /** What LibreOffice made of a draft: its pages' text, in order. */
  record Pdf(Path file, List<String> pages) {
    String text() {
      return String.join("\n", pages);
    }
  }

  private LibreOffice() {}

  static String soffice() {
    for (String candidate : List.of("/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    return null;
  }

  /** Skips the test without LibreOffice, unless PILOT_E2E_REQUIRED=true: then it fails. */
  static String required() {
    String soffice = soffice();
    if (soffice == null) {
      assertThat("true".equals(System.getenv("PILOT_E2E_REQUIRED")))
          .as("PILOT_E2E_REQUIRED=true but LibreOffice (soffice) is not installed: apt-get install "
              + "libreoffice-writer-nogui poppler-utils fonts-liberation2").isFalse();
      Assumptions.abort("LibreOffice (soffice) is not installed");
    }
    return soffice;
  }

  /** Renders {@code name}.docx to PDF and PNG pages under target/documents/. */
  static Pdf render(String name, byte[] docx) throws IOException, InterruptedException {
    String soffice = required();
    Files.createDirectories(OUT);
    Path source = OUT.resolve(name + ".docx");
    Files.write(source, docx);
    Path pdf = OUT.resolve(name + ".pdf");
    Files.deleteIfExists(pdf);
    // a profile of its own: another LibreOffice running on the machine does not take the conversion over
    Path profile = Files.createTempDirectory("lo-profile");
    Process convert = new ProcessBuilder(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless",
        "--convert-to", "pdf", "--outdir", OUT.toAbsolutePath().toString(), source.toAbsolutePath().toString())
        .redirectErrorStream(true).redirectOutput(OUT.resolve(name + ".log").toFile()).start();
    assertThat(convert.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice converted " + name + " in time").isTrue();
    assertThat(convert.exitValue()).as("soffice's exit code for " + name).isZero();
    assertThat(pdf).as("the PDF of " + name).exists();
    List<String> pages = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      for (int page = 1; page <= document.getNumberOfPages(); page++) {
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        pages.add(stripper.getText(document));
      }
    }
    png(pdf, name);
    deleteTree(profile);
    return new Pdf(pdf, pages);
  }

  /** Its first three pages as PNG (pdftoppm), for a look: target/documents/{name}-1.png … */
  private static void png(Path pdf, String name) throws IOException, InterruptedException {
    for (int page = 1; page <= 9; page++) {
      Files.deleteIfExists(OUT.resolve(name + "-" + page + ".png"));
    }
    if (!Files.isExecutable(Path.of("/usr/bin/pdftoppm"))) {
      assertThat("true".equals(System.getenv("PILOT_E2E_REQUIRED"))).as("pdftoppm (poppler-utils) is missing").isFalse();
      return;
    }
    Process png = new ProcessBuilder("/usr/bin/pdftoppm", "-png", "-r", "80", "-l", "3", pdf.toString(),
        OUT.resolve(name).toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(png.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(png.exitValue()).isZero();
  }

  private static void deleteTree(Path folder) throws IOException {
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}
