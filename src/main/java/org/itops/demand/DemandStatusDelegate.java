package org.itops.demand;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A step that moves the demand on (input parameters {@code demandStatus}, e.g. {@code APPROVED}, and {@code note}
 * for its timeline).
 */
@Component("demandStatusDelegate")
class DemandStatusDelegate implements JavaDelegate {

  private final DemandService demands;

  DemandStatusDelegate(DemandService demands) {
    this.demands = demands;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Demand.Status status = Demand.Status.valueOf(String.valueOf(execution.getVariableLocal("demandStatus")));
    demands.step(execution.getProcessBusinessKey(), status, status.name(), "timeline.typed",
        String.valueOf(execution.getVariableLocal("note")));
  }
}
