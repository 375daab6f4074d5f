package org.itops.catalog;

import static org.itops.catalog.OnboardingProcess.Var;
import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the review" (kept as is) or "Retire service", after the yearly review. */
@Component("recordServiceReviewDelegate")
class RecordServiceReviewDelegate implements JavaDelegate {

  private final ServiceCatalog catalog;

  RecordServiceReviewDelegate(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String notes = text(execution, Var.REVIEW_NOTES);
    if ("retire".equals(text(execution, Var.REVIEW_OUTCOME))) {
      catalog.retire(execution.getProcessBusinessKey(), notes);
    } else {
      catalog.reviewed(execution.getProcessBusinessKey(), notes);
    }
  }
}
