package org.itops.securityops;

import java.time.Duration;
import java.util.List;

/** Names of {@code processes/security/security-incident.bpmn} used from Java. */
final class SecurityIncidentProcess {

  static final String KEY = "security-incident";
  static final String RECORD_PREFIX = "SEC";
  static final String DECISION = "breach-notification";
  /** The only group that reads security incidents (and works on them). */
  static final String SECURITY_TEAM = "security-team";
  static final List<String> SEVERITIES = List.of("critical", "high", "medium", "low");
  /** The severity of a concern of anybody (who does not grade it) until the security team's triage does. */
  static final String CONCERN_SEVERITY = "medium";
  /** What DMN breach-notification reads: the most sensitive kind of personal data involved. */
  static final List<String> DATA_CATEGORIES = List.of("none", "contact", "identification", "financial", "special");
  /** The regulator must hear of a notifiable breach within 72 hours of its detection (GDPR art. 33). */
  static final Duration NOTIFICATION_PERIOD = Duration.ofHours(72);
  /** When the security team is reminded that the notification is still open. */
  static final Duration NOTIFICATION_REMINDER = Duration.ofHours(48);

  /** Variables the process routes on or shows in forms. */
  static final class Var {
    static final String RECORD_NUMBER = "recordNumber";
    static final String TITLE = "title";
    static final String PRIORITY = "priority";
    static final String SUMMARY = "summary";
    static final String DESCRIPTION = "description";
    static final String SEVERITY = "severity";
    static final String AFFECTED_ASSETS = "affectedAssets";
    static final String DETECTED_AT = "detectedAt";
    static final String SOURCE = "source";
    static final String INITIATOR = "initiator";
    static final String REPORTER = "reporter";
    static final String TRIAGE_NOTES = "triageNotes";
    static final String PERSONAL_DATA = "personalDataInvolved";
    static final String RECORDS_AFFECTED = "recordsAffected";
    static final String DATA_CATEGORY = "dataCategory";
    static final String CONTAINMENT_ACTIONS = "containmentActions";
    static final String BREACH_ASSESSMENT = "breachAssessment";
    static final String NOTIFY_REGULATOR = "notifyRegulator";
    static final String NOTIFY_SUBJECTS = "notifySubjects";
    static final String NOTIFICATION_REQUIRED = "notificationRequired";
    static final String NOTIFICATION_REMINDER_AT = "notificationReminderAt";
    static final String NOTIFICATION_DEADLINE = "notificationDeadline";
    static final String NOTIFIED_AT = "notifiedAt";
    static final String NOTIFICATION_REFERENCE = "notificationReference";
    static final String ERADICATION_ACTIONS = "eradicationActions";
    static final String RECOVERY_ACTIONS = "recoveryActions";
    static final String REPORT_SUMMARY = "reportSummary";
    static final String LESSONS_LEARNED = "lessonsLearned";

    private Var() {}
  }

  /** Element ids. */
  static final class Element {
    static final String TRIAGE = "triageSecurityIncident";
    static final String CONTAIN = "containSecurityIncident";
    static final String NOTIFY = "notifyAuthorities";
    static final String ERADICATE = "eradicateThreat";
    static final String RECOVER = "recoverSystems";
    static final String REPORT = "writeSecurityReport";
    static final String REMINDER = "notificationReminderDue";
    static final String DEADLINE = "notificationDeadlinePassed";

    private Element() {}
  }

  private SecurityIncidentProcess() {}
}
