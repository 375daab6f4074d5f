package org.itops.drill;

import java.util.Set;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.ReadRule;
import org.springframework.stereotype.Component;

/** Who reads emergency drills, their reports and the emergency plans: the staff. */
@Component
class DrillReadRule extends ReadRule {

  DrillReadRule(CurrentUser currentUser, AccessProperties access) {
    super(currentUser, Set.of(DrillProcess.RECORD_PREFIX), access.staffGroups(),
        Set.of(DrillProcess.KEY, DrillProcess.SCHEDULE_KEY, DrillProcess.PLAN_KEY));
  }
}
