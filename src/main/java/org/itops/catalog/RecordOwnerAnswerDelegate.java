package org.itops.catalog;

import static org.itops.catalog.OnboardingProcess.Var;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record the owner's answer": the SLA agreed, or declined: a new service is withdrawn, a change of a published one
 * is dropped and the form's values go back to the SLA in force.
 */
@Component("recordOwnerAnswerDelegate")
class RecordOwnerAnswerDelegate implements JavaDelegate {

  private final ServiceCatalog catalog;

  RecordOwnerAnswerDelegate(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean agreed = "agreed".equals(text(execution, Var.SLA_DECISION));
    CatalogEntry entry = catalog.ownerAnswered(execution.getProcessBusinessKey(), OnboardingVariables.level(execution),
        agreed, text(execution, "slaNotes"));
    if (!agreed && entry.status() == CatalogEntry.Status.PUBLISHED) {
      execution.setVariable(Var.TIER, entry.tier());
      execution.setVariable(Var.HOURS, entry.hours());
      execution.setVariable(Var.AVAILABILITY_TARGET, entry.availabilityTarget().doubleValue());
      execution.setVariable(Var.CHANGE_REASON, null);
    }
  }
}
