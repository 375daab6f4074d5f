package org.itops.platform;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/** Makes sure a group holds a grant; idempotent, so that it can run at every start. */
final class Grants {

  private final AuthorizationService authorizationService;

  Grants(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /** Grants the permissions to the group on the resource, keeping whatever else the grant already holds. */
  void ensure(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization grant = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (grant == null) {
      grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      grant.setGroupId(groupId);
      grant.setResource(resource);
      grant.setResourceId(resourceId);
    } else if (holdsAll(grant, permissions)) {
      return;
    }
    for (Permission permission : permissions) {
      grant.addPermission(permission);
    }
    authorizationService.saveAuthorization(grant);
  }

  private static boolean holdsAll(Authorization grant, Permission[] permissions) {
    for (Permission permission : permissions) {
      if (!grant.isPermissionGranted(permission)) {
        return false;
      }
    }
    return true;
  }
}
