package org.itops.review;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.springframework.stereotype.Component;

/** "Review service performance": the assessment is required; the reviewer proposes the improvements it decides. */
@Component("reviewTaskValidation")
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
