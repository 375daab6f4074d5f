package org.itops.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;

/**
 * A host or service notification of Nagios or Icinga 2, as the suite's notification script
 * (integrations/nagios/itops-notify) posts it: a form of the notification's macros. One check (host, or host and
 * service) is one alert, like one label set in Alertmanager: its problems fire, its recoveries resolve, and a problem
 * within the flapping window after a recovery reopens the same incident. Form fields the suite does not read are
 * ignored, so that a command edited in Nagios may send more.
 *
 * @param monitor {@code nagios} (default) or {@code icinga}: the alerts of each are kept apart
 * @param type the notification type ($NOTIFICATIONTYPE$, $notification.type$): PROBLEM, RECOVERY, ACKNOWLEDGEMENT,
 *     FLAPPINGSTART, FLAPPINGSTOP (Icinga: FLAPPINGEND), FLAPPINGDISABLED, DOWNTIMESTART, DOWNTIMEEND,
 *     DOWNTIMECANCELLED (Icinga: DOWNTIMEREMOVED), CUSTOM
 * @param host the host's name ($HOSTNAME$); it becomes the alert's configuration item
 * @param service the service's description ($SERVICEDESC$); empty for a host notification
 * @param state the check's state now ($SERVICESTATE$ or $HOSTSTATE$): OK, WARNING, CRITICAL, UNKNOWN, UP, DOWN,
 *     UNREACHABLE
 * @param output the check's output
 * @param author who acknowledged or scheduled the downtime
 * @param comment their comment
 * @param severity the alert's severity when the check says otherwise than its state (e.g. {@code disaster})
 * @param itService the service of the suite's catalog the check belongs to (the label {@code service})
 * @param env the environment (the label {@code env}; {@code dev}, {@code test}, {@code staging} are only recorded)
 */
record NagiosNotification(String monitor, String type, String host, String service, String state, String output,
    String author, String comment, String severity, String itService, String env) {

  static final List<String> MONITORS = List.of("nagios", "icinga");
  static final Set<String> PROBLEM_STATES = Set.of("WARNING", "CRITICAL", "UNKNOWN", "DOWN", "UNREACHABLE");
  static final Set<String> OK_STATES = Set.of("OK", "UP");
  /** Notifications that report the check's state: a problem state fires, OK or UP resolves. */
  static final Set<String> STATE_REPORTS = Set.of("PROBLEM", "RECOVERY", "FLAPPINGSTART", "FLAPPINGSTOP",
      "FLAPPINGEND");
  /** Notifications that only tell something about a check the suite may know: kept on its timeline. */
  static final Set<String> NOTES = Set.of("ACKNOWLEDGEMENT", "FLAPPINGDISABLED", "DOWNTIMESTART", "DOWNTIMEEND",
      "DOWNTIMECANCELLED", "DOWNTIMEREMOVED", "CUSTOM");
  private static final int MAX_NAME = 99;

  NagiosNotification {
    // Set.contains refuses null: a missing type or state is the empty text, refused by validate()
    type = type == null ? "" : type.strip().toUpperCase();
    state = state == null ? "" : state.strip().toUpperCase();
  }

  /** The check's alerts are kept apart per monitoring system. */
  String source() {
    return monitor == null || monitor.isBlank() ? "nagios" : monitor;
  }

  /** The check, as Icinga writes it: {@code host} or {@code host!service}. */
  String identity() {
    return isServiceNotification() ? host + "!" + service : host;
  }

  boolean isServiceNotification() {
    return service != null && !service.isBlank();
  }

  boolean reportsState() {
    return STATE_REPORTS.contains(type);
  }

  /** Everything but a plain problem or recovery tells something worth keeping on the timeline. */
  boolean hasNote() {
    return !"PROBLEM".equals(type) && !"RECOVERY".equals(type);
  }

  void validate() {
    List<FieldError> errors = new ArrayList<>();
    if (!MONITORS.contains(source())) {
      errors.add(new FieldError("monitor", "reason.notOneOf", monitor, MONITORS));
    }
    if (!STATE_REPORTS.contains(type) && !NOTES.contains(type)) {
      errors.add(new FieldError("type", "reason.nagios.type", type, STATE_REPORTS + " " + NOTES));
    }
    if (host == null || host.isBlank() || host.length() > MAX_NAME || host.contains("!")) {
      errors.add(new FieldError("host", "reason.nagios.host", MAX_NAME));
    }
    if (service != null && service.length() > MAX_NAME) {
      errors.add(new FieldError("service", "reason.maxLength", MAX_NAME));
    }
    if (STATE_REPORTS.contains(type) && !PROBLEM_STATES.contains(state) && !OK_STATES.contains(state)) {
      errors.add(new FieldError("state", "reason.nagios.state", state, PROBLEM_STATES + " " + OK_STATES));
    }
    if ("PROBLEM".equals(type) && OK_STATES.contains(state) || "RECOVERY".equals(type) && PROBLEM_STATES.contains(state)) {
      errors.add(new FieldError("state", "reason.nagios.typeAndState", type, state));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /** The check's state as an alert: fires in a problem state, resolved in OK or UP. */
  Alert alert() {
    Map<String, String> labels = new HashMap<>();
    labels.put("alertname", isServiceNotification() ? service : "Host down");
    labels.put("severity", severity != null && !severity.isBlank() ? severity.toLowerCase() : severityOfState());
    labels.put("host", host);
    labels.put("monitor", source());
    if (itService != null && !itService.isBlank()) {
      labels.put("service", itService);
    }
    if (env != null && !env.isBlank()) {
      labels.put("env", env);
    }
    String summary = (isServiceNotification() ? service + " on " + host : host) + " is " + state;
    return new Alert(source(), identity(), PROBLEM_STATES.contains(state), labels, summary, output, null, null, null);
  }

  /** What the suite keeps on the timeline of the check's alert and incident. */
  String note() {
    String text = switch (type) {
      case "ACKNOWLEDGEMENT" -> "Acknowledged in " + source();
      case "FLAPPINGSTART" -> "Flapping started in " + source() + " (its state changes too often to notify each)";
      case "FLAPPINGSTOP", "FLAPPINGEND" -> "Flapping stopped in " + source() + "; the state is " + state;
      case "FLAPPINGDISABLED" -> "Flap detection disabled in " + source();
      case "DOWNTIMESTART" -> "Planned downtime started in " + source();
      case "DOWNTIMEEND" -> "Planned downtime ended in " + source();
      case "DOWNTIMECANCELLED", "DOWNTIMEREMOVED" -> "Planned downtime cancelled in " + source();
      default -> "Notification from " + source();
    };
    if (author != null && !author.isBlank()) {
      text += " by " + author;
    }
    return comment == null || comment.isBlank() ? text : text + ": " + comment;
  }

  /** A critical state or a host down opens an incident (DMN alert-routing); a warning or unknown state notifies. */
  private String severityOfState() {
    return "CRITICAL".equals(state) || "DOWN".equals(state) ? "critical" : "warning";
  }
}
