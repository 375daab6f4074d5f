package org.itops.drill;

import static org.itops.drill.DrillProcess.Var;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The drill's automatic steps, by element id: "Start the drill" on its day, "Evaluate drill" (each team's measured
 * times against the plan's objectives), "Record overdue actions", "Set next drill date".
 */
@Component("drillStepDelegate")
class DrillStepDelegate implements JavaDelegate {

  private final DrillService drills;

  DrillStepDelegate(DrillService drills) {
    this.drills = drills;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    switch (execution.getCurrentActivityId()) {
      case "startDrill" -> drills.running(number);
      case "evaluateDrill" -> execution.setVariables(drills.evaluate(number));
      case "recordOverdueActions" -> drills.actionsOverdue(number);
      case "setNextDrillDate" -> execution.setVariable("nextDrillAt", Date.from(drills.close(number)));
      default -> throw new IllegalStateException("drillStepDelegate has no step '" + execution.getCurrentActivityId()
          + "'");
    }
  }
}
