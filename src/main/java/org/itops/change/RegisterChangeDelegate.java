package org.itops.change;

import static org.itops.change.ChangeProcess.Var;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Register change": validates the request, creates the record and makes its number the business key; what the CMDB
 * says about its items goes to DMN change-classification.
 */
@Component("registerChangeDelegate")
class RegisterChangeDelegate implements JavaDelegate {

  private final ChangeService changes;

  RegisterChangeDelegate(ChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ChangeRequest request = new ChangeRequest(text(execution, Var.SUMMARY), text(execution, Var.REASON),
        text(execution, Var.CHANGE_TYPE), text(execution, Var.IMPACT),
        ChangeRequest.splitItems(text(execution, Var.CONFIGURATION_ITEMS)), text(execution, Var.IMPLEMENTATION_PLAN),
        text(execution, Var.BACKOUT_PLAN), text(execution, Var.TEST_EVIDENCE),
        ChangeRequest.timeText(execution.getVariable(Var.PLANNED_START)),
        ChangeRequest.timeText(execution.getVariable(Var.PLANNED_END)), text(execution, Var.SOURCE_RECORD));
    ChangeService.Registered registered = changes.register(request, text(execution, Var.INITIATOR));
    Change change = registered.change();
    execution.setProcessBusinessKey(change.number());
    execution.setVariable(Var.RECORD_NUMBER, change.number());
    execution.setVariable(Var.TITLE, change.summary());
    execution.setVariable(Var.PRIORITY, null);
    execution.setVariable(Var.REQUESTER, change.requester());
    execution.setVariable(Var.CONFIGURATION_ITEMS, String.join(", ", change.configurationItems()));
    execution.setVariable(Var.CI_CRITICALITY, registered.ciCriticality());
    execution.setVariable(Var.HAS_BACKOUT_PLAN, change.backoutPlan() != null);
    execution.setVariable(Var.HAS_TEST_EVIDENCE, change.testEvidence() != null);
    execution.setVariable(Var.AFFECTED_SERVICES, String.join(", ", registered.affectedServices()));
    execution.setVariable(Var.CANCEL_REASON, null);
    ChangeVariables.setWindow(execution, change);
  }
}
