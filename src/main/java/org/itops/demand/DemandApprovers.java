package org.itops.demand;

import static org.itops.demand.DemandProcess.Var;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.ExpressionHelper;
import org.springframework.stereotype.Component;

/**
 * "Record the route": who approves, from DMN demand-approval-routing's {@code approvalRoute}. The approval reads
 * {@code ${demandApprovers.of(execution)}}: one approval task per group, in sequence or in parallel; the
 * re-approval of a demand change {@code ${demandApprovers.candidates(changeRoute)}}. Public, so that the expression
 * language can call them.
 */
@ExpressionHelper
@Component("demandApprovers")
public class DemandApprovers implements JavaDelegate {

  static final String SERVICE_OWNERS = "service-owners";
  static final String IT_MANAGERS = "it-managers";

  private final DemandService demands;

  DemandApprovers(DemandService demands) {
    this.demands = demands;
  }

  /** The approving groups of the route, service owners first. */
  public List<String> of(DelegateExecution execution) {
    return groups(String.valueOf(execution.getVariable(Var.APPROVAL_ROUTE)));
  }

  static List<String> groups(String route) {
    return switch (route) {
      case "service-owner" -> List.of(SERVICE_OWNERS);
      case "it-manager" -> List.of(IT_MANAGERS);
      case "sequential", "parallel" -> List.of(SERVICE_OWNERS, IT_MANAGERS);
      case "none" -> List.of();
      default -> throw new IllegalStateException("DMN demand-approval-routing gave the unknown route '" + route
          + "'; it must be service-owner, it-manager, sequential, parallel or none");
    };
  }

  /** The candidate groups of one task that approves for the whole route (a change of an approved demand). */
  public String candidates(String route) {
    return String.join(",", groups(route));
  }

  @Override
  public void execute(DelegateExecution execution) {
    String route = String.valueOf(execution.getVariable(Var.APPROVAL_ROUTE));
    execution.setVariable("approverGroups", candidates(route));
    execution.setVariable(Var.APPROVAL_OUTCOME, "approve");
    demands.routed(execution.getProcessBusinessKey(), route);
  }
}
