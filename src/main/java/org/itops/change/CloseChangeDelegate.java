package org.itops.change;

import static org.itops.change.ChangeProcess.Var;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.change.Change.Outcome;
import org.springframework.stereotype.Component;

/** "Close change": the outcome from the path the change took. */
@Component("closeChangeDelegate")
class CloseChangeDelegate implements JavaDelegate {

  private final ChangeService changes;

  CloseChangeDelegate(ChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Outcome outcome;
    String notes;
    if (text(execution, Var.CANCEL_REASON) != null) {
      outcome = Outcome.CANCELLED;
      notes = text(execution, Var.CANCEL_REASON);
    } else if (!Boolean.TRUE.equals(execution.getVariable(Var.APPROVED))) {
      outcome = Outcome.REJECTED;
      notes = text(execution, Var.REJECTION_REASON);
    } else if ("success".equals(text(execution, Var.VERIFICATION))) {
      outcome = Outcome.SUCCESSFUL;
      notes = text(execution, Var.REVIEW_NOTES) != null ? text(execution, Var.REVIEW_NOTES)
          : text(execution, Var.VERIFICATION_NOTES);
    } else {
      outcome = Boolean.TRUE.equals(execution.getVariable(Var.BACKED_OUT)) ? Outcome.BACKED_OUT : Outcome.FAILED;
      notes = text(execution, Var.REVIEW_NOTES);
    }
    changes.close(execution.getProcessBusinessKey(), outcome, notes);
    execution.setVariable("outcome", outcome.name());
  }
}
