package org.itops.platform;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Who is calling: the user that the engine holds for this request (set by the authentication filter). */
@Component
public class CurrentUser {

  private final IdentityService identityService;

  CurrentUser(IdentityService identityService) {
    this.identityService = identityService;
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

  public boolean isAdministrator() {
    return groups().contains(AccessProperties.ADMIN_GROUP);
  }
}
