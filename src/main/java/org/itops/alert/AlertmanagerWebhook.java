package org.itops.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;

/**
 * The body of a Prometheus Alertmanager webhook, version 4, as Alertmanager sends it
 * (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config). Fields that later versions of
 * Alertmanager add are ignored: the suite reads what it knows and does not refuse the monitoring's webhook.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AlertmanagerWebhook(String version, String groupKey, Integer truncatedAlerts, String status, String receiver,
    Map<String, String> groupLabels, Map<String, String> commonLabels, Map<String, String> commonAnnotations,
    String externalURL, List<AlertmanagerAlert> alerts) {

  @JsonIgnoreProperties(ignoreUnknown = true)
  record AlertmanagerAlert(String status, Map<String, String> labels, Map<String, String> annotations,
      String startsAt, String endsAt, String generatorURL, String fingerprint) {}

  static final int MAX_ALERTS = 1000;
  static final int MAX_FINGERPRINT = 200;

  /** The alerts of the body, or every reason why it is refused. */
  List<Alert> alertsOrRefusal() {
    List<FieldError> errors = new ArrayList<>();
    if (!"4".equals(version)) {
      errors.add(new FieldError("version", "reason.alertmanager.version", version));
    }
    if (!"firing".equals(status) && !"resolved".equals(status)) {
      errors.add(new FieldError("status", "reason.alertStatus"));
    }
    if (alerts == null || alerts.isEmpty()) {
      errors.add(new FieldError("alerts", "reason.alert.atLeastOne"));
    } else if (alerts.size() > MAX_ALERTS) {
      errors.add(new FieldError("alerts", "reason.alertmanager.tooMany", MAX_ALERTS));
    }
    List<Alert> result = new ArrayList<>();
    for (int i = 0; alerts != null && i < alerts.size() && i < MAX_ALERTS; i++) {
      AlertmanagerAlert alert = alerts.get(i);
      String field = "alerts[" + i + "]";
      if (alert == null) {
        errors.add(new FieldError(field, "reason.empty"));
        continue;
      }
      boolean firing = "firing".equals(alert.status());
      if (!firing && !"resolved".equals(alert.status())) {
        errors.add(new FieldError(field + ".status", "reason.alertStatus"));
      }
      if (alert.labels() == null || alert.labels().isEmpty()) {
        errors.add(new FieldError(field + ".labels", "reason.missing.plural"));
      } else if (alert.labels().get("alertname") == null || alert.labels().get("alertname").isBlank()) {
        errors.add(new FieldError(field + ".labels.alertname", "reason.missing"));
      }
      if (alert.fingerprint() == null || alert.fingerprint().isBlank() || alert.fingerprint().length() > MAX_FINGERPRINT) {
        errors.add(new FieldError(field + ".fingerprint", "reason.length", MAX_FINGERPRINT));
      }
      Instant startsAt = time(alert.startsAt(), field + ".startsAt", errors);
      Instant endsAt = firing ? null : time(alert.endsAt(), field + ".endsAt", errors);
      Map<String, String> annotations = alert.annotations() == null ? Map.of() : alert.annotations();
      if (errors.isEmpty()) {
        result.add(new Alert("alertmanager", alert.fingerprint(), firing, alert.labels(), annotations.get("summary"),
            annotations.get("description"), startsAt, endsAt, alert.generatorURL()));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return result;
  }

  /** An RFC 3339 time; Alertmanager's zero time (0001-01-01) means none. */
  private static Instant time(String value, String field, List<FieldError> errors) {
    if (value == null || value.isBlank() || value.startsWith("0001-01-01")) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "reason.notRfc3339", value));
      return null;
    }
  }
}
