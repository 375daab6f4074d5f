package org.itops.change;

/** Names of {@code processes/change/change-management.bpmn} used from Java. */
final class ChangeProcess {

  static final String KEY = "change-management";
  /** The process of change-freeze.bpmn, by which change managers declare a freeze period. */
  static final String FREEZE_KEY = "change-freeze";
  static final String RECORD_PREFIX = "CHG";
  static final String MESSAGE_CANCEL = "change.cancel";

  /** Variables the process routes on or shows in forms. */
  static final class Var {
    static final String RECORD_NUMBER = "recordNumber";
    static final String TITLE = "title";
    static final String PRIORITY = "priority";
    static final String SUMMARY = "summary";
    static final String REASON = "reason";
    static final String CHANGE_TYPE = "changeType";
    static final String IMPACT = "impact";
    static final String CONFIGURATION_ITEMS = "configurationItems";
    static final String IMPLEMENTATION_PLAN = "implementationPlan";
    static final String BACKOUT_PLAN = "backoutPlan";
    static final String TEST_EVIDENCE = "testEvidence";
    static final String PLANNED_START = "plannedStart";
    static final String PLANNED_END = "plannedEnd";
    static final String SOURCE_RECORD = "sourceRecord";
    static final String INITIATOR = "initiator";
    static final String REQUESTER = "requester";
    static final String CI_CRITICALITY = "ciCriticality";
    static final String HAS_BACKOUT_PLAN = "hasBackoutPlan";
    static final String HAS_TEST_EVIDENCE = "hasTestEvidence";
    static final String AFFECTED_SERVICES = "affectedServices";
    static final String CLASSIFICATION_RESULT = "classificationResult";
    static final String CLASSIFICATION = "classification";
    static final String RISK = "risk";
    static final String CAB_QUORUM = "cabQuorum";
    static final String APPROVALS = "approvals";
    static final String REJECTIONS = "rejections";
    static final String VOTE = "vote";
    static final String VOTE_COMMENT = "voteComment";
    static final String CAB_COMMENTS = "cabComments";
    static final String DECISION = "decision";
    static final String DECISION_NOTES = "decisionNotes";
    static final String APPROVED = "approved";
    static final String REJECTION_REASON = "rejectionReason";
    static final String SCHEDULE_PROBLEMS = "scheduleProblems";
    static final String IN_FREEZE = "inFreeze";
    static final String SCHEDULE_DECISION = "scheduleDecision";
    static final String NEW_START = "newStart";
    static final String NEW_END = "newEnd";
    static final String IMPLEMENTATION_NOTES = "implementationNotes";
    static final String VERIFICATION = "verification";
    static final String VERIFICATION_NOTES = "verificationNotes";
    static final String BACKED_OUT = "backedOut";
    static final String BACKOUT_NOTES = "backoutNotes";
    static final String REVIEW_NOTES = "reviewNotes";
    static final String CANCEL_REASON = "cancelReason";

    private Var() {}
  }

  /** User task ids. */
  static final class Element {
    static final String REVIEW = "reviewChange";
    static final String CAB_VOTE = "voteOnChange";
    static final String CAB_TIMEOUT_DECISION = "decideForCab";
    static final String HIGH_RISK_APPROVAL = "approveHighRiskChange";
    static final String ECAB_CHANGE_MANAGER = "approveEmergencyAsChangeManager";
    static final String ECAB_IT_MANAGER = "approveEmergencyAsItManager";
    static final String ECAB_TIMEOUT_DECISION = "decideForEcab";
    static final String RESOLVE_SCHEDULE = "resolveSchedule";
    static final String IMPLEMENT = "implementChange";
    static final String VERIFY = "verifyChange";
    static final String BACK_OUT = "backOutChange";
    static final String POST_IMPLEMENTATION_REVIEW = "reviewImplementation";

    private Element() {}
  }

  private ChangeProcess() {}
}
