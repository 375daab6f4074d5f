package org.itops.audit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Start quarterly audit" of compliance-audit-schedule: an audit of every control. */
@Component("startQuarterlyAuditDelegate")
class StartQuarterlyAuditDelegate implements JavaDelegate {

  private final AuditService audits;

  StartQuarterlyAuditDelegate(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("auditStarted", audits.audit(null, null));
  }
}
