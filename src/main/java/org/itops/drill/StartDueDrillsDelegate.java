package org.itops.drill;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Start due drills" of emergency-drill-schedule: one drill for each plan that is due and has none running. */
@Component("startDueDrillsDelegate")
class StartDueDrillsDelegate implements JavaDelegate {

  private final DrillService drills;

  StartDueDrillsDelegate(DrillService drills) {
    this.drills = drills;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("drillsStarted", String.join(", ", drills.startDueDrills()));
  }
}
