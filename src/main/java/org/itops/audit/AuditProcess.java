package org.itops.audit;

/** Names of {@code processes/audit/compliance-audit.bpmn} used from Java. */
final class AuditProcess {

  static final String KEY = "compliance-audit";
  /** The quarterly schedule that starts an audit of every control. */
  static final String SCHEDULE_KEY = "compliance-audit-schedule";
  static final String RECORD_PREFIX = "AUD";

  /** Variables the process routes on or shows in forms. */
  static final class Var {
    static final String RECORD_NUMBER = "recordNumber";
    static final String TITLE = "title";
    static final String PRIORITY = "priority";
    static final String AUDIT_TITLE = "auditTitle";
    static final String CONTROLS = "controls";
    static final String PERIOD_FROM = "periodFrom";
    static final String PERIOD_TO = "periodTo";
    static final String INITIATOR = "initiator";
    static final String CONTROL = "control";
    static final String EVIDENCE = "evidence";
    static final String FINDINGS = "findings";
    static final String REMEDIATION_DUE = "remediationDue";
    static final String HAS_FINDINGS = "hasFindings";
    static final String FINDING = "finding";
    static final String REMEDIATION_NOTES = "remediationNotes";

    private Var() {}
  }

  /** Element ids. */
  static final class Element {
    static final String COLLECT_EVIDENCE = "collectEvidence";
    static final String REVIEW = "reviewEvidence";
    static final String REMEDIATE = "remediateFinding";
    static final String REMEDIATION_OVERDUE = "remediationOverdue";

    private Element() {}
  }

  private AuditProcess() {}
}
