package org.itops.oncall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.FormValues;
import org.springframework.stereotype.Component;

/**
 * "Record override" of rota-override: the start form's override is added to the group's rota as the user who
 * started it (an IT manager). Refused input rolls the start back, and Tasklist shows why.
 */
@Component("recordRotaOverrideDelegate")
class RecordRotaOverrideDelegate implements JavaDelegate {

  private final Rotas rotas;

  RecordRotaOverrideDelegate(Rotas rotas) {
    this.rotas = rotas;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rotas.addOverride(FormValues.text(execution, "group"), new OverrideRequest(FormValues.text(execution, "person"),
        FormValues.text(execution, "from"), FormValues.text(execution, "to"), FormValues.text(execution, "reason")));
  }
}
