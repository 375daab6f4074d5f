package org.itops.demand;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Link warranty incidents": the incidents on the delivered services during the warranty, for the retrospective. */
@Component("linkWarrantyIncidentsDelegate")
class LinkWarrantyIncidentsDelegate implements JavaDelegate {

  private final DemandService demands;

  LinkWarrantyIncidentsDelegate(DemandService demands) {
    this.demands = demands;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable("warrantyIncidents",
        String.join(", ", demands.linkWarrantyIncidents(execution.getProcessBusinessKey())));
  }
}
