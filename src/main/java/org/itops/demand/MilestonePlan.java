package org.itops.demand;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.itops.platform.ExpressionHelper;
import org.springframework.stereotype.Component;

/**
 * The milestones of the solution design: "Implement milestone" reads {@code ${milestonePlan.of(execution)}}, one task
 * per milestone. Public, so that the expression language can call {@link #of}.
 */
@ExpressionHelper
@Component("milestonePlan")
public class MilestonePlan {

  private final DemandService demands;

  MilestonePlan(DemandService demands) {
    this.demands = demands;
  }

  public List<String> of(DelegateExecution execution) {
    return demands.milestones(execution.getProcessBusinessKey());
  }
}
