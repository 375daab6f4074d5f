package org.itops.demand;

import static org.itops.demand.DemandProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Start implementation": the demand is being implemented; the budget its cost band allows without the IT
 * managers' approval ({@link DemandService#BUDGET_CEILINGS}) goes to the resource allocation.
 */
@Component("startImplementationDelegate")
class StartImplementationDelegate implements JavaDelegate {

  private final DemandService demands;

  StartImplementationDelegate(DemandService demands) {
    this.demands = demands;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Demand demand = demands.load(execution.getProcessBusinessKey());
    demands.step(demand.getNumber(), Demand.Status.IMPLEMENTATION, "IMPLEMENTATION",
        "timeline.demand.toImplementation", demand.getSpecVersion());
    execution.setVariable(Var.BUDGET_CEILING, DemandService.BUDGET_CEILINGS.get(demand.getCostBand()).doubleValue());
    execution.setVariable(Var.QC_FAILURES, 0);
    // the design form's checkbox is not sent when left alone
    execution.setVariable(Var.NEEDS_CHANGE, false);
  }
}
