package vn.thanthien.pilot.evidence;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The application's own tables for evidence files, beside Camunda's in the same database (H2 or
 * PostgreSQL), created at every start if missing: {@code PILOT_EVIDENCE_FILE} (one row per file:
 * its task, instance, name, type, size, SHA-256, who added it and when) and
 * {@code PILOT_EVIDENCE_CHUNK} (its content, in numbered chunks). Created once the engine is
 * built, before the server answers anyone, while this node holds the cluster's start lock
 * ({@code database.ClusterStartLock}), so two nodes starting at once never create them twice.
 */
@Component
public class EvidenceSchema extends AbstractProcessEnginePlugin {

  static final String[] STATEMENTS = {
      "CREATE TABLE IF NOT EXISTS PILOT_EVIDENCE_FILE ("
          + "ID_ VARCHAR(36) NOT NULL PRIMARY KEY, "
          + "TASK_ID_ VARCHAR(64) NOT NULL, "
          + "TASK_NAME_ VARCHAR(255), "
          + "TASK_DEF_KEY_ VARCHAR(255), "
          + "PROC_INST_ID_ VARCHAR(64) NOT NULL, "
          + "BUSINESS_KEY_ VARCHAR(255), "
          + "SLOT_ VARCHAR(40), "
          + "NAME_ VARCHAR(255) NOT NULL, "
          + "MEDIA_TYPE_ VARCHAR(255) NOT NULL, "
          + "SIZE_ BIGINT NOT NULL, "
          + "SHA256_ VARCHAR(64) NOT NULL, "
          + "ADDED_BY_ VARCHAR(255) NOT NULL, "
          + "ADDED_BY_NAME_ VARCHAR(255), "
          + "ADDED_AT_ TIMESTAMP WITH TIME ZONE NOT NULL)",
      "CREATE INDEX IF NOT EXISTS PILOT_EVIDENCE_FILE_TASK ON PILOT_EVIDENCE_FILE (TASK_ID_)",
      "CREATE INDEX IF NOT EXISTS PILOT_EVIDENCE_FILE_PROC ON PILOT_EVIDENCE_FILE (PROC_INST_ID_)",
      "CREATE TABLE IF NOT EXISTS PILOT_EVIDENCE_CHUNK ("
          + "FILE_ID_ VARCHAR(36) NOT NULL REFERENCES PILOT_EVIDENCE_FILE (ID_) ON DELETE CASCADE, "
          + "SEQ_ INTEGER NOT NULL, "
          + "DATA_ BYTEA NOT NULL, "
          + "PRIMARY KEY (FILE_ID_, SEQ_))"
  };

  private final JdbcTemplate jdbc;

  public EvidenceSchema(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    for (String statement : STATEMENTS) {
      jdbc.execute(statement);
    }
  }
}
