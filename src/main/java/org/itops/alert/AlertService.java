package org.itops.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.itops.alert.AlertRecord.Status;
import org.itops.incident.IncidentService;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.NotFoundException;
import org.itops.platform.RecordNumbers;
import org.itops.platform.Timeline;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a report of an alert changes. One alert identity is one row; a new firing starts {@code alert-handling},
 * a repeat only counts, a resolution goes to the alert's incident, a firing within the flapping window after a
 * resolution reopens that incident. Reports may come in any order and more than once.
 */
@Service
public class AlertService {

  /** What a report did. */
  public enum Result {
    /** fired anew: alert-handling graded it */
    NEW,
    /** fires still: counted */
    REPEATED,
    /** fired again within the flapping window: its incident is reopened */
    REFIRED,
    /** resolved: its incident is told */
    RESOLVED,
    /** resolved before: nothing changes */
    ALREADY_RESOLVED,
    /** resolved before it was ever seen firing: kept for the firing */
    RESOLVED_UNSEEN,
    /** a comment on it was kept */
    NOTED,
    /** a comment on an alert the suite never received: nothing kept */
    NOT_REPORTED
  }

  /** The outcome of one report: the alert, its incident if any, the level it was graded. */
  public record Outcome(String alert, String incident, String level, Result result) {}

  private final AlertRepository alerts;
  private final RecordNumbers recordNumbers;
  private final IncidentService incidents;
  private final RuntimeService runtimeService;
  private final Timeline timeline;
  private final CurrentUser currentUser;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final ObjectMapper json;

  AlertService(AlertRepository alerts, RecordNumbers recordNumbers, IncidentService incidents,
      RuntimeService runtimeService, Timeline timeline, CurrentUser currentUser, TransactionTemplate transactions,
      Clock clock, ObjectMapper json) {
    this.alerts = alerts;
    this.recordNumbers = recordNumbers;
    this.incidents = incidents;
    this.runtimeService = runtimeService;
    this.timeline = timeline;
    this.currentUser = currentUser;
    this.transactions = transactions;
    this.clock = clock;
    this.json = json;
  }

  /**
   * Applies one report, in a transaction of its own. The caller (a monitoring system) has been authorized by
   * the API; the engine calls run as the suite.
   */
  public Outcome receive(Alert alert) {
    return currentUser.asSystem(() -> {
      try {
        return transactions.execute(tx -> apply(alert));
      } catch (DataIntegrityViolationException | ConcurrencyFailureException sameAlertAtTheSameMoment) {
        // another report of this alert created its row first: this one now finds it
        return transactions.execute(tx -> apply(alert));
      }
    });
  }

  private Outcome apply(Alert alert) {
    Instant now = clock.instant();
    AlertRecord row = alerts.findForUpdate(alert.source(), alert.identity()).orElse(null);
    if (row == null) {
      row = newRow(alert, now);
      alerts.insert(row);
      if (!alert.firing()) {
        timeline.record(row.getNumber(), "RESOLVED", "timeline.alert.resolvedUnseen");
        return outcome(row, Result.RESOLVED_UNSEEN);
      }
      return startEpisode(row, alert);
    }
    takeOver(row, alert, now);
    if (alert.firing()) {
      if (row.getStatus() == Status.FIRING) {
        row.setOccurrences(row.getOccurrences() + 1);
        alerts.update(row);
        return outcome(row, Result.REPEATED);
      }
      if (row.getIncidentNumber() != null && incidents.alertRefired(row.getIncidentNumber())) {
        row.setStatus(Status.FIRING);
        row.setResolvedAt(null);
        row.setOccurrences(row.getOccurrences() + 1);
        alerts.update(row);
        timeline.record(row.getNumber(), "REFIRED", "timeline.alert.refired", row.getIncidentNumber());
        return outcome(row, Result.REFIRED);
      }
      return startEpisode(row, alert);
    }
    if (row.getStatus() == Status.RESOLVED) {
      alerts.update(row);
      return outcome(row, Result.ALREADY_RESOLVED);
    }
    row.setStatus(Status.RESOLVED);
    row.setResolvedAt(now);
    alerts.update(row);
    timeline.record(row.getNumber(), "RESOLVED", row.getIncidentNumber() == null ? "timeline.alert.resolved"
        : "timeline.alert.resolvedToVerification", row.getIncidentNumber());
    if (row.getIncidentNumber() != null) {
      incidents.alertResolved(row.getIncidentNumber(), resolutionNote(row));
    }
    return outcome(row, Result.RESOLVED);
  }

  /** A new episode of the alert: alert-handling grades it (and may open an incident). */
  private Outcome startEpisode(AlertRecord row, Alert alert) {
    boolean resolvedBeforeItFired = row.getStatus() == Status.RESOLVED && row.getEpisodes() == 0;
    row.setEpisodes(row.getEpisodes() + 1);
    row.setOccurrences(row.getOccurrences() + 1);
    row.setIncidentNumber(null);
    row.setLevel(null);
    if (!resolvedBeforeItFired) {
      row.setStatus(Status.FIRING);
      row.setResolvedAt(null);
    }
    alerts.update(row);
    timeline.record(row.getNumber(), "FIRED", "timeline.alert.fired", alert.name(),
        Timeline.code("severity", row.getSeverity()), row.getInstance());
    runtimeService.startProcessInstanceByKey(AlertProcess.KEY, row.getNumber(), processVariables(row));
    return outcome(alerts.find(row.getNumber()).orElseThrow(), Result.NEW);
  }

  /**
   * A comment from the monitoring system on a reported alert (e.g. a Zabbix acknowledgement): kept on the alert's
   * timeline and its incident's.
   */
  public Outcome note(String source, String identity, String text) {
    Outcome outcome = noteIfReported(source, identity, text);
    if (outcome.result() == Result.NOT_REPORTED) {
      throw new InvalidRequestException("eventId", "reason.zabbix.unknownProblem", identity);
    }
    return outcome;
  }

  /**
   * A comment as {@link #note}; on an alert the suite never received (e.g. a downtime of a healthy host) it keeps
   * nothing and answers {@link Result#NOT_REPORTED}.
   */
  public Outcome noteIfReported(String source, String identity, String text) {
    return currentUser.asSystem(() -> transactions.execute(tx -> {
      AlertRecord row = alerts.findForUpdate(source, identity).orElse(null);
      if (row == null) {
        return new Outcome(null, null, null, Result.NOT_REPORTED);
      }
      timeline.record(row.getNumber(), "NOTE", "timeline.typed", text);
      if (row.getIncidentNumber() != null) {
        timeline.record(row.getIncidentNumber(), "NOTE", "timeline.typed", text);
      }
      return outcome(row, Result.NOTED);
    }));
  }

  /** Called by alert-handling: the level the DMN table gave. */
  public void recordLevel(String alertNumber, String level) {
    AlertRecord row = load(alertNumber);
    row.setLevel(level);
    alerts.update(row);
    timeline.record(alertNumber, "GRADED", "timeline.typed", level);
  }

  /**
   * Called by alert-handling once it opened the alert's incident. An alert that was already resolved (its
   * resolution came first) is passed on to the incident at once.
   */
  public void linkIncident(String alertNumber, String incidentNumber) {
    AlertRecord row = load(alertNumber);
    row.setIncidentNumber(incidentNumber);
    alerts.update(row);
    timeline.record(alertNumber, "INCIDENT_OPENED", "timeline.typed", incidentNumber);
    if (row.getStatus() == Status.RESOLVED) {
      incidents.alertResolved(incidentNumber, resolutionNote(row) + " (before the incident was opened)");
    }
  }

  /**
   * Called by alert-handling once it handed the alert to the security team as a security incident; the alert's
   * readers are not the security team, so its timeline does not name the incident.
   */
  public void handedToSecurity(String alertNumber) {
    load(alertNumber);
    timeline.record(alertNumber, "SECURITY_INCIDENT_OPENED", "timeline.alert.toSecurityTeam");
  }

  public AlertRecord view(String number) {
    return load(number);
  }

  private AlertRecord load(String number) {
    return alerts.find(number).orElseThrow(() -> new NotFoundException("detail.notFound.alert", number));
  }

  private AlertRecord newRow(Alert alert, Instant now) {
    AlertRecord row = new AlertRecord();
    row.setNumber(recordNumbers.next(AlertProcess.RECORD_PREFIX));
    row.setSource(alert.source());
    row.setIdentity(alert.identity());
    row.setStatus(alert.firing() ? Status.FIRING : Status.RESOLVED);
    row.setResolvedAt(alert.firing() ? null : now);
    row.setFirstSeen(now);
    takeOver(row, alert, now);
    return row;
  }

  /** The latest report's details: labels can change while an alert fires. */
  private void takeOver(AlertRecord row, Alert alert, Instant now) {
    row.setAlertName(alert.name());
    row.setSeverity(alert.label("severity"));
    row.setService(alert.label("service"));
    row.setEnvironment(alert.label("env") != null ? alert.label("env") : alert.label("environment"));
    row.setInstance(alert.label("instance") != null ? alert.label("instance") : alert.label("host"));
    row.setSummary(shorten(alert.summary(), 1000));
    row.setDescription(shorten(alert.description(), 4000));
    row.setLabels(shorten(labelsJson(alert.labels()), 4000));
    row.setGeneratorUrl(shorten(alert.generatorUrl(), 1000));
    if (alert.startsAt() != null) {
      row.setStartsAt(alert.startsAt());
    }
    row.setEndsAt(alert.endsAt());
    row.setLastSeen(now);
  }

  /**
   * What the DMN tables and the mails need; the rest stays in the alert's row. Transient (not written to the
   * database, not even to history): alert-handling runs to its end in the webhook's transaction, and each of these is a
   * copy of the alert's row, so writing them only cost rows (docs/benchmarks.md, issue 23).
   */
  private Map<String, Object> processVariables(AlertRecord row) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("recordNumber", unwritten(row.getNumber()));
    variables.put("title", unwritten(title(row)));
    variables.put("alertName", unwritten(row.getAlertName()));
    variables.put("severity", unwritten(row.getSeverity() == null ? null : row.getSeverity().toLowerCase()));
    variables.put("service", unwritten(row.getService()));
    variables.put("environment", unwritten(row.getEnvironment() == null ? null : row.getEnvironment().toLowerCase()));
    variables.put("instance", unwritten(row.getInstance()));
    variables.put("summary", unwritten(row.getSummary()));
    return variables;
  }

  private static StringValue unwritten(String value) {
    return Variables.stringValue(value, true);
  }

  static String title(AlertRecord row) {
    String title = row.getSummary() == null ? row.getAlertName() : "[" + row.getAlertName() + "] " + row.getSummary();
    return shorten(title, 200);
  }

  private static String resolutionNote(AlertRecord row) {
    return row.getSource() + " reports " + row.getAlertName() + " resolved" + (row.getEndsAt() == null ? ""
        : " at " + row.getEndsAt());
  }

  private String labelsJson(Map<String, String> labels) {
    try {
      return json.writeValueAsString(new TreeMap<>(labels));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Outcome outcome(AlertRecord row, Result result) {
    return new Outcome(row.getNumber(), row.getIncidentNumber(), row.getLevel(), result);
  }

  private static String shorten(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
