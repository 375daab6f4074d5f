package org.itops.change;

import static org.itops.change.ChangeProcess.Var;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Apply classification": what DMN change-classification decided goes into the record and the routing. */
@Component("applyChangeClassificationDelegate")
class ApplyClassificationDelegate implements JavaDelegate {

  private final ChangeService changes;

  ApplyClassificationDelegate(ChangeService changes) {
    this.changes = changes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) execution.getVariable(Var.CLASSIFICATION_RESULT);
    if (result == null || result.get(Var.CLASSIFICATION) == null) {
      throw new IllegalStateException("DMN change-classification gave no classification for "
          + execution.getProcessBusinessKey() + ": add a rule for it");
    }
    String classification = (String) result.get(Var.CLASSIFICATION);
    String risk = (String) result.get(Var.RISK);
    changes.classified(execution.getProcessBusinessKey(), classification, risk);
    execution.setVariable(Var.CLASSIFICATION, classification);
    execution.setVariable(Var.RISK, risk);
    execution.setVariable(Var.PRIORITY, risk + " risk");
    Object quorum = result.get(Var.CAB_QUORUM);
    execution.setVariable(Var.CAB_QUORUM, quorum == null ? 0 : ((Number) quorum).intValue());
  }
}
