package vn.thanthien.pilot.survey;

import jakarta.annotation.PreDestroy;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.survey.SurveyCommunes.ReportingPeriod;

/**
 * The answers counted and the answers refused, in the application's database
 * ({@link SurveySchema}). Refusals are counted in memory and written every few seconds as one row
 * per commune, day and reason, so that a flood of refused requests costs the database almost
 * nothing; they are written before they are read.
 */
@Component
public class SurveyAnswers {

  private static final Logger LOG = LoggerFactory.getLogger(SurveyAnswers.class);

  /** Why an answer was not counted, as stored. */
  public enum Refusal {
    ADDRESS_LIMIT, COMMUNE_LIMIT, DEVICE_ANSWERED, TOKEN_USED, TOKEN_INVALID, TOO_LARGE
  }

  /** One answer as stored. */
  public record Answer(String communeCode, String instanceId, ReportingPeriod period, OffsetDateTime at,
      int overall, String levels, String comment, boolean flagged) {}

  /** The counted answers of one period and level. */
  public record Count(LocalDate from, LocalDate to, int level, boolean flagged, long answers) {}

  /** A comment as the district reads it. */
  public record Comment(String id, LocalDate periodFrom, OffsetDateTime at, int overall, String text, boolean hidden) {}

  private record RefusalKey(String commune, LocalDate day, Refusal reason) {}

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final Map<RefusalKey, LongAdder> pendingRefusals = new ConcurrentHashMap<>();
  private final ScheduledExecutorService writer;

  public SurveyAnswers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "survey-refusals");
      thread.setDaemon(true);
      return thread;
    });
    writer.scheduleWithFixedDelay(this::writeRefusals, 10, 10, TimeUnit.SECONDS);
  }

  public void store(Answer answer) {
    jdbc.update("INSERT INTO PILOT_SURVEY_ANSWER (ID_, COMMUNE_CODE_, PROC_INST_ID_, PERIOD_FROM_, PERIOD_TO_, "
            + "ANSWERED_AT_, OVERALL_, LEVELS_, COMMENT_, COMMENT_HIDDEN_, FLAGGED_) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(), answer.communeCode(), answer.instanceId(), Date.valueOf(answer.period().from()),
        answer.period().to() == null ? null : Date.valueOf(answer.period().to()), answer.at(), answer.overall(),
        answer.levels(), answer.comment(), false, answer.flagged());
  }

  public void refused(String commune, LocalDate day, Refusal reason) {
    pendingRefusals.computeIfAbsent(new RefusalKey(commune, day, reason), k -> new LongAdder()).increment();
  }

  /** Counted answers of the instances per period, overall level and flag. */
  public List<Count> counts(Collection<String> instanceIds) {
    if (instanceIds.isEmpty()) {
      return List.of();
    }
    return named.query("SELECT PERIOD_FROM_, PERIOD_TO_, OVERALL_, FLAGGED_, COUNT(*) AS N FROM PILOT_SURVEY_ANSWER "
            + "WHERE PROC_INST_ID_ IN (:ids) GROUP BY PERIOD_FROM_, PERIOD_TO_, OVERALL_, FLAGGED_",
        new MapSqlParameterSource("ids", instanceIds),
        (rs, i) -> new Count(rs.getDate(1).toLocalDate(), rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate(),
            rs.getInt(3), rs.getBoolean(4), rs.getLong(5)));
  }

  /** Refusals per day and reason for the communes. */
  public Map<LocalDate, Map<Refusal, Long>> refusals(Collection<String> communes) {
    writeRefusals();
    Map<LocalDate, Map<Refusal, Long>> byDay = new java.util.TreeMap<>();
    if (communes.isEmpty()) {
      return byDay;
    }
    named.query("SELECT DAY_, REASON_, COUNT_ FROM PILOT_SURVEY_REFUSAL WHERE COMMUNE_CODE_ IN (:codes)",
        new MapSqlParameterSource("codes", communes), rs -> {
          Refusal reason;
          try {
            reason = Refusal.valueOf(rs.getString(2));
          } catch (IllegalArgumentException unknown) {
            return;
          }
          byDay.computeIfAbsent(rs.getDate(1).toLocalDate(), d -> new java.util.EnumMap<>(Refusal.class))
              .merge(reason, rs.getLong(3), Long::sum);
        });
    return byDay;
  }

  /** The comments of the instances, newest first, at most {@code limit}. */
  public List<Comment> comments(Collection<String> instanceIds, int limit) {
    if (instanceIds.isEmpty()) {
      return List.of();
    }
    List<Comment> comments = named.query("SELECT ID_, PERIOD_FROM_, ANSWERED_AT_, OVERALL_, COMMENT_, COMMENT_HIDDEN_ "
            + "FROM PILOT_SURVEY_ANSWER WHERE PROC_INST_ID_ IN (:ids) AND COMMENT_ IS NOT NULL ORDER BY ANSWERED_AT_ DESC",
        new MapSqlParameterSource("ids", instanceIds),
        (rs, i) -> new Comment(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getObject(3, OffsetDateTime.class),
            rs.getInt(4), rs.getString(5), rs.getBoolean(6)));
    return comments.size() > limit ? new ArrayList<>(comments.subList(0, limit)) : comments;
  }

  /** Hides or shows again a comment of one of the instances; false when none has it. */
  public boolean hideComment(String answerId, Collection<String> instanceIds, boolean hidden) {
    if (instanceIds.isEmpty()) {
      return false;
    }
    return named.update("UPDATE PILOT_SURVEY_ANSWER SET COMMENT_HIDDEN_ = :hidden WHERE ID_ = :id "
            + "AND PROC_INST_ID_ IN (:ids) AND COMMENT_ IS NOT NULL",
        new MapSqlParameterSource("hidden", hidden).addValue("id", answerId).addValue("ids", instanceIds)) > 0;
  }

  /** Writes the refusals counted in memory (every few seconds, before a read, at shutdown). */
  public synchronized void writeRefusals() {
    for (RefusalKey key : List.copyOf(pendingRefusals.keySet())) {
      LongAdder adder = pendingRefusals.remove(key);
      long count = adder == null ? 0 : adder.sum();
      if (count == 0) {
        continue;
      }
      try {
        add(key, count);
      } catch (DataAccessException e) {
        LOG.warn("Could not write {} refused survey answers ({}); kept in memory: {}", count, key, e.getMessage());
        pendingRefusals.computeIfAbsent(key, k -> new LongAdder()).add(count);
        return;
      }
    }
  }

  private void add(RefusalKey key, long count) {
    Object[] args = {count, key.commune(), Date.valueOf(key.day()), key.reason().name()};
    String update = "UPDATE PILOT_SURVEY_REFUSAL SET COUNT_ = COUNT_ + ? WHERE COMMUNE_CODE_ = ? AND DAY_ = ? AND REASON_ = ?";
    if (jdbc.update(update, args) > 0) {
      return;
    }
    try {
      jdbc.update("INSERT INTO PILOT_SURVEY_REFUSAL (COMMUNE_CODE_, DAY_, REASON_, COUNT_) VALUES (?, ?, ?, ?)",
          key.commune(), Date.valueOf(key.day()), key.reason().name(), count);
    } catch (DuplicateKeyException anotherNode) {
      jdbc.update(update, args);
    }
  }

  @PreDestroy
  void close() {
    writer.shutdownNow();
    try {
      writeRefusals();
    } catch (RuntimeException e) {
      LOG.warn("Could not write the refused survey answers at shutdown: {}", e.getMessage());
    }
  }
}
