package vn.thanthien.pilot.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Files as officials' devices send them (real PDF, JPEG, PNG, HEIC, DOCX, XLSX) and as an attacker
 * would (a program renamed {@code .pdf}, HTML, SVG, a script, a plain zip renamed {@code .docx}),
 * and the multipart body of an upload to {@code POST /api/tasks/{id}/files}.
 */
public final class EvidenceSamples {

  /** One part of an upload: a file ({@code fileName} set) or a text field. */
  public record Part(String name, String fileName, String contentType, byte[] content) {
    public static Part file(String fileName, byte[] content) {
      return new Part("file", fileName, "application/octet-stream", content);
    }

    public static Part text(String name, String value) {
      return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A multipart/form-data body and its Content-Type. */
  public record Multipart(String contentType, byte[] body) {}

  private EvidenceSamples() {}

  public static Multipart multipart(List<Part> parts) {
    String boundary = "evidence-" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Part part : parts) {
      StringBuilder head = new StringBuilder("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
          .append(part.name()).append('"');
      if (part.fileName() != null) {
        head.append("; filename=\"").append(part.fileName()).append('"');
      }
      head.append("\r\n");
      if (part.contentType() != null) {
        head.append("Content-Type: ").append(part.contentType()).append("\r\n");
      }
      head.append("\r\n");
      body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
      body.writeBytes(part.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  public static Multipart files(Part... parts) {
    return multipart(List.of(parts));
  }

  /** A one-page PDF, padded with a comment to {@code size} bytes at least. */
  public static byte[] pdf(int size) {
    String page = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(size, 512));
    out.writeBytes(page.getBytes(StandardCharsets.US_ASCII));
    byte[] noise = random(Math.max(0, size - page.length() - 7), size);
    out.writeBytes("%".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (byte) ('a' + (noise[i] & 0x0f));
    }
    out.writeBytes(noise);
    out.writeBytes("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  public static byte[] jpeg() {
    return image("jpg");
  }

  public static byte[] png() {
    return image("png");
  }

  private static byte[] image(String format) {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 64; x++) {
      for (int y = 0; y < 48; y++) {
        image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x80);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The start of a HEIC photo as an iPhone writes it (ISO base media file, brand heic). */
  public static byte[] heic() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0, 0, 0, 0x18});
    out.writeBytes("ftypheic\0\0\0\0mif1heic".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(random(4000, 7));
    return out.toByteArray();
  }

  public static byte[] docx() {
    try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.createParagraph().createRun().setText("Kế hoạch số 12/KH-UBND thực hiện mô hình");
      document.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] xlsx() {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      workbook.createSheet("Khảo sát").createRow(0).createCell(0).setCellValue("Mức độ hài lòng");
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Windows program (MZ … PE header). */
  public static byte[] windowsProgram() {
    byte[] program = random(4096, 3);
    program[0] = 'M';
    program[1] = 'Z';
    program[0x3c] = (byte) 0x80;
    program[0x3d] = 0;
    program[0x3e] = 0;
    program[0x3f] = 0;
    program[0x80] = 'P';
    program[0x81] = 'E';
    program[0x82] = 0;
    program[0x83] = 0;
    return program;
  }

  /** A Linux program (ELF header). */
  public static byte[] linuxProgram() {
    byte[] program = random(4096, 4);
    System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}, 0, program, 0, 8);
    return program;
  }

  public static byte[] html() {
    return ("<!DOCTYPE html><html><head><title>Kế hoạch</title></head><body><script>fetch('/engine-rest/user')"
        + "</script></body></html>").getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] svg() {
    return ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
        + "<script>alert(document.cookie)</script></svg>").getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] script() {
    return "#!/bin/sh\ncurl http://127.0.0.1/ | sh\n".getBytes(StandardCharsets.UTF_8);
  }

  /** A zip that is no Office document. */
  public static byte[] zip() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("readme.txt"));
      zip.write("not an office document".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
