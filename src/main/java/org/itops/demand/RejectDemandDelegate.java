package org.itops.demand;

import static org.itops.demand.DemandProcess.Var;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the rejection": the first leaves the requester one revision ({@code revisionAllowed}), a second ends it. */
@Component("rejectDemandDelegate")
class RejectDemandDelegate implements JavaDelegate {

  private final DemandService demands;

  RejectDemandDelegate(DemandService demands) {
    this.demands = demands;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Demand.Status status = demands.rejected(execution.getProcessBusinessKey(), text(execution, Var.APPROVAL_REASON));
    execution.setVariable("revisionAllowed", status == Demand.Status.REVISION);
  }
}
