package vn.thanthien.pilot.engine;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Runs a reading of the application's own inside the current command without the current user's
 * authorizations and without Camunda's tenant check (which {@code runWithoutAuthorization} leaves
 * on): a guard or a collector must see what the application knows, whatever province the official
 * who triggered it belongs to. Needs a command context.
 */
public final class Unchecked {

  private Unchecked() {}

  public static <T> T read(Callable<T> reading) {
    CommandContext command = Context.getCommandContext();
    boolean tenantCheck = command.isTenantCheckEnabled();
    command.disableTenantCheck();
    try {
      return command.runWithoutAuthorization(reading);
    } finally {
      if (tenantCheck) {
        command.enableTenantCheck();
      }
    }
  }
}
