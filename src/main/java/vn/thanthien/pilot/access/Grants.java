package vn.thanthien.pilot.access;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Grants permissions idempotently: adds them to the group's (or everyone's) existing grant on the
 * resource, or creates one. Camunda's own authorizations do the checking.
 */
public final class Grants {

  /** Stands for "every authenticated user" (a global authorization). */
  public static final String EVERYONE = "*";

  private final AuthorizationService authorizations;
  /** Existing grants by resource, id and holder, read once per resource and id. */
  private final Map<String, Authorization> existing = new HashMap<>();
  private final Set<String> read = new HashSet<>();
  /** Grants this batch has saved (by key). */
  private final Set<String> saved = new HashSet<>();

  private Grants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  /**
   * For granting many at once (every unit of the country at start-up): what exists is read with
   * one query per resource and id, not one per grant.
   */
  public static Grants batch(AuthorizationService authorizations) {
    return new Grants(authorizations);
  }

  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    String scope = resource.resourceType() + "/" + resourceId;
    if (read.add(scope)) {
      for (Authorization authorization : authorizations.createAuthorizationQuery()
          .resourceType(resource).resourceId(resourceId).list()) {
        existing.putIfAbsent(key(scope, authorization.getAuthorizationType(),
            authorization.getGroupId() != null ? authorization.getGroupId() : authorization.getUserId()), authorization);
      }
    }
    boolean global = EVERYONE.equals(groupId);
    String key = key(scope, global ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT, groupId);
    Authorization known = existing.get(key);
    if (known != null && Context.getCommandContext() != null && saved.contains(key)) {
      // saved earlier in this same command (a reorganisation's job): the entity is in the
      // command's cache and is written when the command ends; saving it again is refused
      for (Permission permission : permissions) {
        known.addPermission(permission);
      }
      return;
    }
    Authorization written = apply(authorizations, known, groupId, resource, resourceId, permissions);
    if (written != null) {
      existing.put(key, written);
      saved.add(key);
    }
  }

  /** One grant, looking up what exists first. */
  public static void grant(AuthorizationService authorizations, String groupId, Resource resource,
      String resourceId, Permission... permissions) {
    boolean global = EVERYONE.equals(groupId);
    var query = authorizations.createAuthorizationQuery()
        .resourceType(resource).resourceId(resourceId)
        .authorizationType(global ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
    Authorization authorization = (global ? query.userIdIn(EVERYONE) : query.groupIdIn(groupId))
        .singleResult();
    apply(authorizations, authorization, groupId, resource, resourceId, permissions);
  }

  /** Adds what is missing to {@code authorization} (a new one when null); returns it if saved. */
  private static Authorization apply(AuthorizationService authorizations, Authorization authorization, String groupId,
      Resource resource, String resourceId, Permission... permissions) {
    boolean global = EVERYONE.equals(groupId);
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(
          global ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
      if (global) {
        authorization.setUserId(EVERYONE);
      } else {
        authorization.setGroupId(groupId);
      }
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (hasAll(authorization, permissions)) {
      return null;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    return authorizations.saveAuthorization(authorization);
  }

  private static String key(String scope, int type, String holder) {
    return scope + "/" + type + "/" + holder;
  }

  private static boolean hasAll(Authorization authorization, Permission[] permissions) {
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        return false;
      }
    }
    return true;
  }
}
