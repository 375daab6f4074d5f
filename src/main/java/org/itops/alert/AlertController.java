package org.itops.alert;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/alerts}: the webhooks of monitoring systems (group {@code monitoring}) and the alerts they raised. */
@RestController
@RequestMapping("/api/alerts")
class AlertController {

  private final AlertService alerts;
  private final CurrentUser currentUser;

  AlertController(AlertService alerts, CurrentUser currentUser) {
    this.alerts = alerts;
    this.currentUser = currentUser;
  }

  /** Prometheus Alertmanager's webhook receiver. Answers what each alert of the group did. */
  @PostMapping("/alertmanager")
  Map<String, Object> alertmanager(@RequestBody AlertmanagerWebhook webhook) {
    requireMonitoring();
    List<Alert> received = webhook.alertsOrRefusal();
    return Map.of("alerts", received.stream().map(alert -> answer(alert.identity(), alerts.receive(alert))).toList());
  }

  @GetMapping("/{number}")
  AlertRecord get(@PathVariable String number) {
    requireMonitoringOrStaff();
    return alerts.view(number);
  }

  private static Map<String, Object> answer(String identity, AlertService.Outcome outcome) {
    Map<String, Object> answer = new java.util.LinkedHashMap<>();
    answer.put("identity", identity);
    answer.put("alert", outcome.alert());
    answer.put("result", outcome.result().name());
    answer.put("level", outcome.level());
    answer.put("incident", outcome.incident());
    return answer;
  }

  private void requireMonitoring() {
    if (!currentUser.groups().contains(AccessProperties.MONITORING_GROUP) && !currentUser.isAdministrator()) {
      throw new AuthorizationException("Only monitoring systems (group monitoring) post alerts");
    }
  }

  private void requireMonitoringOrStaff() {
    List<String> groups = currentUser.groups();
    if (groups.isEmpty() || groups.equals(List.of("requesters"))) {
      throw new AuthorizationException("Alerts are for monitoring systems and staff");
    }
  }
}
