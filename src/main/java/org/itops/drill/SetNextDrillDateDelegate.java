package org.itops.drill;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Set next drill date": the plan's next drill after its frequency; the drill closes. */
@Component("setNextDrillDateDelegate")
class SetNextDrillDateDelegate implements JavaDelegate {

  private final DrillService drills;

  SetNextDrillDateDelegate(DrillService drills) {
    this.drills = drills;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("nextDrillAt", Date.from(drills.close(execution.getProcessBusinessKey())));
  }
}
