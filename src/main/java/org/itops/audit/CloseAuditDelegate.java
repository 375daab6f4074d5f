package org.itops.audit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close audit": every finding is remediated; the conclusion on the record. */
@Component("closeAuditDelegate")
class CloseAuditDelegate implements JavaDelegate {

  private final AuditService audits;

  CloseAuditDelegate(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    audits.close(execution.getProcessBusinessKey());
  }
}
