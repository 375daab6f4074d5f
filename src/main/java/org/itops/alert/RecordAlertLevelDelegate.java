package org.itops.alert;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record level": keeps the level that DMN alert-routing gave with the alert. */
@Component("recordAlertLevelDelegate")
class RecordAlertLevelDelegate implements JavaDelegate {

  private final AlertService alerts;

  RecordAlertLevelDelegate(AlertService alerts) {
    this.alerts = alerts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> grade = (Map<String, Object>) execution.getVariable("grade");
    if (grade == null || grade.get("level") == null) {
      throw new IllegalStateException("DMN alert-routing gave no level for this alert: add a rule for it");
    }
    alerts.recordLevel(execution.getProcessBusinessKey(), (String) grade.get("level"));
  }
}
