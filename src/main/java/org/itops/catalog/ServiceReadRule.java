package org.itops.catalog;

import java.util.Set;
import org.itops.platform.CurrentUser;
import org.itops.platform.ReadRule;
import org.springframework.stereotype.Component;

/** Who reads the services of the catalog: everybody logged in (incidents and demands name them). */
@Component
class ServiceReadRule extends ReadRule {

  ServiceReadRule(CurrentUser currentUser) {
    super(currentUser, Set.of(OnboardingProcess.RECORD_PREFIX), Set.of(), Set.of(OnboardingProcess.KEY));
  }

  @Override
  public boolean readsAll() {
    return currentUser.id() != null;
  }
}
