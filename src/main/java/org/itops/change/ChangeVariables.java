package org.itops.change;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.itops.platform.Times;

/** Reads the change's variables, as the forms and the API leave them. */
final class ChangeVariables {

  /** A date the form's date-time field, the API (ISO-8601 text) or an earlier step (a Date) left. */
  static Instant instant(VariableScope scope, String name) {
    return Times.parse(scope.getVariable(name));
  }

  /** Keeps the window as dates, which the timer "Window opens" and the forms read. */
  static void setWindow(VariableScope scope, Change change) {
    scope.setVariable(ChangeProcess.Var.PLANNED_START, Date.from(change.plannedStart()));
    scope.setVariable(ChangeProcess.Var.PLANNED_END, Date.from(change.plannedEnd()));
  }

  private ChangeVariables() {}
}
