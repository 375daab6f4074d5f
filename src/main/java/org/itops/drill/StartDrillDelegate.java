package org.itops.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Start the drill": the drill day has come; the teams run their parts. */
@Component("startDrillDelegate")
class StartDrillDelegate implements JavaDelegate {

  private final DrillService drills;

  StartDrillDelegate(DrillService drills) {
    this.drills = drills;
  }

  @Override
  public void execute(DelegateExecution execution) {
    drills.running(execution.getProcessBusinessKey());
  }
}
