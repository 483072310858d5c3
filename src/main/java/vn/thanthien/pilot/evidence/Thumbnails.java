package vn.thanthien.pilot.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.springframework.stereotype.Component;

/**
 * Small pictures of photos attached as evidence (JPEG and PNG), so that a phone shows a photo
 * without fetching its 20 MB: the image is read with subsampling (only every n-th pixel is kept,
 * never the whole picture in the heap), fitted into {@link #SIZE} pixels and written as a JPEG.
 * At most {@link #AT_ONCE} are drawn at a time; a picture of more than {@link #MAX_PIXELS} pixels
 * (a decompression bomb) gets none.
 */
@Component
public class Thumbnails {

  static final int SIZE = 240;
  static final long MAX_PIXELS = 60_000_000L;
  static final int AT_ONCE = 2;
  static final String NONE = "Tệp này không có ảnh thu nhỏ (chỉ ảnh JPEG và PNG có).";
  static final String TOO_LARGE = "Ảnh này quá lớn để thu nhỏ; hãy tải tệp về để xem.";
  static final String BUSY = "Máy chủ đang bận thu nhỏ ảnh khác; vui lòng thử lại sau ít giây.";
  static final String UNREADABLE = "Không đọc được ảnh này để thu nhỏ; hãy tải tệp về để xem.";

  private static final Set<String> DRAWN = Set.of("image/jpeg", "image/png");

  private final Semaphore drawing = new Semaphore(AT_ONCE);

  /** Whether files of this type get a thumbnail. */
  public boolean draws(String mediaType) {
    return DRAWN.contains(mediaType);
  }

  /** The thumbnail of an image, as JPEG bytes (a few KB); refused with a Vietnamese message. */
  public byte[] draw(InputStream content) throws IOException {
    try {
      if (!drawing.tryAcquire(5, TimeUnit.SECONDS)) {
        throw new EvidenceException(503, "ThumbnailBusy", BUSY);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EvidenceException(503, "ThumbnailBusy", BUSY);
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(content)) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new EvidenceException(422, "ThumbnailUnreadable", UNREADABLE);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return jpeg(fit(read(reader)));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof EvidenceException refused) {
        throw refused;
      }
      throw new EvidenceException(422, "ThumbnailUnreadable", UNREADABLE);
    } finally {
      drawing.release();
    }
  }

  private static BufferedImage read(ImageReader reader) throws IOException {
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    if ((long) width * height > MAX_PIXELS) {
      throw new EvidenceException(422, "ThumbnailTooLarge", TOO_LARGE);
    }
    int step = Math.max(1, Math.max(width, height) / (2 * SIZE));
    ImageReadParam param = reader.getDefaultReadParam();
    param.setSourceSubsampling(step, step, 0, 0);
    return reader.read(0, param);
  }

  private static BufferedImage fit(BufferedImage image) {
    double scale = Math.min(1.0, (double) SIZE / Math.max(image.getWidth(), image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return small;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.8f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
