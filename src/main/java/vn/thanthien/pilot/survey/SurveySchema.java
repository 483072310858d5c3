package vn.thanthien.pilot.survey;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The survey's own tables, beside Camunda's in the same database (H2 or PostgreSQL), created at
 * every start if missing, as the evidence files' are (once the engine is built, before the server
 * answers anyone, under the cluster's start lock): {@code PILOT_SURVEY_ANSWER} (one row per answer
 * counted: commune, instance, the reporting period it counts for, when, the overall level, every
 * question's level, the comment, whether the district hid the comment, whether it looked like
 * stuffing) and {@code PILOT_SURVEY_REFUSAL} (how many answers were refused, per commune, day and
 * reason). Nothing about who answered: no address, no device.
 */
@Component
public class SurveySchema extends AbstractProcessEnginePlugin {

  static final String[] STATEMENTS = {
      "CREATE TABLE IF NOT EXISTS PILOT_SURVEY_ANSWER ("
          + "ID_ VARCHAR(36) NOT NULL PRIMARY KEY, "
          + "COMMUNE_CODE_ VARCHAR(20) NOT NULL, "
          + "PROC_INST_ID_ VARCHAR(64) NOT NULL, "
          + "PERIOD_FROM_ DATE NOT NULL, "
          + "PERIOD_TO_ DATE, "
          + "ANSWERED_AT_ TIMESTAMP WITH TIME ZONE NOT NULL, "
          + "OVERALL_ INTEGER NOT NULL, "
          + "LEVELS_ VARCHAR(1000) NOT NULL, "
          + "COMMENT_ VARCHAR(1000), "
          + "COMMENT_HIDDEN_ BOOLEAN NOT NULL, "
          + "FLAGGED_ BOOLEAN NOT NULL)",
      "CREATE INDEX IF NOT EXISTS PILOT_SURVEY_ANSWER_PROC ON PILOT_SURVEY_ANSWER (PROC_INST_ID_)",
      "CREATE TABLE IF NOT EXISTS PILOT_SURVEY_REFUSAL ("
          + "COMMUNE_CODE_ VARCHAR(20) NOT NULL, "
          + "DAY_ DATE NOT NULL, "
          + "REASON_ VARCHAR(30) NOT NULL, "
          + "COUNT_ BIGINT NOT NULL, "
          + "PRIMARY KEY (COMMUNE_CODE_, DAY_, REASON_))"
  };

  private final JdbcTemplate jdbc;

  public SurveySchema(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    for (String statement : STATEMENTS) {
      jdbc.execute(statement);
    }
  }
}
