package org.itops.alert;

import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.itops.catalog.CatalogEntry;
import org.itops.catalog.ServiceCatalog;
import org.itops.cmdb.CmdbService;
import org.itops.cmdb.ConfigurationItem;
import org.itops.incident.IncidentReport;
import org.itops.incident.IncidentService;
import org.springframework.stereotype.Component;

/**
 * "Open incident" and "Open major incident" (input parameter {@code majorIncident}): an incident reported by the
 * monitoring user, with impact and urgency from DMN alert-routing, the category from DMN alert-mapping, and the
 * configuration item and service of the alert's labels as the CMDB and the catalog know them.
 */
@Component("openIncidentForAlertDelegate")
class OpenIncidentForAlertDelegate implements JavaDelegate {

  private final IncidentService incidents;
  private final AlertService alerts;
  private final AlertProperties properties;
  private final CmdbService cmdb;
  private final ServiceCatalog catalog;

  OpenIncidentForAlertDelegate(IncidentService incidents, AlertService alerts, AlertProperties properties,
      CmdbService cmdb, ServiceCatalog catalog) {
    this.incidents = incidents;
    this.alerts = alerts;
    this.properties = properties;
    this.cmdb = cmdb;
    this.catalog = catalog;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    Map<String, Object> grade = (Map<String, Object>) execution.getVariable("grade");
    Map<String, Object> owner = (Map<String, Object>) execution.getVariable("owner");
    AlertRecord alert = alerts.view(execution.getProcessBusinessKey());
    IncidentReport report = new IncidentReport(AlertService.title(alert), description(alert),
        (String) grade.get("impact"), (String) grade.get("urgency"), (String) owner.get("category"),
        configurationItem(owner, alert), service(alert), properties.user(),
        Boolean.TRUE.equals(execution.getVariableLocal("majorIncident")), outageStart(alert));
    String incident = incidents.report(report, "alert");
    // for Page on call, in this transaction (alert-handling never waits): not written, as the alert's own variables
    execution.setVariable("incidentNumber", Variables.stringValue(incident, true));
    execution.setVariable("incidentTitle", Variables.stringValue(report.title(), true));
    alerts.linkIncident(execution.getProcessBusinessKey(), incident);
  }

  /**
   * The configuration item DMN alert-mapping names, else the alert's instance or host; the CMDB's item of that name in
   * the alert's environment (label env) when it has one, also without the port of an instance ({@code db-01:9100}).
   */
  private String configurationItem(Map<String, Object> owner, AlertRecord alert) {
    Object mapped = owner.get("configurationItem");
    String name = mapped == null || mapped.toString().isBlank() ? alert.getInstance() : mapped.toString();
    if (name == null) {
      return null;
    }
    String host = name.replaceFirst(":\\d+$", "");
    return cmdb.resolve(name, alert.getEnvironment()).or(() -> cmdb.resolve(host, alert.getEnvironment()))
        .map(ConfigurationItem::reference).orElse(name);
  }

  /** The label service when it names a published service of the catalog (else the item's service counts). */
  private String service(AlertRecord alert) {
    return alert.getService() == null ? null
        : catalog.published(alert.getService()).map(CatalogEntry::name).orElse(null);
  }

  /**
   * When the alert began firing (its startsAt) is when the outage began, if the incident is one; a source's clock ahead
   * of ours cannot put it after the alert reached the suite.
   */
  static String outageStart(AlertRecord alert) {
    Instant start = alert.getStartsAt();
    if (alert.getFirstSeen() != null && (start == null || start.isAfter(alert.getFirstSeen()))) {
      start = alert.getFirstSeen();
    }
    return start == null ? null : start.toString();
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
