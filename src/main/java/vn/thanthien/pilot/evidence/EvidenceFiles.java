package vn.thanthien.pilot.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thanthien.pilot.engine.TaskWork.OpenTask;

/**
 * The evidence files of tasks, kept in the application's database: what the application's own
 * code reads (no authorization check here: {@link EvidenceController} checks the caller's rights
 * with Camunda's authorizations before it calls anything), and the writes the API makes.
 *
 * <p>A file is added or removed in one transaction that locks the task's row in Camunda's
 * {@code ACT_RU_TASK} (an upload: once its content is written, for its commit): a task being
 * completed at the same moment waits (and its completion check counts the files), a task already
 * completed takes no file, and two uploads to one task are counted against its limits one after
 * the other.
 */
@Component
public class EvidenceFiles {

  static final String TASK_CLOSED = "Công việc này đã hoàn thành hoặc không còn: tệp minh chứng của nó chỉ còn "
      + "để xem, không thêm hay gỡ được nữa.";
  static final String TOO_MANY = "Mỗi công việc có nhiều nhất %d tệp minh chứng; công việc này đã có %d tệp, "
      + "không thêm được %d tệp nữa.";
  static final String TOO_LARGE_TOTAL = "Tổng dung lượng tệp minh chứng của một công việc nhiều nhất là %s; "
      + "công việc này đã có %s, không thêm được %s nữa.";
  static final String INTERRUPTED = "Tải tệp lên bị gián đoạn; chưa lưu tệp nào, vui lòng gửi lại.";

  private static final String COLUMNS = "ID_, NAME_, SIZE_, MEDIA_TYPE_, ADDED_BY_, ADDED_BY_NAME_, ADDED_AT_, "
      + "TASK_ID_, TASK_NAME_, TASK_DEF_KEY_, SLOT_, PROC_INST_ID_, BUSINESS_KEY_, SHA256_";

  /** A file's description with what only the server uses: its digest. */
  record Stored(EvidenceFile file, String sha256) {}

  /**
   * How many files the tasks of one step of one instance have.
   *
   * @param step the task definition key, {@code stepName} the task's name
   */
  public record StepCount(String processInstanceId, String step, String stepName, int files) {}

  /** A file to add: its cleaned name, detected type, length and content (readable again). */
  record Upload(String name, String mediaType, long size, FileTypes.Content content) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ContentStore store;
  private final EvidenceProperties settings;

  public EvidenceFiles(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, EvidenceProperties settings) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.store = new DatabaseContentStore(jdbc, (int) settings.chunkSize().toBytes());
    this.settings = settings;
  }

  /** The files of a task, oldest first. */
  public List<EvidenceFile> ofTask(String taskId) {
    return query("WHERE TASK_ID_ = ? ORDER BY ADDED_AT_, ID_", taskId).stream().map(Stored::file).toList();
  }

  /** The files of every task of a process instance (running or completed), oldest first. */
  public List<EvidenceFile> ofProcessInstance(String processInstanceId) {
    return query("WHERE PROC_INST_ID_ = ? ORDER BY ADDED_AT_, ID_", processInstanceId).stream()
        .map(Stored::file).toList();
  }

  /** How many files the task has in {@code slot} (any slot, and none, when null). */
  public int count(String taskId, String slot) {
    Integer count = slot == null
        ? jdbc.queryForObject("SELECT COUNT(*) FROM PILOT_EVIDENCE_FILE WHERE TASK_ID_ = ?", Integer.class, taskId)
        : jdbc.queryForObject("SELECT COUNT(*) FROM PILOT_EVIDENCE_FILE WHERE TASK_ID_ = ? AND SLOT_ = ?",
            Integer.class, taskId, slot);
    return count == null ? 0 : count;
  }

  /**
   * The files of every process instance below the root instance {@code rootProcessInstanceId}
   * (a programme: its districts and communes), counted per instance and step, in one grouped
   * query on the history's root-instance index, whatever the number of instances; per instance,
   * the steps in the order they were first given files. No authorization check: the caller keeps
   * only the instances its viewer may read.
   */
  public List<StepCount> countsByStep(String rootProcessInstanceId) {
    return jdbc.query("SELECT F.PROC_INST_ID_, F.TASK_DEF_KEY_, MIN(F.TASK_NAME_) AS TASK_NAME_, COUNT(*) AS FILES_, "
        + "MIN(F.ADDED_AT_) AS FIRST_ FROM PILOT_EVIDENCE_FILE F JOIN ACT_HI_PROCINST H ON H.ID_ = F.PROC_INST_ID_ "
        + "WHERE H.ROOT_PROC_INST_ID_ = ? GROUP BY F.PROC_INST_ID_, F.TASK_DEF_KEY_ "
        + "ORDER BY F.PROC_INST_ID_, FIRST_, F.TASK_DEF_KEY_",
        (row, index) -> new StepCount(row.getString(1), row.getString(2), row.getString(3), row.getInt(4)),
        rootProcessInstanceId);
  }

  Optional<Stored> find(String fileId) {
    return query("WHERE ID_ = ?", fileId).stream().findFirst();
  }

  /** The bytes of a file, streamed from the store. */
  InputStream content(String fileId) {
    return store.read(fileId);
  }

  /**
   * Adds every upload to the open task, or none: refused (413) beyond the task's number or total
   * size of files, (409) when the task is no longer open; a read that fails leaves nothing.
   */
  List<EvidenceFile> add(OpenTask task, String userId, String userName, String slot, List<Upload> uploads) {
    long adding = uploads.stream().mapToLong(Upload::size).sum();
    return transactions.execute(status -> {
      // before any byte is written: what the task held when the upload began
      checkLimits(task.id(), uploads.size(), adding, 0, 0);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      List<EvidenceFile> added = new ArrayList<>();
      for (Upload upload : uploads) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO PILOT_EVIDENCE_FILE (ID_, TASK_ID_, TASK_NAME_, TASK_DEF_KEY_, PROC_INST_ID_, "
            + "BUSINESS_KEY_, SLOT_, NAME_, MEDIA_TYPE_, SIZE_, SHA256_, ADDED_BY_, ADDED_BY_NAME_, ADDED_AT_) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, task.id(), task.name(), task.taskDefinitionKey(),
            task.processInstanceId(), task.businessKey(), slot, upload.name(), upload.mediaType(), upload.size(), "",
            userId, userName, now.atOffset(ZoneOffset.UTC));
        ContentStore.Written written;
        try (InputStream content = upload.content().open()) {
          written = store.write(id, content);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (written.size() != upload.size()) {
          throw new UncheckedIOException(new IOException("read " + written.size() + " of " + upload.size() + " bytes"));
        }
        jdbc.update("UPDATE PILOT_EVIDENCE_FILE SET SHA256_ = ? WHERE ID_ = ?", written.sha256(), id);
        added.add(new EvidenceFile(id, upload.name(), upload.size(), upload.mediaType(), userId, userName, now,
            task.id(), task.name(), task.taskDefinitionKey(), slot, task.processInstanceId(), task.businessKey(),
            EvidenceFile.url(id)));
      }
      // Only now, for the commit, the task's row: another upload to the task commits first or
      // after, never at the same time, and is counted here (this transaction sees its own files
      // and those committed); a completion waits for this commit, a completed task takes nothing.
      lockOpenTask(task.id());
      checkLimits(task.id(), 0, 0, uploads.size(), adding);
      return added;
    });
  }

  /**
   * 413 unless the task's files, with {@code count} more files of {@code bytes} (and less the
   * {@code own} files of {@code ownBytes} this transaction already counts), stay within the limits.
   */
  private void checkLimits(String taskId, int count, long bytes, int own, long ownBytes) {
    long[] held = jdbc.queryForObject(
        "SELECT COUNT(*), COALESCE(SUM(SIZE_), 0) FROM PILOT_EVIDENCE_FILE WHERE TASK_ID_ = ?",
        (row, index) -> new long[] {row.getLong(1), row.getLong(2)}, taskId);
    int adding = count + own;
    long addingBytes = bytes + ownBytes;
    long before = held[0] - own;
    long beforeBytes = held[1] - ownBytes;
    if (before + adding > settings.maxFilesPerTask()) {
      throw new EvidenceException(413, "TooManyFiles", TOO_MANY.formatted(settings.maxFilesPerTask(), before, adding));
    }
    if (beforeBytes + addingBytes > settings.maxTotalPerTask().toBytes()) {
      throw new EvidenceException(413, "TaskFilesTooLarge", TOO_LARGE_TOTAL.formatted(
          Sizes.readable(settings.maxTotalPerTask().toBytes()), Sizes.readable(beforeBytes),
          Sizes.readable(addingBytes)));
    }
  }

  /** Removes the file of the open task {@code taskId}; 409 when the task is no longer open. */
  void remove(String fileId, String taskId) {
    transactions.executeWithoutResult(status -> {
      lockOpenTask(taskId);
      store.delete(fileId);
      jdbc.update("DELETE FROM PILOT_EVIDENCE_FILE WHERE ID_ = ?", fileId);
    });
  }

  /**
   * Removes up to {@code batch} files of process instances that exist neither running nor in
   * history (Camunda's history cleanup removed them at their removal time, or an administrator
   * deleted them); returns how many.
   */
  int removeOrphans(int batch) {
    return transactions.execute(status -> {
      List<String> orphans = jdbc.queryForList("SELECT F.ID_ FROM PILOT_EVIDENCE_FILE F "
          + "WHERE NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST H WHERE H.ID_ = F.PROC_INST_ID_) "
          + "AND NOT EXISTS (SELECT 1 FROM ACT_RU_EXECUTION E WHERE E.ID_ = F.PROC_INST_ID_) "
          + "ORDER BY F.ID_ FETCH FIRST " + batch + " ROWS ONLY", String.class);
      for (String id : orphans) {
        store.delete(id);
        jdbc.update("DELETE FROM PILOT_EVIDENCE_FILE WHERE ID_ = ?", id);
      }
      return orphans.size();
    });
  }

  /**
   * Locks Camunda's row of the open task until the transaction ends (a completion waits for it);
   * 409 when the task is no longer open.
   */
  private void lockOpenTask(String taskId) {
    if (jdbc.queryForList("SELECT ID_ FROM ACT_RU_TASK WHERE ID_ = ? FOR UPDATE", String.class, taskId).isEmpty()) {
      throw new EvidenceException(409, "TaskNotOpen", TASK_CLOSED);
    }
  }

  private List<Stored> query(String where, Object... arguments) {
    return jdbc.query("SELECT " + COLUMNS + " FROM PILOT_EVIDENCE_FILE " + where, EvidenceFiles::stored, arguments);
  }

  private static Stored stored(ResultSet row, int index) throws SQLException {
    String id = row.getString("ID_");
    OffsetDateTime addedAt = row.getObject("ADDED_AT_", OffsetDateTime.class);
    return new Stored(new EvidenceFile(id, row.getString("NAME_"), row.getLong("SIZE_"), row.getString("MEDIA_TYPE_"),
        row.getString("ADDED_BY_"), row.getString("ADDED_BY_NAME_"), addedAt.toInstant(), row.getString("TASK_ID_"),
        row.getString("TASK_NAME_"), row.getString("TASK_DEF_KEY_"), row.getString("SLOT_"),
        row.getString("PROC_INST_ID_"), row.getString("BUSINESS_KEY_"), EvidenceFile.url(id)), row.getString("SHA256_"));
  }
}
