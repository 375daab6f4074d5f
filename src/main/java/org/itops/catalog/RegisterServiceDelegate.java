package org.itops.catalog;

import static org.itops.catalog.OnboardingProcess.Var;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Register service": validates the proposal, creates the draft record and makes its number the business key. */
@Component("registerServiceDelegate")
class RegisterServiceDelegate implements JavaDelegate {

  private final ServiceCatalog catalog;

  RegisterServiceDelegate(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CatalogEntry entry = catalog.register(new ServiceProposal(text(execution, Var.SERVICE_NAME),
        text(execution, Var.DESCRIPTION), text(execution, Var.OWNER), text(execution, Var.SUPPORT_GROUP),
        OnboardingVariables.level(execution)));
    execution.setProcessBusinessKey(entry.number());
    execution.setVariable(Var.RECORD_NUMBER, entry.number());
    execution.setVariable(Var.TITLE, "Service " + entry.name());
    execution.setVariable(Var.SERVICE_NAME, entry.name());
    execution.setVariable(Var.OWNER, entry.owner());
    execution.setVariable("slaVersion", 0);
    execution.setVariable(Var.APPROVAL_COMMENTS, null);
    execution.setVariable(Var.CHANGE_REASON, null);
  }
}
