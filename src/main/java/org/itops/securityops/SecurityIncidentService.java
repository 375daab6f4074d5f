package org.itops.securityops;

import static org.itops.platform.FormValues.blankToNull;
import static org.itops.securityops.SecurityIncidentProcess.Var;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.attachment.Attachments;
import org.itops.platform.NotAllowedException;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.NotFoundException;
import org.itops.platform.RecordNumbers;
import org.itops.platform.Timeline;
import org.itops.securityops.SecurityIncident.Status;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to security incidents. The {@code security-incident} process calls it through thin delegates and its
 * task listener; the API calls it for reports, evidence and reading. Confidential: only its readers
 * ({@link SecurityIncidentReadRule}) read an incident, its reporter reads {@link SecurityIncident.ReporterView} of
 * their own report, and everybody else gets "not found", as if it did not exist.
 */
@Service
public class SecurityIncidentService {

  /** An incident as the security team reads it: the record and everything that happened to it, by whom. */
  public record Details(SecurityIncident incident, List<Timeline.Entry> timeline,
      List<Attachments.Summary> attachments) {}

  private final SecurityIncidentRepository incidents;
  private final RecordNumbers recordNumbers;
  private final Timeline timeline;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final CurrentUser currentUser;
  private final SecurityIncidentReadRule readRule;
  private final Attachments attachments;

  SecurityIncidentService(SecurityIncidentRepository incidents, RecordNumbers recordNumbers, Timeline timeline,
      Clock clock, RuntimeService runtimeService, CurrentUser currentUser, SecurityIncidentReadRule readRule,
      Attachments attachments) {
    this.incidents = incidents;
    this.recordNumbers = recordNumbers;
    this.timeline = timeline;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
    this.readRule = readRule;
    this.attachments = attachments;
  }

  // --- reporting --------------------------------------------------------------------------------------

  /** Starts {@code security-incident} as the current user (the engine checks who may); answers the number. */
  @Transactional
  public String report(SecurityIncidentReport report) {
    return start(report, "api", null);
  }

  /**
   * Starts {@code security-incident} for a concern of the current user, whoever they are: the engine lets only the
   * security team and the service desk start it, so the suite starts it for them, with them as its reporter. Detected
   * now (a reporter does not set the regulator's clock), at {@link SecurityIncidentProcess#CONCERN_SEVERITY} until
   * the team's triage; validated as any report (400, nothing started).
   */
  @Transactional
  public String reportConcern(String summary, String description, String affectedAssets) {
    SecurityIncidentReport report = new SecurityIncidentReport(summary, description,
        SecurityIncidentProcess.CONCERN_SEVERITY, null, affectedAssets);
    String reporter = currentUser.id();
    return currentUser.asSystem(() -> start(report, "concern", reporter));
  }

  /**
   * Starts {@code security-incident} for an alert that DMN alert-mapping hands to security; {@code reporter} is the
   * monitoring system's user. The caller has authorized it (alert intake runs as the system).
   */
  @Transactional
  public String reportFromAlert(SecurityIncidentReport report, String reporter) {
    return start(report, "alert", reporter);
  }

  private String start(SecurityIncidentReport report, String source, String reporter) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.SUMMARY, report.summary());
    variables.put(Var.DESCRIPTION, report.description());
    variables.put(Var.SEVERITY, report.severity());
    variables.put(Var.DETECTED_AT, report.detectedAt());
    variables.put(Var.AFFECTED_ASSETS, report.affectedAssets());
    variables.put(Var.SOURCE, source);
    variables.put(Var.REPORTER, reporter);
    return runtimeService.startProcessInstanceByKey(SecurityIncidentProcess.KEY, variables).getBusinessKey();
  }

  /** Validates the report and creates the record; the process's first step. */
  @Transactional
  public SecurityIncident register(SecurityIncidentReport report, String reporter, String source) {
    Instant now = clock.instant();
    List<FieldError> errors = new ArrayList<>(report.fieldErrors(now));
    if (reporter == null) {
      errors.add(new FieldError(Var.REPORTER, "reason.requiredWithoutLogin"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    SecurityIncident incident = new SecurityIncident(recordNumbers.next(SecurityIncidentProcess.RECORD_PREFIX),
        report.summary().strip(), report.description().strip(), report.severity(), blankToNull(report.affectedAssets()),
        reporter, source == null ? "form" : source, report.detected(now), now, Status.REPORTED, null, null, null, null,
        null, null, null, null, now, null);
    incidents.insert(incident);
    timeline.record(incident.number(), "REPORTED", "timeline.security.reported",
        Timeline.code("severity", incident.severity()), reporter, incident.source(), incident.detectedAt());
    return incident;
  }

  // --- handling ---------------------------------------------------------------------------------------

  @Transactional
  public void triaged(String number, String severity, boolean personalData, long recordsAffected, String category,
      String notes) {
    SecurityIncident incident = load(number);
    incidents.update(incident.triaged(severity, personalData, recordsAffected, category, clock.instant()));
    timeline.record(number, "TRIAGED", "timeline.security.triaged", Timeline.code("severity", incident.severity()),
        Timeline.code("severity", severity), personalData ? Timeline.text("timeline.security.personalData",
        recordsAffected, Timeline.code("dataCategory", category)) : Timeline.text("timeline.security.noPersonalData"),
        notes);
  }

  /** A step of the security team done (containment, eradication, recovery), with what they did. */
  @Transactional
  public void stepDone(String number, Status status, String type, String actions) {
    incidents.update(load(number).with(status, clock.instant()));
    timeline.record(number, type, "timeline.typed", actions);
  }

  /**
   * DMN breach-notification's answer. A notification to the regulator or the data subjects is due within
   * {@link SecurityIncidentProcess#NOTIFICATION_PERIOD} of the detection; answers that deadline, or null.
   */
  @Transactional
  public Instant assessed(String number, boolean notifyRegulator, boolean notifySubjects) {
    SecurityIncident incident = load(number);
    boolean required = notifyRegulator || notifySubjects;
    Instant deadline = required ? incident.detectedAt().plus(SecurityIncidentProcess.NOTIFICATION_PERIOD) : null;
    incidents.update(incident.assessed(notifyRegulator, notifySubjects, deadline, clock.instant()));
    timeline.record(number, "BREACH_ASSESSED", required ? "timeline.security.notificationRequired"
        : "timeline.security.noNotification", Timeline.code("notifyRegulator", notifyRegulator),
        Timeline.code("notifySubjects", notifySubjects), deadline);
    return deadline;
  }

  @Transactional
  public void notified(String number, Instant at, String reference) {
    SecurityIncident incident = load(number);
    incidents.update(incident.notified(at, clock.instant()));
    boolean late = incident.notificationDeadline() != null && at.isAfter(incident.notificationDeadline());
    timeline.record(number, "NOTIFIED", late ? "timeline.security.notifiedLate" : "timeline.security.notified",
        at, reference, incident.notificationDeadline());
  }

  /** The regulator's deadline passed without a notification: escalated, and on the record for the auditors. */
  @Transactional
  public void notificationOverdue(String number) {
    SecurityIncident incident = load(number);
    timeline.record(number, "NOTIFICATION_OVERDUE", "timeline.security.notificationOverdue",
        incident.notificationDeadline());
  }

  @Transactional
  public SecurityIncident close(String number, String reportSummary, String lessonsLearned) {
    SecurityIncident closed = load(number).closed(lessonsLearned, clock.instant());
    incidents.update(closed);
    timeline.record(number, "CLOSED", "timeline.security.closed", reportSummary, lessonsLearned);
    return closed;
  }

  /** Evidence the security team collected (a log, an image, a hash), on the record with who and when. */
  @Transactional
  public void addEvidence(String number, String description, String location) {
    if (!currentUser.groups().contains(SecurityIncidentProcess.SECURITY_TEAM)) {
      throw new NotAllowedException("detail.forbidden.evidence");
    }
    load(number);
    List<FieldError> errors = new ArrayList<>();
    if (description == null || description.isBlank() || description.length() > SecurityIncidentReport.MAX_TEXT) {
      errors.add(new FieldError("description", "reason.requiredMaxLength", SecurityIncidentReport.MAX_TEXT));
    }
    if (location != null && location.length() > SecurityIncidentReport.MAX_ASSETS) {
      errors.add(new FieldError("location", "reason.maxLength", SecurityIncidentReport.MAX_ASSETS));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    timeline.record(number, "EVIDENCE", blankToNull(location) == null ? "timeline.typed"
        : "timeline.security.evidenceKept", description.strip(), location == null ? "" : location.strip());
  }

  // --- reading ----------------------------------------------------------------------------------------

  /** Whether the current user reads security incidents ({@link SecurityIncidentReadRule}). */
  boolean readsSecurityIncidents() {
    return readRule.readsAll();
  }

  /** The whole incident and its timeline, for its readers only (its reporter reads {@link #reporterView}). */
  @Transactional(readOnly = true)
  public Details details(String number) {
    readRule.requireReads(number);
    return new Details(load(number), timeline.of(number), attachments.of(number));
  }

  /** The reporter's own report; "not found" for other people's reports. */
  @Transactional(readOnly = true)
  public SecurityIncident.ReporterView reporterView(String number) {
    SecurityIncident incident = load(number);
    if (!incident.reporter().equals(currentUser.id())) {
      throw notFound(number);
    }
    return incident.forReporter();
  }

  /** The security team's list: all incidents, newest first. */
  @Transactional(readOnly = true)
  public List<SecurityIncident> list(int limit) {
    if (!readsSecurityIncidents()) {
      throw new NotAllowedException("detail.forbidden.securityIncidents");
    }
    return incidents.list(null, limit);
  }

  /** What the current user reported, as reporters see it. */
  @Transactional(readOnly = true)
  public List<SecurityIncident.ReporterView> ownReports(int limit) {
    return incidents.list(currentUser.id(), limit).stream().map(SecurityIncident::forReporter).toList();
  }

  SecurityIncident load(String number) {
    return incidents.find(number).orElseThrow(() -> notFound(number));
  }

  private static NotFoundException notFound(String number) {
    return new NotFoundException("detail.notFound.securityIncident", number);
  }
}
