package org.itops.audit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record overdue remediation": the findings still open at their due date, on the timeline. */
@Component("recordOverdueRemediationDelegate")
class RecordOverdueRemediationDelegate implements JavaDelegate {

  private final AuditService audits;

  RecordOverdueRemediationDelegate(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    audits.remediationOverdue(execution.getProcessBusinessKey());
  }
}
