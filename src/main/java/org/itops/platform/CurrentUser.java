package org.itops.platform;

import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** Who is calling: the user that the engine holds for this request (set by the authentication filter). */
@Component
public class CurrentUser {

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  CurrentUser(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  /** The user id, or null when nobody is authenticated (e.g. on a job executor thread). */
  public String id() {
    var authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** The groups of the user, empty when nobody is authenticated. */
  public List<String> groups() {
    var authentication = identityService.getCurrentAuthentication();
    return authentication == null || authentication.getGroupIds() == null
        ? List.of() : List.copyOf(authentication.getGroupIds());
  }

  /**
   * Runs engine calls that the suite has already authorized itself (e.g. the service desk's reassignment, an
   * alert's resolution) without the caller's authorization checks, then restores the caller.
   */
  public <T> T asSystem(java.util.function.Supplier<T> work) {
    var caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  /**
   * Runs work as the user with their groups (e.g. asking a read rule about the sender of a mail, where nobody is
   * logged in), then restores the caller.
   */
  public <T> T asUser(String userId, java.util.function.Supplier<T> work) {
    var caller = identityService.getCurrentAuthentication();
    identityService.setAuthentication(userId, identityService.createGroupQuery().groupMember(userId).unlimitedList()
        .stream().map(Group::getId).toList());
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      } else {
        identityService.clearAuthentication();
      }
    }
  }

  public boolean isAdministrator() {
    return groups().contains(AccessProperties.ADMIN_GROUP);
  }

  /**
   * Whether the engine shows the user the instances of one of the processes (READ_INSTANCE on its definition): what
   * Cockpit and the engine's REST APIs let them see.
   */
  public boolean watchesAny(Collection<String> processKeys) {
    String userId = id();
    return userId != null && processKeys.stream().anyMatch(key -> authorizationService.isUserAuthorized(userId,
        groups(), ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, key));
  }
}
