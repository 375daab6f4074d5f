package org.itops.demand;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the demand processes' variables, as the forms and the API leave them. */
final class DemandVariables {

  /** A whole number a form's number field left (a Long or a Double), or null. */
  static Integer integer(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      return number.intValue();
    }
    try {
      return value == null ? null : Integer.valueOf(value.toString().strip());
    } catch (NumberFormatException notAWholeNumber) {
      return null;
    }
  }

  private DemandVariables() {}
}
