package vn.thanthien.pilot.access;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.thanthien.pilot.engine.CommandFields;

/**
 * Keeps expressions that arrive with a request from ever being evaluated, inside the engine, so
 * that it holds for every way in: {@code /engine-rest}, the webapps' {@code /camunda/api/engine},
 * any Content-Type, encoding or HTTP method, GET query strings included.
 *
 * <ol>
 *   <li>The engine's {@link org.camunda.bpm.engine.TaskService} is replaced by one whose
 *       {@code createTaskQuery()} adds {@link RequestExpressionValidator} to every new query. Both
 *       REST APIs build every ad-hoc task query and every filter's extending query through it;
 *       Camunda validates an ad-hoc query before evaluating its expressions, and
 *       {@code AbstractExecuteFilterCmd.getFilter} validates the extending query before merging
 *       it into the stored one.</li>
 *   <li>A command interceptor checks the same again for every task query run as a command and every
 *       filter command's extending query, however the query was built, and refuses to save a filter
 *       whose {@code orQueries} carry an expression (the application's own filters have none;
 *       their top-level expressions, such as {@code ${currentUser()}}, stay allowed).</li>
 * </ol>
 *
 * A refusal is a {@link BadUserRequestException}: both APIs answer 400 with its Vietnamese message.
 */
@Component
public class RequestExpressionPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTaskService(new GuardedTaskService());
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withGuard(configuration.getCustomPreCommandInterceptorsTxRequired(), configuration));
    configuration.setCustomPreCommandInterceptorsTxRequiresNew(
        withGuard(configuration.getCustomPreCommandInterceptorsTxRequiresNew(), configuration));
  }

  private static List<CommandInterceptor> withGuard(List<CommandInterceptor> interceptors,
      ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> list = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    list.add(0, new QueryExpressionInterceptor(configuration));
    return list;
  }

  /** Task service whose ad-hoc queries refuse expressions, nested {@code orQueries} included. */
  static class GuardedTaskService extends TaskServiceImpl {
    @Override
    public TaskQuery createTaskQuery() {
      TaskQueryImpl query = (TaskQueryImpl) super.createTaskQuery();
      query.addValidator(RequestExpressionValidator.INSTANCE);
      return query;
    }
  }

  /** Second line: checks queries and filter commands as they enter the engine. */
  static class QueryExpressionInterceptor extends CommandInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(QueryExpressionInterceptor.class);
    private static final Field EXTENDING_QUERY = CommandFields.field(AbstractExecuteFilterCmd.class, "extendingQuery");
    private static final Field SAVED_FILTER = CommandFields.field(SaveFilterCmd.class, "filter");

    private final ProcessEngineConfigurationImpl configuration;

    QueryExpressionInterceptor(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      check(command);
      return next.execute(command);
    }

    /** Whether a person (not the application's own code at start) sent the command. */
    private boolean fromACaller() {
      return configuration.getIdentityService().getCurrentAuthentication() != null;
    }

    private void check(Command<?> command) {
      if (command instanceof AbstractQuery<?, ?> query) {
        refuseIf(RequestExpressionValidator.hasExpression(query), command);
      } else if (command instanceof AbstractExecuteFilterCmd) {
        Object extending = CommandFields.read(EXTENDING_QUERY, command);
        refuseIf(extending instanceof AbstractQuery<?, ?> query && RequestExpressionValidator.hasExpression(query),
            command);
      } else if (command instanceof SaveFilterCmd && fromACaller()) {
        // the application's own filters (TasklistFilters) may say "assigned to me or offered to
        // my unit" with expressions inside orQueries; no caller may store such a filter
        Object filter = CommandFields.read(SAVED_FILTER, command);
        refuseIf(filter instanceof Filter saved && saved.getQuery() instanceof TaskQueryImpl query
            && RequestExpressionValidator.hasOrQueryExpression(query), command);
      }
    }

    private static void refuseIf(boolean refused, Command<?> command) {
      if (refused) {
        LOG.warn("Refused a query with an expression from a caller ({})", command.getClass().getSimpleName());
        throw new BadUserRequestException(RequestExpressionValidator.MESSAGE);
      }
    }
  }
}
