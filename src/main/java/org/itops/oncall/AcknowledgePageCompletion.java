package org.itops.oncall;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.platform.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * On completion of "Acknowledge page" in Tasklist: the user who completes it acknowledged the page. The API and the
 * mailed link record the acknowledgement themselves before they complete the task (as the suite, with no user), so
 * here it is recorded once either way.
 */
@Component("acknowledgePageCompletion")
class AcknowledgePageCompletion implements TaskListener {

  private final Pages pages;
  private final CurrentUser currentUser;

  AcknowledgePageCompletion(Pages pages, CurrentUser currentUser) {
    this.pages = pages;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    if (currentUser.id() != null) {
      pages.recordAcknowledgement(task.getExecution().getProcessBusinessKey(), currentUser.id());
    }
  }
}
