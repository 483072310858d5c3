package vn.thanthien.pilot.programme;

import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.TransactionListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.thanthien.pilot.engine.Unchecked;
import vn.thanthien.pilot.forms.FormValues;

/**
 * What the start guards ({@link OneRunningProgramme}, {@code OneDistrictPilotPerProgramme}) need
 * to know about the instances already running, read inside the starting instance's transaction.
 *
 * <p>Two starts at the same moment: each guard first takes Camunda's exclusive lock (the row
 * {@code deployment.lock} of {@code ACT_GE_PROPERTY}, {@code SELECT … FOR UPDATE}, the lock the
 * engine itself takes for deployments; the engine skips it on H2), then a lock of this JVM, both
 * held until the transaction ends. So the second start waits until the first has committed or
 * rolled back, and then sees it: on PostgreSQL across the nodes of a cluster, on H2 (one node)
 * within the JVM. Without them, two transactions would not see each other's uncommitted instance
 * and both would start. Instances created in the same transaction (several districts of one
 * programme) are not in the database yet; the programme's district list has no duplicates.
 */
public final class RunningInstances {

  private RunningInstances() {}

  private static final Logger LOG = LoggerFactory.getLogger(RunningInstances.class);
  private static final ReentrantLock STARTS = new ReentrantLock(true);

  /** Serialises the guarded starts (see the class comment); held until the transaction ends. */
  public static void lockStarts() {
    CommandContext command = Context.getCommandContext();
    command.getPropertyManager().acquireExclusiveLock();
    boolean locked;
    try {
      locked = STARTS.tryLock(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      locked = false;
    }
    if (!locked) {
      LOG.warn("Start guard: another start held the lock for 60 s; checking without it");
      return;
    }
    // released once, on whichever outcome the transaction has
    AtomicBoolean held = new AtomicBoolean(true);
    TransactionListener release = context -> {
      if (held.compareAndSet(true, false)) {
        STARTS.unlock();
      }
    };
    command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, release);
    command.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK, release);
  }

  /**
   * The running instances (active or suspended) the query finds, other than the one starting,
   * whatever the current user may read (in any province): the guard must see what the official cannot.
   */
  public static List<ProcessInstance> others(DelegateExecution execution, ProcessInstanceQuery query) {
    return Unchecked.read(query::list).stream()
        .filter(instance -> !instance.getId().equals(execution.getProcessInstanceId()))
        .toList();
  }

  /** A variable of another instance, read without the current user's authorizations. */
  public static Object variable(DelegateExecution execution, String processInstanceId, String name) {
    return Unchecked.read(() -> execution.getProcessEngineServices()
        .getRuntimeService().getVariable(processInstanceId, name));
  }

  /**
   * "05/07/2023", the day another instance was started (in the programme's time zone), or "?"
   * without history.
   */
  public static String startDay(DelegateExecution execution, String processInstanceId, ZoneId zone) {
    HistoricProcessInstance historic = Unchecked.read(() ->
        execution.getProcessEngineServices().getHistoryService().createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId).singleResult());
    Date start = historic == null ? null : historic.getStartTime();
    return start == null ? "?" : FormValues.display(FormValues.date(start, zone).orElse(null));
  }

  /** A date variable as officials read it, or empty. */
  public static Optional<String> day(Object value, ZoneId zone) {
    return FormValues.date(value, zone).map(FormValues::display);
  }

  /**
   * Whether the start is the deliberate act of an administrator (a member of {@code camunda-admin}
   * or of the engine's configured administrator groups or users), or of the application itself:
   * no user is authenticated only when the application's own code or a job starts it, since the
   * REST API and the webapps always authenticate.
   */
  public static boolean startedByAdministratorOrApplication(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      return true;
    }
    ProcessEngineConfigurationImpl config = Context.getProcessEngineConfiguration();
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return groups.contains(Groups.CAMUNDA_ADMIN)
        || (config.getAdminGroups() != null && groups.stream().anyMatch(config.getAdminGroups()::contains))
        || (config.getAdminUsers() != null && config.getAdminUsers().contains(user.getUserId()));
  }
}
