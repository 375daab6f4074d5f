package org.itops.change;

import java.util.Set;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.ReadRule;
import org.springframework.stereotype.Component;

/**
 * Who reads changes and freeze periods: the staff read all of them; anybody else the changes they requested (in the
 * list and the calendar too), and no freeze period.
 */
@Component
class ChangeReadRule extends ReadRule {

  private final ChangeRepository changes;

  ChangeReadRule(CurrentUser currentUser, AccessProperties access, ChangeRepository changes) {
    super(currentUser, Set.of(ChangeProcess.RECORD_PREFIX), access.staffGroups(),
        Set.of(ChangeProcess.KEY, ChangeProcess.FREEZE_KEY));
    this.changes = changes;
  }

  @Override
  protected boolean readsOne(String number) {
    return changes.find(number).filter(change -> currentUser.id().equals(change.requester())).isPresent();
  }
}
