package org.itops.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Completes "Review service performance": the assessment is required; then the reviewer is recorded, who proposes
 * the improvements it decides.
 */
@Component("reviewTaskCompletion")
class ReviewTaskCompletion implements TaskListener {

  private final CurrentUser currentUser;

  ReviewTaskCompletion(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    Object assessment = task.getVariable("assessment");
    if (assessment == null || assessment.toString().isBlank()) {
      throw new InvalidRequestException("assessment", "reason.review.assessment");
    }
    task.getExecution().setVariable("reviewer", currentUser.id());
  }
}
