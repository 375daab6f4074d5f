package org.itops.audit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The audit's automatic steps, by element id: "Record overdue remediation" and "Close audit". */
@Component("auditStepDelegate")
class AuditStepDelegate implements JavaDelegate {

  private final AuditService audits;

  AuditStepDelegate(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    switch (execution.getCurrentActivityId()) {
      case "recordOverdueRemediation" -> audits.remediationOverdue(number);
      case "closeAudit" -> audits.close(number);
      default -> throw new IllegalStateException("auditStepDelegate has no step '" + execution.getCurrentActivityId()
          + "'");
    }
  }
}
