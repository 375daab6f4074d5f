package org.itops.alert;

import java.util.List;
import java.util.Map;
import org.itops.platform.NotAllowedException;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.Links;
import org.springframework.http.MediaType;
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
  private final Links links;
  private final AlertReadRule readRule;

  AlertController(AlertService alerts, CurrentUser currentUser, Links links, AlertReadRule readRule) {
    this.alerts = alerts;
    this.currentUser = currentUser;
    this.links = links;
    this.readRule = readRule;
  }

  /** Prometheus Alertmanager's webhook receiver. Answers what each alert of the group did. */
  @PostMapping("/alertmanager")
  Map<String, Object> alertmanager(@RequestBody AlertmanagerWebhook webhook) {
    requireMonitoring();
    List<Alert> received = webhook.alertsOrRefusal();
    return Map.of("alerts", received.stream().map(alert -> answer(alert.identity(), alerts.receive(alert))).toList());
  }

  /**
   * The suite's Zabbix media type (integrations/zabbix). Answers the alert and its incident with the incident's
   * link, which the media type puts on the Zabbix event as tags.
   */
  @PostMapping("/zabbix")
  Map<String, Object> zabbix(@RequestBody ZabbixEvent event) {
    requireMonitoring();
    event.validate();
    AlertService.Outcome outcome = "update".equals(event.event())
        ? alerts.note("zabbix", event.eventId(), "Zabbix update by " + event.user() + ": " + event.updateMessage())
        : alerts.receive(event.alert());
    Map<String, Object> answer = answer(event.eventId(), outcome);
    answer.put("incidentUrl", outcome.incident() == null ? null : links.tasklist(outcome.incident()));
    return answer;
  }

  /**
   * Host and service notifications of Nagios and Icinga 2, posted as a form by the suite's notification script
   * (integrations/nagios). A notification that reports the check's state fires or resolves its alert; the others
   * (acknowledgements, downtimes, flapping) are kept on the timeline of the check's alert and incident.
   */
  @PostMapping(path = "/nagios", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  Map<String, Object> nagios(NagiosNotification notification) {
    requireMonitoring();
    notification.validate();
    AlertService.Outcome outcome = notification.reportsState() ? alerts.receive(notification.alert()) : null;
    if (notification.hasNote()) {
      AlertService.Outcome noted =
          alerts.noteIfReported(notification.source(), notification.identity(), notification.note());
      outcome = outcome == null ? noted : outcome;
    }
    return answer(notification.identity(), outcome);
  }

  @GetMapping("/{number}")
  AlertRecord get(@PathVariable String number) {
    readRule.requireReads(number);
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
      throw new NotAllowedException("detail.forbidden.alerts");
    }
  }
}
