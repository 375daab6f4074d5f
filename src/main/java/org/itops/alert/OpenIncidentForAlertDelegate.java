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
    AlertRecord alert = alerts.view(execution.getProcessBusinessKey());
    IncidentReport report = new IncidentReport(AlertService.title(alert), description(alert),
        (String) grade.get("impact"), (String) grade.get("urgency"), (String) owner.get("category"),
        configurationItem(owner, alert), properties.user(),
        Boolean.TRUE.equals(execution.getVariableLocal("majorIncident")));
    String incident = incidents.report(report, "alert");
    execution.setVariable("incidentNumber", incident);
    alerts.linkIncident(execution.getProcessBusinessKey(), incident);
  }

  /** The configuration item DMN alert-mapping names, else the alert's instance or host. */
  private static String configurationItem(Map<String, Object> owner, AlertRecord alert) {
    Object mapped = owner.get("configurationItem");
    return mapped == null || mapped.toString().isBlank() ? alert.getInstance() : mapped.toString();
  }

  private static String description(AlertRecord alert) {
    StringBuilder text = new StringBuilder();
    if (alert.getDescription() != null) {
      text.append(alert.getDescription()).append("\n\n");
    }
    text.append("Alert ").append(alert.getNumber()).append(" from ").append(alert.getSource()).append(", labels ")
        .append(alert.getLabels());
    if (alert.getGeneratorUrl() != null) {
      text.append("\nSource: ").append(alert.getGeneratorUrl());
    }
    return text.length() > IncidentReport.MAX_TEXT ? text.substring(0, IncidentReport.MAX_TEXT) : text.toString();
  }
}
