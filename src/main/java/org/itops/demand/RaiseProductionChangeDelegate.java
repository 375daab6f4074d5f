package org.itops.demand;

import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.change.ChangeRequest;
import org.itops.change.ChangeService;
import org.springframework.stereotype.Component;

/**
 * "Raise the production change": the design needs a change to production, which goes through change-management
 * (raised by the designer, with the demand as its source record); a request the change process refuses refuses
 * the design with its reasons.
 */
@Component("raiseProductionChangeDelegate")
class RaiseProductionChangeDelegate implements JavaDelegate {

  private final DemandService demands;
  private final ChangeService changes;

  RaiseProductionChangeDelegate(DemandService demands, ChangeService changes) {
    this.demands = demands;
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    Demand demand = demands.load(number);
    String change = changes.request(new ChangeRequest(demand.getTitle(), "Delivers demand " + number + ": "
        + demand.getBusinessNeed(), "normal", "medium", ChangeRequest.splitItems(text(execution, "changeItems")),
        text(execution, "plan"), text(execution, "changeBackoutPlan"), null,
        ChangeRequest.timeText(execution.getVariable("changeStart")),
        ChangeRequest.timeText(execution.getVariable("changeEnd")), number));
    demands.delivery(number, delivery -> delivery.setChangeNumber(change), "CHANGE_RAISED",
        "timeline.demand.changeRaised", change);
    execution.setVariable("changeNumber", change);
  }
}
