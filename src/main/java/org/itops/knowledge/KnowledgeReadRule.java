package org.itops.knowledge;

import java.util.Set;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.ReadRule;
import org.springframework.stereotype.Component;

/**
 * Who reads knowledge articles in full (drafts, reviews, the timeline and audit trail): the staff. Everybody logged in
 * reads the published version of an article ({@link KnowledgeBase#view}) and finds it in search.
 */
@Component
class KnowledgeReadRule extends ReadRule {

  KnowledgeReadRule(CurrentUser currentUser, AccessProperties access) {
    super(currentUser, Set.of(KnowledgeProcess.RECORD_PREFIX), access.staffGroups(), Set.of(KnowledgeProcess.KEY));
  }
}
