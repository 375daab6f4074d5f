package org.itops.drill;

import static org.itops.drill.DrillProcess.Var;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.itops.platform.ExpressionHelper;
import org.springframework.stereotype.Component;

/**
 * The multi-instance collections of emergency-drill: the teams that run the drill ({@code ${drillTeams.of(execution)}})
 * and the improvement actions ({@code ${drillTeams.actions(execution)}}). Public, so that the expression language can
 * call them.
 */
@ExpressionHelper
@Component("drillTeams")
public class DrillTeams {

  /** The plan's participating teams (group ids), one "Run the drill" task each. */
  public List<String> of(DelegateExecution execution) {
    Object teams = execution.getVariable(Var.PARTICIPATING_TEAMS);
    return teams == null ? List.of() : Arrays.stream(teams.toString().split(",")).map(String::strip)
        .filter(team -> !team.isEmpty()).toList();
  }

  /** The improvement actions of the review, one "Carry out improvement action" task each. */
  public List<String> actions(DelegateExecution execution) {
    Object actions = execution.getVariable(Var.IMPROVEMENT_ACTIONS);
    return DrillService.actionLines(actions == null ? null : actions.toString());
  }
}
