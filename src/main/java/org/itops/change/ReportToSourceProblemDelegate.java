package org.itops.change;

import static org.itops.platform.FormValues.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * "Tell the source problem": a change raised by a problem (its source record {@code PRB-...}) sends its outcome to
 * the problem's instance (message {@code problem.fixChangeClosed}, by the problem's number); any other change, or a
 * problem no longer waiting for it, gets nothing.
 */
@Component("reportToSourceProblemDelegate")
class ReportToSourceProblemDelegate implements JavaDelegate {

  static final String MESSAGE = "problem.fixChangeClosed";

  private final CurrentUser currentUser;

  ReportToSourceProblemDelegate(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String source = text(execution, ChangeProcess.Var.SOURCE_RECORD);
    if (source == null || !source.startsWith("PRB-")) {
      return;
    }
    // the problem's instance is the problem managers', not necessarily the closing user's
    currentUser.asSystem(() -> execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(MESSAGE).processInstanceBusinessKey(source)
        .setVariable("fixChange", execution.getProcessBusinessKey())
        .setVariable("fixChangeOutcome", text(execution, "outcome")).correlateAllWithResult());
  }
}
