package org.itops.demand;

import static org.itops.demand.DemandProcess.Var;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Apply the change": the changed specification becomes the next version; the delivery goes on with it. */
@Component("applyDemandChangeDelegate")
class ApplyDemandChangeDelegate implements JavaDelegate {

  private final DemandService demands;

  ApplyDemandChangeDelegate(DemandService demands) {
    this.demands = demands;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String specification = text(execution, "changeSpecification");
    demands.specify(execution.getProcessBusinessKey(), specification, "Demand change: "
        + text(execution, Var.CHANGE_DESCRIPTION));
    execution.setVariable(Var.SPECIFICATION, specification);
  }
}
