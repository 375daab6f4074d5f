package org.itops.catalog;

import static org.itops.catalog.OnboardingProcess.Var;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reads the onboarding's variables, as the forms and the API leave them. */
final class OnboardingVariables {

  /** The SLA the variables hold now (proposed, agreed or asked for). */
  static ServiceLevel level(VariableScope scope) {
    return new ServiceLevel(text(scope, Var.TIER), text(scope, Var.HOURS),
        ServiceLevel.percent(scope.getVariable(Var.AVAILABILITY_TARGET)));
  }

  private OnboardingVariables() {}
}
