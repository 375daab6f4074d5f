package org.itops.improvement;

import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Register the proposal": validates it, creates the record and makes its number the business key. */
@Component("registerImprovementDelegate")
class RegisterImprovementDelegate implements JavaDelegate {

  private final ImprovementService improvements;

  RegisterImprovementDelegate(ImprovementService improvements) {
    this.improvements = improvements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String proposer = text(execution, "proposer") != null ? text(execution, "proposer") : text(execution, "initiator");
    String number = improvements.register(text(execution, "title"), text(execution, "description"),
        text(execution, "source"), text(execution, "targetKpi"), text(execution, "service"), proposer);
    execution.setProcessBusinessKey(number);
    execution.setVariable("recordNumber", number);
    execution.setVariable("priority", null);
    execution.setVariable("proposer", proposer);
    // training needs a proposal brings (from a drill) stay for the plan; the gateway after Do reads the variable
    if (execution.getVariable("trainees") == null) {
      execution.setVariable("trainees", null);
    }
  }
}
