package org.itops.securityops;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record missed deadline": 72 hours since detection and the regulator is not notified, on the timeline. */
@Component("recordNotificationOverdueDelegate")
class RecordNotificationOverdueDelegate implements JavaDelegate {

  private final SecurityIncidentService incidents;

  RecordNotificationOverdueDelegate(SecurityIncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incidents.notificationOverdue(execution.getProcessBusinessKey());
  }
}
