package org.itops.alert;

/**
 * Names of {@code processes/alert/alert-handling.bpmn} used from Java; AlertDecisionsTest checks the levels against
 * the DMN table.
 */
final class AlertProcess {

  static final String KEY = "alert-handling";
  static final String RECORD_PREFIX = "ALR";

  /** The levels of DMN alert-routing. */
  static final class Level {
    static final String RECORD = "record";
    static final String NOTIFY = "notify";
    static final String INCIDENT = "incident";
    static final String MAJOR = "major";

    private Level() {}
  }

  private AlertProcess() {}
}
