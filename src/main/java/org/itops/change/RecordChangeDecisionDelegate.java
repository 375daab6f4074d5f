package org.itops.change;

import static org.itops.change.ChangeProcess.Var;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record the approval" and "Record the rejection" (input parameter {@code approvalGiven}): the outcome of the
 * assessment, variable {@code approved}, which the process routes on after it.
 */
@Component("recordChangeDecisionDelegate")
class RecordChangeDecisionDelegate implements JavaDelegate {

  private final ChangeService changes;

  RecordChangeDecisionDelegate(ChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean approved = Boolean.parseBoolean(String.valueOf(execution.getVariableLocal("approvalGiven")));
    execution.setVariable(Var.APPROVED, approved);
    if (approved) {
      changes.approved(execution.getProcessBusinessKey());
    } else {
      String reason = firstText(text(execution, Var.DECISION_NOTES), text(execution, Var.CAB_COMMENTS));
      execution.setVariable(Var.REJECTION_REASON, reason);
      changes.recordDecision(execution.getProcessBusinessKey(), "REJECTED", "timeline.typed", reason);
    }
  }

  private static String firstText(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }
}
