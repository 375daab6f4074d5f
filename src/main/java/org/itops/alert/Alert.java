package org.itops.alert;

import java.time.Instant;
import java.util.Map;

/**
 * One alert as a monitoring system reports it, whatever the system.
 *
 * @param source {@code alertmanager} or {@code zabbix}
 * @param identity what makes two reports the same alert: Alertmanager's fingerprint, Zabbix's problem event id
 * @param firing true while the alert fires, false when it is resolved
 * @param labels the alert's labels (alertname, severity, service, env, instance, ...)
 * @param startsAt when it began firing, if the source says
 * @param endsAt when it was resolved, if the source says
 */
public record Alert(String source, String identity, boolean firing, Map<String, String> labels, String summary,
    String description, Instant startsAt, Instant endsAt, String generatorUrl) {

  String name() {
    return labels.get("alertname");
  }

  String label(String name) {
    String value = labels.get(name);
    return value == null || value.isBlank() ? null : value;
  }
}
