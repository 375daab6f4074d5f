package org.itops.change;

import static org.itops.change.ChangeProcess.Var;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.itops.platform.CurrentUser;
import org.itops.platform.ExpressionHelper;
import org.springframework.stereotype.Component;

/**
 * "Call the CAB": who votes (the members of {@code cab} except the change's requester; the diagram's vote reads
 * {@code ${cabVoters.of(execution)}}) and how many approvals decide (DMN change-classification's quorum, at most
 * the number of voters). Public, so that the expression language can call {@link #of}.
 */
@ExpressionHelper
@Component("cabVoters")
public class CabVoters implements JavaDelegate {

  static final String CAB_GROUP = "cab";

  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final ChangeService changes;

  CabVoters(IdentityService identityService, CurrentUser currentUser, ChangeService changes) {
    this.identityService = identityService;
    this.currentUser = currentUser;
    this.changes = changes;
  }

  /** The user ids of the voters, in a stable order. */
  public List<String> of(DelegateExecution execution) {
    Object requester = execution.getVariable(Var.REQUESTER);
    return currentUser.asSystem(() -> identityService.createUserQuery().memberOfGroup(CAB_GROUP).orderByUserId().asc()
        .unlimitedList()).stream().map(User::getId).filter(id -> !id.equals(requester)).toList();
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> voters = of(execution);
    int quorum = Math.max(1, Math.min(((Number) execution.getVariable(Var.CAB_QUORUM)).intValue(), voters.size()));
    execution.setVariable(Var.CAB_QUORUM, quorum);
    execution.setVariable(Var.APPROVALS, 0);
    execution.setVariable(Var.REJECTIONS, 0);
    execution.setVariable(Var.CAB_COMMENTS, "");
    changes.recordDecision(execution.getProcessBusinessKey(), "CAB_CALLED", "timeline.change.cabCalled", voters,
        quorum);
  }
}
