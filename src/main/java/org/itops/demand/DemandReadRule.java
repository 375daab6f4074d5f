package org.itops.demand;

import java.util.Set;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.ReadRule;
import org.springframework.stereotype.Component;

/**
 * Who reads demands, with their specifications and delivery (implementation and acceptance): the staff read all;
 * anybody else the demands they requested.
 */
@Component
class DemandReadRule extends ReadRule {

  private final DemandRepository demands;

  DemandReadRule(CurrentUser currentUser, AccessProperties access, DemandRepository demands) {
    super(currentUser, Set.of(DemandProcess.RECORD_PREFIX), access.staffGroups(),
        Set.of(DemandProcess.KEY, DemandProcess.IMPLEMENTATION_KEY, DemandProcess.ACCEPTANCE_KEY));
    this.demands = demands;
  }

  @Override
  protected boolean readsOne(String number) {
    return demands.find(number).filter(demand -> currentUser.id().equals(demand.getRequester())).isPresent();
  }
}
