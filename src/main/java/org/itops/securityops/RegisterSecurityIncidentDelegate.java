package org.itops.securityops;

import static org.itops.securityops.SecurityIncidentProcess.Var;
import static org.itops.platform.FormValues.text;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Register security incident": validates the report, creates the record and makes its number the business key. */
@Component("registerSecurityIncidentDelegate")
class RegisterSecurityIncidentDelegate implements JavaDelegate {

  private final SecurityIncidentService incidents;

  RegisterSecurityIncidentDelegate(SecurityIncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SecurityIncidentReport report = new SecurityIncidentReport(text(execution, Var.SUMMARY),
        text(execution, Var.DESCRIPTION), text(execution, Var.SEVERITY),
        detectedAt(execution.getVariable(Var.DETECTED_AT)), text(execution, Var.AFFECTED_ASSETS));
    // who started it (Tasklist, the API); an alert's instance is started by the system for the monitoring user
    String initiator = text(execution, Var.INITIATOR);
    SecurityIncident incident = incidents.register(report, initiator == null ? text(execution, Var.REPORTER) : initiator,
        text(execution, Var.SOURCE));
    execution.setProcessBusinessKey(incident.number());
    execution.setVariable(Var.RECORD_NUMBER, incident.number());
    execution.setVariable(Var.TITLE, incident.summary());
    execution.setVariable(Var.PRIORITY, incident.severity());
    execution.setVariable(Var.REPORTER, incident.reporter());
    execution.setVariable(Var.DETECTED_AT, Date.from(incident.detectedAt()));
  }

  /** The form's text, or a Date a REST client set: the report holds ISO text. */
  private static String detectedAt(Object value) {
    return value instanceof Date date ? date.toInstant().toString() : value == null ? null : value.toString();
  }
}
