package org.itops.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Satisfaction survey requested" after closing: starts satisfaction-survey for the reporter. */
@Component("requestIncidentSurveyDelegate")
class RequestIncidentSurveyDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  RequestIncidentSurveyDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.requestSurvey(execution.getProcessBusinessKey());
  }
}
