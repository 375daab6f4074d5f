package org.itops.securityops;

import static org.itops.securityops.SecurityIncidentProcess.Var;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Close security incident": the report and its lessons learned on the record. */
@Component("closeSecurityIncidentDelegate")
class CloseSecurityIncidentDelegate implements JavaDelegate {

  private final SecurityIncidentService incidents;

  CloseSecurityIncidentDelegate(SecurityIncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incidents.close(execution.getProcessBusinessKey(), text(execution, Var.REPORT_SUMMARY),
        text(execution, Var.LESSONS_LEARNED));
  }
}
