package org.itops.alert;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;

/**
 * What the suite's Zabbix media type (integrations/zabbix) posts for a trigger event.
 *
 * @param event {@code problem}, {@code update} (acknowledgement, comment) or {@code recovery}
 * @param eventId the problem event's id ({EVENT.ID}; recoveries and updates carry the problem's)
 * @param tags the event's tags ({EVENT.TAGSJSON}); {@code service} and {@code env} are used like labels
 */
// a media type edited in Zabbix may send more parameters: what the suite does not read is ignored
@JsonIgnoreProperties(ignoreUnknown = true)
record ZabbixEvent(String event, String eventId, String name, String severity, String host,
    List<Map<String, String>> tags, String message, String updateMessage, String user, String url) {

  static final List<String> EVENTS = List.of("problem", "update", "recovery");

  void validate() {
    List<FieldError> errors = new ArrayList<>();
    if (!EVENTS.contains(event)) {
      errors.add(new FieldError("event", "reason.zabbix.event", event, EVENTS));
    }
    if (eventId == null || !eventId.matches("\\d{1,20}")) {
      errors.add(new FieldError("eventId", "reason.zabbix.eventId"));
    }
    if ("problem".equals(event) && (name == null || name.isBlank() || name.startsWith("{"))) {
      errors.add(new FieldError("name", "reason.zabbix.name"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /** The problem or recovery as an alert; Zabbix severities (Warning, High, Disaster ...) become the severity label. */
  Alert alert() {
    Map<String, String> labels = new HashMap<>();
    labels.put("alertname", name == null ? "Zabbix event " + eventId : name);
    if (severity != null && !severity.isBlank()) {
      labels.put("severity", severity.toLowerCase());
    }
    if (host != null && !host.isBlank()) {
      labels.put("host", host);
    }
    if (tags != null) {
      for (Map<String, String> tag : tags) {
        if (tag.get("tag") != null && tag.get("value") != null) {
          labels.putIfAbsent(tag.get("tag"), tag.get("value"));
        }
      }
    }
    return new Alert("zabbix", eventId, "problem".equals(event), labels, name, message, null, null, url);
  }
}
