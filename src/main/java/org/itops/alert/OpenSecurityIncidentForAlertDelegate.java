package org.itops.alert;

import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.securityops.SecurityIncidentReport;
import org.itops.securityops.SecurityIncidentService;
import org.springframework.stereotype.Component;

/**
 * "Open security incident": an alert that DMN alert-mapping hands to security (column handling) becomes a security
 * incident reported by the monitoring user; a major alert is critical, any other high. The alert's readers learn only that it went to the security team.
 */
@Component("openSecurityIncidentForAlertDelegate")
class OpenSecurityIncidentForAlertDelegate implements JavaDelegate {

  private final SecurityIncidentService securityIncidents;
  private final AlertService alerts;
  private final AlertProperties properties;

  OpenSecurityIncidentForAlertDelegate(SecurityIncidentService securityIncidents, AlertService alerts,
      AlertProperties properties) {
    this.securityIncidents = securityIncidents;
    this.alerts = alerts;
    this.properties = properties;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    Map<String, Object> grade = (Map<String, Object>) execution.getVariable("grade");
    AlertRecord alert = alerts.view(execution.getProcessBusinessKey());
    String description = "Alert " + alert.getNumber() + " from " + alert.getSource() + ", labels " + alert.getLabels()
        + (alert.getDescription() == null ? "" : "\n\n" + alert.getDescription());
    SecurityIncidentReport report = new SecurityIncidentReport(AlertService.title(alert),
        description.length() > SecurityIncidentReport.MAX_TEXT ? description.substring(0, SecurityIncidentReport.MAX_TEXT)
            : description, AlertProcess.Level.MAJOR.equals(grade.get("level")) ? "critical" : "high",
        detected(alert).toString(), alert.getInstance());
    securityIncidents.reportFromAlert(report, properties.user());
    alerts.handedToSecurity(alert.getNumber());
  }

  /**
   * When the alert started, the regulator's clock starts; the suite's first sight of it when the monitoring system's
   * clock is ahead (a detection cannot lie in the future).
   */
  private static Instant detected(AlertRecord alert) {
    return alert.getStartsAt() != null && alert.getStartsAt().isBefore(alert.getFirstSeen()) ? alert.getStartsAt()
        : alert.getFirstSeen();
  }
}
