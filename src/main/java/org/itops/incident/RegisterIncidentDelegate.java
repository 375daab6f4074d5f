package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.CurrentUser;
import org.springframework.stereotype.Component;

/** "Register incident": validates the report, creates the record and makes its number the business key. */
@Component("registerIncidentDelegate")
class RegisterIncidentDelegate implements JavaDelegate {

  private final IncidentService incidents;
  private final CurrentUser currentUser;

  RegisterIncidentDelegate(IncidentService incidents, CurrentUser currentUser) {
    this.incidents = incidents;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IncidentReport report = new IncidentReport(text(execution, Var.TITLE), text(execution, Var.DESCRIPTION),
        text(execution, Var.IMPACT), text(execution, Var.URGENCY), text(execution, Var.CATEGORY),
        text(execution, Var.CONFIGURATION_ITEM), text(execution, Var.SERVICE), text(execution, Var.REPORTER),
        Boolean.TRUE.equals(execution.getVariable("declareMajor")), text(execution, Var.OUTAGE_START));
    // who reports is whoever is logged in (nobody for alerts and mail, which name the reporter)
    IncidentService.Registered registered = incidents.register(report, currentUser.id(), text(execution, Var.SOURCE));
    Incident incident = registered.incident();
    execution.setProcessBusinessKey(incident.getNumber());
    execution.setVariable(Var.RECORD_NUMBER, incident.getNumber());
    execution.setVariable(Var.TITLE, incident.getTitle());
    execution.setVariable(Var.REPORTER, incident.getReporter());
    execution.setVariable(Var.SOURCE, incident.getSource());
    // what the catalog and the CMDB know: the tier sets the SLA targets (DMN service-level-targets), the rest is
    // shown at triage
    IncidentService.ServiceContext context = registered.context();
    execution.setVariable(Var.CONFIGURATION_ITEM, incident.getConfigurationItem());
    execution.setVariable(Var.SERVICE, incident.getService());
    execution.setVariable(Var.SERVICE_TIER, context.tier());
    execution.setVariable(Var.SUGGESTED_GROUP, context.suggestedGroup());
    execution.setVariable(Var.AFFECTED_SERVICES, String.join(", ", context.affectedServices()));
    execution.setVariable(Var.ALERT_RESOLVED, false);
    execution.setVariable(Var.RESOLVED, false);
    // what triage's Outage box starts from
    execution.setVariable(Var.OUTAGE, incident.isOutage());
  }

  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
