package org.itops.improvement;

import java.util.Set;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.ReadRule;
import org.springframework.stereotype.Component;

/** Who reads improvements (their timeline and audit trail; they have no API of their own): the staff. */
@Component
class ImprovementReadRule extends ReadRule {

  ImprovementReadRule(CurrentUser currentUser, AccessProperties access) {
    super(currentUser, Set.of(ImprovementService.RECORD_PREFIX), access.staffGroups(),
        Set.of(ImprovementService.PROCESS_KEY));
  }
}
