package org.itops.incident;

/** Names of {@code processes/incident/incident-lifecycle.bpmn} used from Java; ProcessContractTest checks them. */
final class IncidentProcess {

  static final String KEY = "incident-lifecycle";
  static final String RECORD_PREFIX = "INC";

  static final String MESSAGE_ALERT_RESOLVED = "incident.alertResolved";
  static final String MESSAGE_REASSIGN = "incident.reassign";
  static final String MESSAGE_ALERT_REFIRED = "incident.alertRefired";

  /** The source of incidents raised by monitoring: they are verified by the alert staying resolved. */
  static final String SOURCE_ALERT = "alert";

  /** Variables the process routes on or shows in forms. */
  static final class Var {
    static final String BREACH_ACTION = "breachAction";
    static final String RECORD_NUMBER = "recordNumber";
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String IMPACT = "impact";
    static final String URGENCY = "urgency";
    static final String CATEGORY = "category";
    static final String CONFIGURATION_ITEM = "configurationItem";
    static final String SERVICE = "service";
    static final String SERVICE_TIER = "serviceTier";
    static final String SUGGESTED_GROUP = "suggestedGroup";
    static final String AFFECTED_SERVICES = "affectedServices";
    static final String REPORTER = "reporter";
    static final String INITIATOR = "initiator";
    static final String SOURCE = "source";
    static final String MAJOR = "major";
    static final String OUTAGE = "outage";
    static final String OUTAGE_START = "outageStart";
    static final String PRIORITY = "priority";
    static final String COMPUTED_PRIORITY = "computedPriority";
    static final String PRIORITY_OVERRIDDEN = "priorityOverridden";
    static final String OVERRIDE_REASON = "overrideReason";
    static final String SLA_TARGETS = "slaTargets";
    static final String RESPONSE_DUE = "responseDue";
    static final String WARNING_DUE = "warningDue";
    static final String RESOLUTION_DUE = "resolutionDue";
    static final String ASSIGNED_GROUP = "assignedGroup";
    static final String ENGINEER = "engineer";
    static final String OUTCOME = "outcome";
    static final String RESOLUTION_CODE = "resolutionCode";
    static final String RESOLUTION_NOTES = "resolutionNotes";
    static final String CAUSED_BY_CHANGE = "causedByChange";
    static final String PROPOSE_ARTICLE = "proposeArticle";
    static final String QUESTION = "question";
    static final String ANSWER = "answer";
    static final String NEW_GROUP = "newGroup";
    static final String REASSIGN_REASON = "reassignReason";
    static final String CONFIRMATION = "confirmation";
    static final String REJECTION_REASON = "rejectionReason";
    static final String STATUS_UPDATE = "statusUpdate";
    static final String ROOT_CAUSE = "rootCause";
    static final String PREVENTIVE_ACTIONS = "preventiveActions";
    static final String ALERT_RESOLVED = "alertResolved";
    static final String ALERT_NOTE = "alertNote";
    static final String RESOLVED = "resolved";
    static final String FIRST_OCCURRENCE = "firstOccurrence";
    static final String SLA_EVENT = "slaEvent";
    static final String CLOSURE_CODE = "closureCode";

    private Var() {}
  }

  /** BPMN element ids that Java and the tests refer to. */
  static final class Element {
    static final String TRIAGE = "triageIncident";
    static final String TAKE = "takeIncident";
    static final String WORK = "workOnIncident";
    static final String ANSWER_QUESTION = "answerQuestion";
    static final String CONFIRM = "confirmResolution";
    static final String REVIEW_BREACH = "reviewBreachedIncident";
    static final String POST_STATUS_UPDATE = "postStatusUpdate";
    static final String REVIEW_ROOT_CAUSE = "reviewRootCause";
    static final String RESPONSE_TARGET_MISSED = "responseTargetMissed";
    static final String RESOLUTION_WARNING_DUE = "resolutionWarningDue";
    static final String RESOLUTION_TARGET_MISSED = "resolutionTargetMissed";
    static final String NO_ANSWER_IN_THREE_DAYS = "noAnswerInThreeDays";
    static final String THIRTY_MINUTES_LATER = "thirtyMinutesLater";
    static final String STABLE_FOR_THIRTY_MINUTES = "stableForThirtyMinutes";
    static final String ALERT_FIRED_AGAIN = "alertFiredAgain";

    private Element() {}
  }

  private IncidentProcess() {}
}
