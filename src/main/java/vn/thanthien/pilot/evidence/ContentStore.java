package vn.thanthien.pilot.evidence;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the bytes of evidence files are kept, streamed both ways; the files' descriptions stay in
 * the application's database ({@link EvidenceFiles}). {@link DatabaseContentStore} keeps them in
 * the same database, so a file is written in the transaction that records it; an S3-compatible
 * store could implement this later (writing before, and removing after a rolled-back commit).
 */
public interface ContentStore {

  /** What was written: its length and its SHA-256 (lowercase hexadecimal). */
  record Written(long size, String sha256) {}

  /**
   * Writes all of {@code content} as the content of the new file {@code fileId} (whose description
   * exists, in the current transaction) and returns its length and digest. Reads the stream to its
   * end, never holding more than one chunk in memory.
   */
  Written write(String fileId, InputStream content) throws IOException;

  /** The content of {@code fileId}, read a chunk at a time as the stream is read. */
  InputStream read(String fileId);

  /** Removes the content of {@code fileId} (in the current transaction). */
  void delete(String fileId);
}
