package org.itops.improvement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.FormValues;
import org.springframework.stereotype.Component;

/** "Close" (input parameter {@code outcome}: REJECTED, STANDARDISED or STOPPED). */
@Component("closeImprovementDelegate")
class CloseImprovementDelegate implements JavaDelegate {

  private final ImprovementService improvements;

  CloseImprovementDelegate(ImprovementService improvements) {
    this.improvements = improvements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    improvements.close(execution.getProcessBusinessKey(), String.valueOf(execution.getVariableLocal("outcome")),
        FormValues.text(execution, "closingNotes"));
  }
}
