package org.itops.oncall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Page on call" of incident-lifecycle's major-incident path and of alert-handling: starts {@code on-call-page} for
 * the incident, once per incident. Input parameters: {@code pageIncident} (the number), {@code pageGroup} (the
 * support group; none pages {@code it-managers}), {@code pagePriority}, {@code pageTitle}.
 */
@Component("startOnCallPageDelegate")
class StartOnCallPageDelegate implements JavaDelegate {

  private final Pages pages;

  StartOnCallPageDelegate(Pages pages) {
    this.pages = pages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    pages.request((String) execution.getVariableLocal("pageIncident"), (String) execution.getVariableLocal("pageGroup"),
        (String) execution.getVariableLocal("pagePriority"), (String) execution.getVariableLocal("pageTitle"));
  }
}
