package org.itops.problem;

import java.util.Set;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.ReadRule;
import org.springframework.stereotype.Component;

/** Who reads problems: the staff read all of them, like changes; requesters none. */
@Component
class ProblemReadRule extends ReadRule {

  ProblemReadRule(CurrentUser currentUser, AccessProperties access) {
    super(currentUser, Set.of(ProblemProcess.RECORD_PREFIX), access.staffGroups(), Set.of(ProblemProcess.KEY));
  }

  @Override
  protected boolean readsOne(String number) {
    return false;
  }
}
