package vn.thanthien.pilot.evidence;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of a file, decided by its content with Apache Tika's detector (tika-core: the magic
 * bytes of Tika's media-type registry), never by its name alone. The name is used only to tell
 * apart the formats that share a container: an Office Open XML package (DOCX, XLSX: a zip) and an
 * OLE2 compound file (DOC, XLS). So a program renamed {@code .pdf} is a program, a page of HTML or
 * an SVG drawing renamed {@code .jpg} stays HTML or SVG, a zip renamed {@code .docx} is a zip, and
 * bytes of no known type are {@code application/octet-stream}: none of them is accepted.
 *
 * <p>An OOXML file is accepted as DOCX or XLSX only if its zip entries hold
 * {@code [Content_Types].xml} and the main part ({@code word/document.xml}, {@code xl/workbook.xml}).
 * Legacy DOC and XLS are OLE2 files named {@code .doc} or {@code .xls}; tika-core does not read
 * inside OLE2, so another OLE2 file (an installer package) named {@code .doc} would pass as DOC: it
 * is still only ever served as an attachment, never opened by the application.
 */
final class FileTypes {

  static final String OOXML = "application/x-tika-ooxml";
  static final String OLE2 = "application/x-tika-msoffice";
  static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** The content to read, as many times as needed (an upload kept on disk). */
  interface Content {
    InputStream open() throws IOException;
  }

  private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
  private final MediaTypeRegistry registry = types.getMediaTypeRegistry();
  private final Set<MediaType> accepted = new HashSet<>();

  FileTypes(List<String> acceptedTypes) {
    for (String type : acceptedTypes) {
      MediaType parsed = MediaType.parse(type.strip());
      if (parsed == null) {
        throw new IllegalArgumentException("pilot.evidence.accepted-types: not a media type: " + type);
      }
      accepted.add(registry.normalize(parsed));
    }
  }

  /** The accepted media type of the content, or null if it is not accepted. */
  String acceptedType(Content content, String name) throws IOException {
    MediaType byContent = detect(content, null);
    MediaType byBoth = detect(content, name);
    MediaType type;
    if (byBoth.equals(byContent)) {
      type = byContent;
    } else if (isContainer(byContent) && registry.isSpecializationOf(byBoth, byContent)) {
      // the name tells which format of the container it is
      type = byBoth;
    } else if (MediaType.parse("application/zip").equals(byContent) && isOoxml(byBoth)) {
      // an OOXML package whose first entry is not the one Tika's magic looks at
      type = byBoth;
    } else {
      type = byContent;
    }
    if (!accepted.contains(type)) {
      return null;
    }
    if (isOoxml(type) && !holdsMainPart(content, type)) {
      return null;
    }
    return type.toString();
  }

  private boolean isContainer(MediaType type) {
    return type.toString().equals(OOXML) || type.toString().equals(OLE2);
  }

  private static boolean isOoxml(MediaType type) {
    return type.toString().equals(DOCX) || type.toString().equals(XLSX);
  }

  private MediaType detect(Content content, String name) throws IOException {
    Metadata metadata = new Metadata();
    if (name != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    }
    try (InputStream in = new BufferedInputStream(content.open(), 64 * 1024)) {
      return registry.normalize(types.detect(in, metadata));
    }
  }

  /** Whether the zip's entries (names only, read as a stream) are those of a DOCX or XLSX. */
  private static boolean holdsMainPart(Content content, MediaType type) throws IOException {
    String mainPart = type.toString().equals(DOCX) ? "word/document.xml" : "xl/workbook.xml";
    boolean contentTypes = false;
    boolean main = false;
    try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(content.open(), 64 * 1024))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        contentTypes |= "[Content_Types].xml".equals(entry.getName());
        main |= mainPart.equals(entry.getName());
        if (contentTypes && main) {
          return true;
        }
      }
    } catch (ZipException | IllegalArgumentException broken) {
      return false;
    }
    return false;
  }
}
