package org.itops.review;

import java.util.Set;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.ReadRule;
import org.springframework.stereotype.Component;

/**
 * Who reads service reviews, with the KPI report kept in each: those who start and watch service-review
 * ({@code itops.access}: service owners, IT managers, process owners). Each of them reads all the kinds of record the
 * KPIs count (docs/security.md, "Who may do what").
 */
@Component
class ReviewReadRule extends ReadRule {

  ReviewReadRule(CurrentUser currentUser, AccessProperties access) {
    super(currentUser, Set.of(ReviewService.RECORD_PREFIX), starters(access), Set.of(ReviewService.PROCESS_KEY));
  }

  private static Set<String> starters(AccessProperties access) {
    AccessProperties.ProcessAccess review = access.processes().get(ReviewService.PROCESS_KEY);
    return review == null ? Set.of() : Set.copyOf(review.start());
  }
}
