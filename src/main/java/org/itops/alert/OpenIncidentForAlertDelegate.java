package org.itops.alert;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.incident.IncidentReport;
import org.itops.incident.IncidentService;
import org.springframework.stereotype.Component;

/**
 * "Open incident" and "Open major incident" (input parameter {@code majorIncident}): an incident reported by the
 * monitoring user, with impact and urgency from DMN alert-routing and the category from DMN alert-mapping.
 */
@Component("openIncidentForAlertDelegate")
class OpenIncidentForAlertDelegate implements JavaDelegate {

  private final IncidentService incidents;
  private final AlertService alerts;
  private final AlertProperties properties;

  OpenIncidentForAlertDelegate(IncidentService incidents, AlertService alerts, AlertProperties properties) {
    this.incidents = incidents;
    this.alerts = alerts;
    this.properties = properties;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    Map<String, Object> grade = (Map<String, Object>) execution.getVariable("grade");
    Map<String, Object> owner = (Map<String, Object>) execution.getVariable("owner");
    IncidentReport report = new IncidentReport((String) execution.getVariable("title"), description(execution),
        (String) grade.get("impact"), (String) grade.get("urgency"), (String) owner.get("category"),
        (String) execution.getVariable("instance"), properties.user(),
        Boolean.TRUE.equals(execution.getVariableLocal("majorIncident")));
    String incident = incidents.report(report, "alert");
    execution.setVariable("incidentNumber", incident);
    alerts.linkIncident(execution.getProcessBusinessKey(), incident);
  }

  private static String description(DelegateExecution execution) {
    StringBuilder text = new StringBuilder();
    Object description = execution.getVariable("description");
    if (description != null) {
      text.append(description).append("\n\n");
    }
    text.append("Alert ").append(execution.getProcessBusinessKey()).append(" from ")
        .append(execution.getVariable("source")).append(", labels ").append(execution.getVariable("labels"));
    Object generator = execution.getVariable("generatorUrl");
    if (generator != null) {
      text.append("\nSource: ").append(generator);
    }
    return text.length() > IncidentReport.MAX_TEXT ? text.substring(0, IncidentReport.MAX_TEXT) : text.toString();
  }
}
