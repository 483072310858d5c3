package vn.thanthien.pilot.access;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.Validator;

/**
 * Camunda query validator that refuses any expression ({@code ${...}}, {@code #{...}}) in a query
 * that comes from a caller: in the query itself and in every one of its {@code orQueries}. Camunda
 * 7.24.0 checks only the top level of an ad-hoc query and never the nested {@code orQueries}
 * (which {@code TaskQueryImpl} evaluates right after validating them with their own, empty, set of
 * validators), so the top-level query checks them all before anything is evaluated.
 *
 * <p>Stored filter queries are not affected: they are read from the database without this
 * validator, so the application's filters ({@code ${currentUser()}} …) keep working.
 */
public final class RequestExpressionValidator implements Validator<AbstractQuery<?, ?>> {

  public static final RequestExpressionValidator INSTANCE = new RequestExpressionValidator();

  static final String MESSAGE = "Truy vấn bị từ chối: không được dùng biểu thức (${...} hoặc #{...}) "
      + "trong truy vấn gửi lên máy chủ, kể cả trong orQueries";

  private RequestExpressionValidator() {}

  @Override
  public void validate(AbstractQuery<?, ?> query) {
    if (hasExpression(query)) {
      throw new BadUserRequestException(MESSAGE);
    }
  }

  /** Whether the query, or any of its {@code orQueries}, carries an expression. */
  public static boolean hasExpression(AbstractQuery<?, ?> query) {
    if (query == null) {
      return false;
    }
    if (query.getExpressions() != null && !query.getExpressions().isEmpty()) {
      return true;
    }
    return query instanceof TaskQueryImpl task && hasOrQueryExpression(task);
  }

  /** Whether any of the {@code orQueries} of a task query (not the query itself) carries one. */
  public static boolean hasOrQueryExpression(TaskQueryImpl query) {
    if (query.getQueries() == null) {
      return false;
    }
    for (TaskQueryImpl orQuery : query.getQueries()) {
      if (orQuery != query && orQuery.getExpressions() != null && !orQuery.getExpressions().isEmpty()) {
        return true;
      }
    }
    return false;
  }
}
