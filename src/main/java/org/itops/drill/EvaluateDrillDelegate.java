package org.itops.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Evaluate drill": each team's measured times against the plan's objectives; the result for the review. */
@Component("evaluateDrillDelegate")
class EvaluateDrillDelegate implements JavaDelegate {

  private final DrillService drills;

  EvaluateDrillDelegate(DrillService drills) {
    this.drills = drills;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariables(drills.evaluate(execution.getProcessBusinessKey()));
  }
}
