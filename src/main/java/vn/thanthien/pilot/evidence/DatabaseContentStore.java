package vn.thanthien.pilot.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The content of evidence files in the application's database (H2 or PostgreSQL), in rows of
 * {@code pilot.evidence.chunk-size} bytes ({@code PILOT_EVIDENCE_CHUNK}, 256 KB by default) written
 * in the transaction that records the file, so that a file is either whole or absent, and backed up
 * with the database. Neither writing nor reading holds more than one chunk of a file in memory.
 */
class DatabaseContentStore implements ContentStore {

  private final JdbcTemplate jdbc;
  private final int chunkSize;

  DatabaseContentStore(JdbcTemplate jdbc, int chunkSize) {
    this.jdbc = jdbc;
    this.chunkSize = chunkSize;
  }

  @Override
  public Written write(String fileId, InputStream content) throws IOException {
    MessageDigest sha256 = sha256();
    byte[] buffer = new byte[chunkSize];
    long size = 0;
    int sequence = 0;
    while (true) {
      int read = content.readNBytes(buffer, 0, buffer.length);
      if (read == 0) {
        break;
      }
      sha256.update(buffer, 0, read);
      size += read;
      byte[] chunk = read == buffer.length ? buffer : Arrays.copyOf(buffer, read);
      jdbc.update("INSERT INTO PILOT_EVIDENCE_CHUNK (FILE_ID_, SEQ_, DATA_) VALUES (?, ?, ?)",
          fileId, sequence++, chunk);
      if (read < buffer.length) {
        break;
      }
    }
    return new Written(size, HexFormat.of().formatHex(sha256.digest()));
  }

  @Override
  public InputStream read(String fileId) {
    return new ChunkStream(fileId);
  }

  @Override
  public void delete(String fileId) {
    jdbc.update("DELETE FROM PILOT_EVIDENCE_CHUNK WHERE FILE_ID_ = ?", fileId);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the chunks one after the other, each with a query of its own (no connection held between). */
  private final class ChunkStream extends InputStream {
    private final String fileId;
    private int next;
    private byte[] chunk = new byte[0];
    private int position;
    private boolean ended;

    ChunkStream(String fileId) {
      this.fileId = fileId;
    }

    private boolean fill() {
      while (!ended && position >= chunk.length) {
        List<byte[]> found = jdbc.query("SELECT DATA_ FROM PILOT_EVIDENCE_CHUNK WHERE FILE_ID_ = ? AND SEQ_ = ?",
            (row, index) -> row.getBytes(1), fileId, next);
        if (found.isEmpty()) {
          ended = true;
          chunk = new byte[0];
        } else {
          chunk = found.get(0);
          next++;
        }
        position = 0;
      }
      return !ended;
    }

    @Override
    public int read() {
      return fill() ? chunk[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int count = Math.min(length, chunk.length - position);
      System.arraycopy(chunk, position, buffer, offset, count);
      position += count;
      return count;
    }
  }
}
