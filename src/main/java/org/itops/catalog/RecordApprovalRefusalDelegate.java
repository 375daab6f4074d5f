package org.itops.catalog;

import static org.itops.catalog.OnboardingProcess.Var;
import static org.itops.platform.FormValues.text;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record the refusal": the approvers' comments go on the timeline and back to the owner's form. */
@Component("recordApprovalRefusalDelegate")
class RecordApprovalRefusalDelegate implements JavaDelegate {

  private final ServiceCatalog catalog;

  RecordApprovalRefusalDelegate(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> comments = new ArrayList<>();
    if ("reject".equals(text(execution, Var.OWNERS_APPROVAL))) {
      comments.add("Service owners: " + text(execution, Var.OWNERS_COMMENT));
    }
    if ("reject".equals(text(execution, Var.MANAGER_APPROVAL))) {
      comments.add("IT managers: " + text(execution, Var.MANAGER_COMMENT));
    }
    String text = String.join("\n", comments);
    catalog.approvalRefused(execution.getProcessBusinessKey(), text);
    execution.setVariable(Var.APPROVAL_COMMENTS, text);
  }
}
