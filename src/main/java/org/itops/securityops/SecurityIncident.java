package org.itops.securityops;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A security incident as {@code security_incident} keeps it (the API names personal_data personalDataInvolved). */
public record SecurityIncident(
    String number,
    String summary,
    String description,
    String severity,
    String affectedAssets,
    String reporter,
    String source,
    Instant detectedAt,
    Instant reportedAt,
    Status status,
    @JsonProperty("personalDataInvolved") Boolean personalData,
    Long recordsAffected,
    String dataCategory,
    Boolean notifyRegulator,
    Boolean notifySubjects,
    Instant notificationDeadline,
    Instant notifiedAt,
    String lessonsLearned,
    Instant updatedAt,
    Instant closedAt) {

  /** Where the incident is in guide 7.4's steps. */
  public enum Status { REPORTED, TRIAGED, CONTAINED, ERADICATED, RECOVERED, CLOSED }

  /** What its reporter (outside the security team) may see of their own report: no findings, no personal data. */
  public record ReporterView(String number, String summary, String severity, Instant detectedAt, Instant reportedAt,
      String status) {}

  ReporterView forReporter() {
    return new ReporterView(number, summary, severity, detectedAt, reportedAt,
        status == Status.CLOSED ? "CLOSED" : "IN_PROGRESS");
  }

  SecurityIncident with(Status newStatus, Instant now) {
    return new SecurityIncident(number, summary, description, severity, affectedAssets, reporter, source, detectedAt,
        reportedAt, newStatus, personalData, recordsAffected, dataCategory, notifyRegulator, notifySubjects,
        notificationDeadline, notifiedAt, lessonsLearned, now, newStatus == Status.CLOSED ? now : closedAt);
  }

  SecurityIncident triaged(String newSeverity, boolean personalData, long records, String category, Instant now) {
    return new SecurityIncident(number, summary, description, newSeverity, affectedAssets, reporter, source,
        detectedAt, reportedAt, Status.TRIAGED, personalData, records, category, notifyRegulator, notifySubjects,
        notificationDeadline, notifiedAt, lessonsLearned, now, closedAt);
  }

  SecurityIncident assessed(boolean regulator, boolean subjects, Instant deadline, Instant now) {
    return new SecurityIncident(number, summary, description, severity, affectedAssets, reporter, source, detectedAt,
        reportedAt, status, personalData, recordsAffected, dataCategory, regulator, subjects, deadline,
        notifiedAt, lessonsLearned, now, closedAt);
  }

  SecurityIncident notified(Instant at, Instant now) {
    return new SecurityIncident(number, summary, description, severity, affectedAssets, reporter, source, detectedAt,
        reportedAt, status, personalData, recordsAffected, dataCategory, notifyRegulator, notifySubjects,
        notificationDeadline, at, lessonsLearned, now, closedAt);
  }

  SecurityIncident closed(String lessons, Instant now) {
    return new SecurityIncident(number, summary, description, severity, affectedAssets, reporter, source, detectedAt,
        reportedAt, Status.CLOSED, personalData, recordsAffected, dataCategory, notifyRegulator,
        notifySubjects, notificationDeadline, notifiedAt, lessons, now, now);
  }
}
