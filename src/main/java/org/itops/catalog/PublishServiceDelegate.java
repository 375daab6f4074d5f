package org.itops.catalog;

import static org.itops.catalog.OnboardingProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Publish service": the approved SLA is in force from now on. */
@Component("publishServiceDelegate")
class PublishServiceDelegate implements JavaDelegate {

  private final ServiceCatalog catalog;

  PublishServiceDelegate(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CatalogEntry published = catalog.publish(execution.getProcessBusinessKey(), OnboardingVariables.level(execution));
    execution.setVariable("slaVersion", published.slaVersion());
    execution.setVariable(Var.APPROVAL_COMMENTS, null);
    execution.setVariable(Var.CHANGE_REASON, null);
  }
}
