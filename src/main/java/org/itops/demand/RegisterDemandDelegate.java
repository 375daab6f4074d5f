package org.itops.demand;

import static org.itops.demand.DemandProcess.Var;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Register demand": validates the request, creates the record and makes its number the business key. */
@Component("registerDemandDelegate")
class RegisterDemandDelegate implements JavaDelegate {

  private final DemandService demands;

  RegisterDemandDelegate(DemandService demands) {
    this.demands = demands;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Demand demand = demands.register(new DemandRequest(text(execution, Var.TITLE), text(execution, Var.BUSINESS_NEED),
        text(execution, Var.EXPECTED_BENEFIT), text(execution, Var.REQUESTED_DATE), text(execution, Var.COST_BAND),
        DemandRequest.splitServices(text(execution, Var.AFFECTED_SERVICES))), text(execution, Var.INITIATOR));
    execution.setProcessBusinessKey(demand.getNumber());
    execution.setVariable(Var.RECORD_NUMBER, demand.getNumber());
    execution.setVariable(Var.TITLE, demand.getTitle());
    execution.setVariable(Var.PRIORITY, null);
    execution.setVariable(Var.REQUESTER, demand.getRequester());
    execution.setVariable(Var.AFFECTED_SERVICES, demand.getAffectedServices());
    execution.setVariable(Var.AFFECTED_SERVICE_COUNT,
        DemandRequest.splitServices(demand.getAffectedServices()).size());
    execution.setVariable(Var.IS_CHANGE, false);
    execution.setVariable(Var.SPECIFICATION, null);
    execution.setVariable(Var.APPROVAL_REASON, null);
  }
}
