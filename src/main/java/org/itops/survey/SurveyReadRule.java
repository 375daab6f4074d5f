package org.itops.survey;

import java.util.Set;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.ReadRule;
import org.springframework.stereotype.Component;

/**
 * Who reads survey answers (their timeline and audit trail, and the KPIs that count them): the staff. The respondent
 * answers through the signed link of their mail and reads nothing else.
 */
@Component
class SurveyReadRule extends ReadRule {

  SurveyReadRule(CurrentUser currentUser, AccessProperties access) {
    super(currentUser, Set.of(SurveyService.RECORD_PREFIX), access.staffGroups(), Set.of(SurveyService.PROCESS_KEY));
  }
}
