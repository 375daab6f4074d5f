package org.itops.catalog;

/** Names of {@code processes/catalog/service-onboarding.bpmn} used from Java. */
final class OnboardingProcess {

  static final String KEY = "service-onboarding";
  static final String RECORD_PREFIX = "SRV";
  static final String MESSAGE_SLA_CHANGE = "service.slaChange";

  /** Variables the process routes on or shows in forms. */
  static final class Var {
    static final String RECORD_NUMBER = "recordNumber";
    static final String TITLE = "title";
    static final String SERVICE_NAME = "serviceName";
    static final String DESCRIPTION = "description";
    static final String OWNER = "owner";
    static final String SUPPORT_GROUP = "supportGroup";
    static final String TIER = "tier";
    static final String HOURS = "hours";
    static final String AVAILABILITY_TARGET = "availabilityTarget";
    static final String INITIATOR = "initiator";
    static final String SLA_DECISION = "slaDecision";
    static final String CHANGE_REASON = "changeReason";
    static final String OWNERS_APPROVAL = "ownersApproval";
    static final String OWNERS_COMMENT = "ownersComment";
    static final String MANAGER_APPROVAL = "managerApproval";
    static final String MANAGER_COMMENT = "managerComment";
    static final String APPROVAL_COMMENTS = "approvalComments";
    static final String REVIEW_OUTCOME = "reviewOutcome";
    static final String REVIEW_NOTES = "reviewNotes";

    private Var() {}
  }

  /** User task ids. */
  static final class Element {
    static final String AGREE_SLA = "agreeSlaTargets";
    static final String APPROVE_OWNERS = "approveAsServiceOwners";
    static final String APPROVE_MANAGER = "approveAsItManager";
    static final String REVIEW = "reviewService";

    private Element() {}
  }

  private OnboardingProcess() {}
}
