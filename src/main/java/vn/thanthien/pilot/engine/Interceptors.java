package vn.thanthien.pilot.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Command interceptors the application adds to the engine, for an engine plugin's {@code preInit}. */
public final class Interceptors {

  private Interceptors() {}

  /**
   * Adds {@code interceptor} to the pre-command interceptors of transactional commands: it runs
   * before the engine opens a command context, so {@code Context.getCommandContext()} is null there
   * for a command sent from outside the engine and set for one run inside another command.
   */
  public static void addBeforeCommands(ProcessEngineConfigurationImpl configuration, CommandInterceptor interceptor) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(interceptor);
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }
}
