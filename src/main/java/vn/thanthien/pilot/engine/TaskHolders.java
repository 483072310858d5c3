package vn.thanthien.pilot.engine;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;

/**
 * Who holds a task (its assignee) and who may take it, as engine commands: the caller takes a task
 * for themself, or gives back the task they hold. Nothing here decides who the caller is; the
 * caller's own id and groups come from the authenticated user ({@code access.OwnClaimsPlugin}).
 *
 * <p>A holder is <em>stuck</em> when the user no longer exists or no longer belongs to any of the
 * task's candidate groups (moved to another unit, removed, or made assignee by a claim for someone
 * else): a member of a candidate group may then take the task with a plain claim. Whoever stops
 * holding a task loses the personal grant Camunda gave them as its assignee, and keeps only what
 * their groups give them (a holder moved to another unit can no longer read or complete it).
 */
public final class TaskHolders {

  /** What a command found; a refusal changes nothing. */
  public enum Outcome {
    /** The caller holds the task now (or held it already), or gave it back. */
    DONE,
    /** No such task. */
    NO_TASK,
    /** A colleague (a member of a candidate group) holds it; only a take-over takes it. */
    HELD_BY_COLLEAGUE,
    /** Someone holds it and the caller is not offered the task (works on it through another grant). */
    HELD,
    /** The caller does not hold the task they tried to give back. */
    NOT_HOLDER
  }

  private TaskHolders() {}

  /**
   * The caller ({@code userId}, member of {@code groupIds}) takes the task: when nobody holds it
   * (Camunda's claim), when its holder is stuck, or, with {@code takeOver}, from a colleague. The
   * caller must be allowed to work on the task (Camunda's {@code TASK_WORK} check, which throws).
   */
  public static Command<Outcome> take(String taskId, String userId, Collection<String> groupIds, boolean takeOver) {
    return commandContext -> {
      TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return Outcome.NO_TASK;
      }
      for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
      String holder = task.getAssignee();
      if (userId.equals(holder)) {
        return Outcome.DONE;
      }
      if (holder != null) {
        if (!isCandidate(task, userId, Set.copyOf(groupIds))) {
          return Outcome.HELD;
        }
        boolean stuck = commandContext.runWithoutAuthorization(() -> isStuck(commandContext, task, holder));
        if (!stuck && !takeOver) {
          return Outcome.HELD_BY_COLLEAGUE;
        }
      }
      task.setAssignee(userId);
      revokeHolderGrant(commandContext, task, holder);
      task.triggerUpdateEvent();
      task.logUserOperation(takeOver ? UserOperationLogEntry.OPERATION_TYPE_ASSIGN
          : UserOperationLogEntry.OPERATION_TYPE_CLAIM);
      return Outcome.DONE;
    };
  }

  /**
   * The holder gives the task back to its candidate groups ("Bỏ nhận việc"); logged as
   * {@code operationType} (Camunda logs an unclaim as an assignment, a claim without user as a claim).
   */
  public static Command<Outcome> giveBack(String taskId, String userId, String operationType) {
    return commandContext -> {
      TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return Outcome.NO_TASK;
      }
      if (!userId.equals(task.getAssignee())) {
        return Outcome.NOT_HOLDER;
      }
      task.setAssignee(null);
      revokeHolderGrant(commandContext, task, userId);
      task.triggerUpdateEvent();
      task.logUserOperation(operationType);
      return Outcome.DONE;
    };
  }

  /** Whether {@code holder} no longer exists or belongs to none of the task's candidate groups. */
  private static boolean isStuck(CommandContext commandContext, TaskEntity task, String holder) {
    ReadOnlyIdentityProvider identity = commandContext.getReadOnlyIdentityProvider();
    if (identity.findUserById(holder) == null) {
      return true;
    }
    Set<String> groups = identity.createGroupQuery(commandContext).groupMember(holder).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    return !isCandidate(task, holder, groups);
  }

  private static boolean isCandidate(TaskEntity task, String userId, Set<String> groupIds) {
    for (IdentityLink link : task.getCandidates()) {
      if (userId.equals(link.getUserId()) || link.getGroupId() != null && groupIds.contains(link.getGroupId())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Removes the grant Camunda gave {@code former} as the task's assignee (read, work on it), unless
   * they are still its owner or a candidate user, who keep theirs.
   */
  private static void revokeHolderGrant(CommandContext commandContext, TaskEntity task, String former) {
    if (former == null || former.equals(task.getOwner()) || former.equals(task.getAssignee())
        || task.getCandidates().stream().anyMatch(link -> former.equals(link.getUserId()))) {
      return;
    }
    AuthorizationManager authorizations = commandContext.getAuthorizationManager();
    AuthorizationEntity grant = authorizations.findAuthorizationByUserIdAndResourceId(
        Authorization.AUTH_TYPE_GRANT, former, Resources.TASK, task.getId());
    if (grant != null) {
      // the caller may not delete grants; the engine removes the one it gave
      commandContext.runWithoutAuthorization(() -> {
        authorizations.delete(grant);
        return null;
      });
    }
  }
}
