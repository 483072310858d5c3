package vn.thanthien.pilot.access;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Grants permissions idempotently: adds them to the group's (or everyone's) existing grant on the
 * resource, or creates one. Camunda's own authorizations do the checking.
 */
public final class Grants {

  /** Stands for "every authenticated user" (a global authorization). */
  public static final String EVERYONE = "*";

  private Grants() {}

  public static void grant(AuthorizationService authorizations, String groupId, Resource resource,
      String resourceId, Permission... permissions) {
    boolean global = EVERYONE.equals(groupId);
    var query = authorizations.createAuthorizationQuery()
        .resourceType(resource).resourceId(resourceId)
        .authorizationType(global ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
    Authorization authorization = (global ? query.userIdIn(EVERYONE) : query.groupIdIn(groupId))
        .singleResult();
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
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
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
