package org.itops.drill;

/** Names of {@code processes/drill/emergency-drill.bpmn} used from Java. */
final class DrillProcess {

  static final String KEY = "emergency-drill";
  /** The daily schedule that starts the drills that are due, and the process that keeps the emergency plans. */
  static final String SCHEDULE_KEY = "emergency-drill-schedule";
  static final String PLAN_KEY = "emergency-plan";
  static final String RECORD_PREFIX = "DRL";

  /** Variables the process routes on or shows in forms. */
  static final class Var {
    static final String RECORD_NUMBER = "recordNumber";
    static final String TITLE = "title";
    static final String PRIORITY = "priority";
    static final String PLAN_NAME = "planName";
    static final String INITIATOR = "initiator";
    static final String STARTED_BY = "startedBy";
    static final String SCENARIO = "scenario";
    static final String OWNER_GROUP = "ownerGroup";
    static final String PARTICIPATING_TEAMS = "participatingTeams";
    static final String RTO_MINUTES = "rtoMinutes";
    static final String RPO_MINUTES = "rpoMinutes";
    static final String DRILL_DATE = "drillDate";
    static final String PARTICIPANTS = "participants";
    static final String TEAM = "team";
    static final String STARTED_AT = "startedAt";
    static final String ENDED_AT = "endedAt";
    static final String DATA_LOSS_MINUTES = "dataLossMinutes";
    static final String WHAT_HAPPENED = "whatHappened";
    static final String DRILL_RESULT = "drillResult";
    static final String EVALUATION = "evaluation";
    static final String IMPROVEMENT_ACTIONS = "improvementActions";
    static final String ACTIONS_DUE = "actionsDue";
    static final String HAS_ACTIONS = "hasActions";
    static final String ACTION = "action";
    static final String ACTION_NOTES = "actionNotes";

    private Var() {}
  }

  /** User task ids. */
  static final class Element {
    static final String PREPARE = "prepareDrill";
    static final String RUN = "runDrill";
    static final String REVIEW = "reviewDrill";
    static final String ACTION = "carryOutAction";
    static final String DRILL_DAY = "drillDay";
    static final String ACTIONS_OVERDUE = "actionsOverdue";

    private Element() {}
  }

  private DrillProcess() {}
}
