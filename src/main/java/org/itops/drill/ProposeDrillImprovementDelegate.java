package org.itops.drill;

import static org.itops.platform.FormValues.isBlank;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.improvement.ImprovementService;
import org.itops.platform.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * "Improvements proposed" after the review: an improvement of how we work, or training needs the drill showed
 * (checked when the review was completed), start continuous-improvement (guide 8) with the drill as its source; the
 * review's actions improve the plan itself.
 */
@Component("proposeDrillImprovementDelegate")
class ProposeDrillImprovementDelegate implements JavaDelegate {

  private final ImprovementService improvements;
  private final CurrentUser currentUser;

  ProposeDrillImprovementDelegate(ImprovementService improvements, CurrentUser currentUser) {
    this.improvements = improvements;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String improvement = text(execution, "improvement");
    String trainees = text(execution, "trainees");
    if (isBlank(improvement) && isBlank(trainees)) {
      return;
    }
    String number = execution.getProcessBusinessKey();
    improvements.propose(isBlank(improvement) ? "Training after drill " + number : improvement.strip(),
        "Found in drill " + number, number, null, currentUser.id(), trainees, text(execution, "trainingTopic"));
  }
}
