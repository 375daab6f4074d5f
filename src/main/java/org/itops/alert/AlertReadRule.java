package org.itops.alert;

import java.util.HashSet;
import java.util.Set;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.ReadRule;
import org.springframework.stereotype.Component;

/** Who reads alerts: the staff and the monitoring systems that post them (group {@code monitoring}). */
@Component
class AlertReadRule extends ReadRule {

  AlertReadRule(CurrentUser currentUser, AccessProperties access) {
    super(currentUser, Set.of(AlertProcess.RECORD_PREFIX), staffAndMonitoring(access), Set.of(AlertProcess.KEY));
  }

  private static Set<String> staffAndMonitoring(AccessProperties access) {
    Set<String> groups = new HashSet<>(access.staffGroups());
    groups.add(AccessProperties.MONITORING_GROUP);
    return groups;
  }
}
