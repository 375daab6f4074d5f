package org.itops.demand;

import static org.itops.platform.FormValues.isBlank;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.improvement.ImprovementService;
import org.itops.platform.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * "Improvement proposed" after the retrospective: an improvement its form names starts continuous-improvement, in
 * the same transaction as the completion, by the person who completed it.
 */
@Component("proposeRetrospectiveImprovementDelegate")
class ProposeRetrospectiveImprovementDelegate implements JavaDelegate {

  private final ImprovementService improvements;
  private final CurrentUser currentUser;

  ProposeRetrospectiveImprovementDelegate(ImprovementService improvements, CurrentUser currentUser) {
    this.improvements = improvements;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String improvement = text(execution, "improvement");
    if (isBlank(improvement)) {
      return;
    }
    String number = execution.getProcessBusinessKey();
    improvements.propose(improvement.strip(), "From the retrospective of " + number + ": "
        + text(execution, "toImprove"), number, null, currentUser.id() != null ? currentUser.id() : "system", null,
        null);
  }
}
