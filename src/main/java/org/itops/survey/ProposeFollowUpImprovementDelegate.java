package org.itops.survey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.improvement.ImprovementService;
import org.itops.platform.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * "Improvement proposed" after "Follow up a low rating": an improvement the follow-up names starts
 * continuous-improvement, by the person who followed up.
 */
@Component("proposeFollowUpImprovementDelegate")
class ProposeFollowUpImprovementDelegate implements JavaDelegate {

  private final ImprovementService improvements;
  private final CurrentUser currentUser;

  ProposeFollowUpImprovementDelegate(ImprovementService improvements, CurrentUser currentUser) {
    this.improvements = improvements;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object improvement = execution.getVariable("improvement");
    if (improvement != null && !improvement.toString().isBlank()) {
      String record = (String) execution.getVariable("surveyedRecord");
      improvements.propose(improvement.toString().strip(), "A low rating of " + record + ": "
          + execution.getVariable("followUpNotes"), record, (String) execution.getVariable("service"),
          currentUser.id(), null, null);
    }
  }
}
