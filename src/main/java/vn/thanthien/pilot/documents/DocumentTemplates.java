package vn.thanthien.pilot.documents;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.plugin.table.LoopRowTableRenderPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Word templates of the drafts and their filling (poi-tl): {@code documents/<kind>.docx} from
 * the application, or the file of the same name in the folder {@code pilot.documents.templates}
 * ({@code PILOT_DOCUMENT_TEMPLATES}) when it holds one, read again at every draft so that a
 * province replaces a template without a rebuild or a restart. Placeholders are {@code {{name}}};
 * a table row below a cell holding {@code {{areas}}}, {@code {{communes}}} or {@code {{units}}} is
 * repeated once per item, its cells naming the item's fields ({@code [name]}).
 */
@Component
class DocumentTemplates {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentTemplates.class);
  /** The placeholders whose value is a list of rows. */
  static final String[] TABLES = {"areas", "communes", "units"};

  private final Path folder;
  private final Configure configure;
  private final Map<DocumentKind, byte[]> bundled = new EnumMap<>(DocumentKind.class);

  DocumentTemplates(@Value("${pilot.documents.templates:}") String folder) {
    this.folder = folder == null || folder.isBlank() ? null : Path.of(folder.strip());
    LoopRowTableRenderPolicy rows = new LoopRowTableRenderPolicy();
    var builder = Configure.builder();
    for (String table : TABLES) {
      builder.bind(table, rows);
    }
    this.configure = builder.build();
    for (DocumentKind kind : DocumentKind.values()) {
      try (InputStream in = DocumentTemplates.class.getResourceAsStream("/documents/" + kind.templateName())) {
        if (in == null) {
          throw new IllegalStateException("The template documents/" + kind.templateName() + " is missing");
        }
        bundled.put(kind, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (this.folder != null) {
      LOG.info("Document templates in {} replace the application's own when present", this.folder.toAbsolutePath());
    }
  }

  /** The template in force: the configured folder's file of that name, else the application's own. */
  byte[] template(DocumentKind kind) {
    if (folder != null) {
      Path own = folder.resolve(kind.templateName());
      if (Files.isRegularFile(own)) {
        try {
          return Files.readAllBytes(own);
        } catch (IOException e) {
          LOG.warn("The template {} could not be read; the application's own is used: {}", own, e.getMessage());
        }
      }
    }
    return bundled.get(kind);
  }

  /** The template filled with the values: a DOCX file. */
  byte[] fill(DocumentKind kind, Map<String, Object> values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (XWPFTemplate template = XWPFTemplate.compile(new ByteArrayInputStream(template(kind)), configure)) {
      template.render(values).write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
