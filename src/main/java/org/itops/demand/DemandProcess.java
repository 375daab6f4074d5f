package org.itops.demand;

/** Names of the three diagrams under {@code processes/demand|implementation|acceptance} used from Java. */
final class DemandProcess {

  static final String KEY = "service-demand";
  /** The processes that service-demand calls with the demand's number as business key. */
  static final String IMPLEMENTATION_KEY = "service-implementation";
  static final String ACCEPTANCE_KEY = "delivery-acceptance";
  static final String RECORD_PREFIX = "DMD";
  static final String MESSAGE_CHANGE = "demand.change";

  /** Variables the processes route on or show in forms. */
  static final class Var {
    static final String RECORD_NUMBER = "recordNumber";
    static final String TITLE = "title";
    static final String PRIORITY = "priority";
    static final String BUSINESS_NEED = "businessNeed";
    static final String EXPECTED_BENEFIT = "expectedBenefit";
    static final String REQUESTED_DATE = "requestedDate";
    static final String COST_BAND = "costBand";
    static final String AFFECTED_SERVICES = "affectedServices";
    static final String AFFECTED_SERVICE_COUNT = "affectedServiceCount";
    static final String INITIATOR = "initiator";
    static final String REQUESTER = "requester";
    static final String ANALYSIS_OUTCOME = "analysisOutcome";
    static final String QUESTION = "question";
    static final String ANSWER = "answer";
    static final String FEASIBILITY = "feasibility";
    static final String EFFORT_DAYS = "effortDays";
    static final String RISK = "risk";
    static final String ANALYSIS_NOTES = "analysisNotes";
    static final String SPECIFICATION = "specification";
    static final String IS_CHANGE = "isChange";
    static final String APPROVAL_ROUTE = "approvalRoute";
    static final String APPROVER_GROUP = "approverGroup";
    static final String APPROVAL = "approval";
    static final String APPROVAL_REASON = "approvalReason";
    static final String APPROVAL_OUTCOME = "approvalOutcome";
    static final String REVISION = "revision";
    static final String CHANGE_DESCRIPTION = "changeDescription";
    static final String CHANGE_APPROVAL = "changeApproval";
    static final String RATING = "rating";
    static final String FEEDBACK_COMMENT = "feedbackComment";
    static final String BUDGET = "budget";
    static final String BUDGET_CEILING = "budgetCeiling";
    static final String BUDGET_DECISION = "budgetDecision";
    static final String MILESTONES = "milestones";
    static final String NEEDS_CHANGE = "needsProductionChange";
    static final String QC_PASSED = "qcPassed";
    static final String QC_FAILURES = "qcFailures";
    static final String FINDINGS = "findings";
    static final String ESCALATION_DECISION = "escalationDecision";
    static final String ACCEPTANCE_PASSED = "acceptancePassed";
    static final String ACCEPTANCE_OUTCOME = "acceptanceOutcome";
    static final String WARRANTY_ENDS = "warrantyEnds";

    private Var() {}
  }

  /** User task ids. */
  static final class Element {
    static final String ANALYSE = "analyseDemand";
    static final String ANSWER_QUESTION = "answerDemandQuestion";
    static final String DOCUMENT = "documentSpecification";
    static final String APPROVE_IN_SEQUENCE = "approveDemandInSequence";
    static final String APPROVE_IN_PARALLEL = "approveDemandInParallel";
    static final String DECIDE_OVERDUE = "decideOverdueApproval";
    static final String REVISE = "reviseDemand";
    static final String ANALYSE_CHANGE = "analyseDemandChange";
    static final String REAPPROVE_CHANGE = "reapproveDemandChange";
    static final String FEEDBACK = "giveFeedback";
    static final String DESIGN = "designSolution";
    static final String ALLOCATE = "allocateResources";
    static final String APPROVE_BUDGET = "approveBudget";
    static final String IMPLEMENT_MILESTONE = "implementMilestone";
    static final String QUALITY_CONTROL = "qualityControl";
    static final String DECIDE_ESCALATION = "decideOnImplementation";
    static final String PREPARE_PACKAGE = "prepareDeliveryPackage";
    static final String ACCEPTANCE_TEST = "acceptanceTest";
    static final String RETROSPECTIVE = "retrospective";

    private Element() {}
  }

  private DemandProcess() {}
}
