package org.itops.audit;

import static org.itops.audit.AuditProcess.Var;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.ReportPeriod;
import org.springframework.stereotype.Component;

/** "Register audit": the audit's record and scope, its number the business key. */
@Component("registerAuditDelegate")
class RegisterAuditDelegate implements JavaDelegate {

  private final AuditService audits;

  RegisterAuditDelegate(AuditService audits) {
    this.audits = audits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object initiator = execution.getVariable(Var.INITIATOR);
    Object controls = execution.getVariable(Var.CONTROLS);
    Object from = execution.getVariable(Var.PERIOD_FROM);
    AuditRepository.Audit audit = audits.register((String) execution.getVariable(Var.AUDIT_TITLE),
        controls == null ? null : controls.toString(), initiator == null ? "schedule" : initiator.toString(),
        from == null ? null : new ReportPeriod(((Date) from).toInstant(),
            ((Date) execution.getVariable(Var.PERIOD_TO)).toInstant()));
    execution.setProcessBusinessKey(audit.number());
    execution.setVariable(Var.RECORD_NUMBER, audit.number());
    execution.setVariable(Var.TITLE, audit.title());
    execution.setVariable(Var.PRIORITY, null);
    execution.setVariable(Var.CONTROLS, String.join(",", audits.scopeOf(audit.number())));
  }
}
