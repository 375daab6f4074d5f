package org.itops.problem;

/**
 * Names of {@code processes/problem/problem-management.bpmn}, {@code new-problem.bpmn} and
 * {@code problem-detection.dmn} used from Java.
 */
final class ProblemProcess {

  static final String KEY = "problem-management";
  /** A staff member raises a problem from Tasklist: processes/problem/new-problem.bpmn. */
  static final String NEW_PROBLEM_KEY = "new-problem";
  static final String RECORD_PREFIX = "PRB";
  /** DMN problem-detection: open a problem, link to the open one, or nothing. */
  static final String DETECTION_KEY = "problem-detection";
  /** DMN problem-detection-window: how many days back incidents count as recurring. */
  static final String WINDOW_KEY = "problem-detection-window";
  /** Sent by change-management when the problem's fix change closes (by the problem's number). */
  static final String MESSAGE_FIX_CHANGE_CLOSED = "problem.fixChangeClosed";
  /** An incident recurred on the problem's item while it was watched. */
  static final String MESSAGE_RECURRED = "problem.recurred";
  /** How long a fixed problem is watched for recurrences unless the start sets {@link Var#WATCH_PERIOD}. */
  static final String DEFAULT_WATCH_PERIOD = "P14D";
  static final String PROBLEM_MANAGERS = "it-managers";

  /** Variables the process routes on or shows in forms. */
  static final class Var {
    static final String RECORD_NUMBER = "recordNumber";
    static final String TITLE = "title";
    static final String PRIORITY = "priority";
    static final String DESCRIPTION = "description";
    static final String CATEGORY = "category";
    static final String CONFIGURATION_ITEM = "configurationItem";
    static final String SERVICE = "service";
    /** The incidents a problem raised from Tasklist explains (numbers, as text). */
    static final String INCIDENTS = "incidents";
    static final String LINKED_INCIDENTS = "linkedIncidents";
    static final String ROOT_CAUSE = "rootCause";
    static final String CONTRIBUTING_FACTORS = "contributingFactors";
    static final String WORKAROUND = "workaround";
    static final String LINK_INCIDENTS = "linkIncidents";
    static final String UNLINK_INCIDENTS = "unlinkIncidents";
    static final String KNOWN_ERROR_ARTICLE = "knownErrorArticle";
    static final String CHANGE_SUMMARY = "changeSummary";
    static final String IMPLEMENTATION_PLAN = "implementationPlan";
    static final String BACKOUT_PLAN = "backoutPlan";
    static final String TEST_EVIDENCE = "testEvidence";
    static final String PLANNED_START = "plannedStart";
    static final String PLANNED_END = "plannedEnd";
    static final String FIX_CHANGE = "fixChange";
    static final String FIX_CHANGE_OUTCOME = "fixChangeOutcome";
    static final String FIX_SUCCEEDED = "fixSucceeded";
    static final String WATCH_PERIOD = "watchPeriod";

    private Var() {}
  }

  /** Element ids. */
  static final class Element {
    static final String RAISED = "problemRaised";
    static final String INVESTIGATE = "investigateProblem";
    static final String PROPOSE_KNOWN_ERROR = "proposeKnownError";
    static final String REQUEST_FIX = "requestFixChange";
    static final String RAISE_FIX_CHANGE = "raiseFixChange";
    static final String FIX_CHANGE_CLOSED = "fixChangeClosed";
    static final String RECORD_FIX_OUTCOME = "recordFixOutcome";
    static final String WATCH_PERIOD_OVER = "watchPeriodOver";
    static final String RECURRED = "incidentRecurred";
    static final String REOPEN = "reopenInvestigation";
    static final String CLOSE = "closeProblem";
    static final String CLOSED = "problemClosed";

    private Element() {}
  }

  private ProblemProcess() {}
}
