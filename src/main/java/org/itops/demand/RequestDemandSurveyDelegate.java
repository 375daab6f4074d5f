package org.itops.demand;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.survey.SurveyService;
import org.springframework.stereotype.Component;

/** "Satisfaction survey requested" after sign-off: starts satisfaction-survey for the requester. */
@Component("requestDemandSurveyDelegate")
class RequestDemandSurveyDelegate implements JavaDelegate {

  private final DemandService demands;
  private final SurveyService surveys;

  RequestDemandSurveyDelegate(DemandService demands, SurveyService surveys) {
    this.demands = demands;
    this.surveys = surveys;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    Demand demand = demands.load(number);
    List<String> services = DemandRequest.splitServices(demand.getAffectedServices());
    surveys.request(number, demand.getTitle(), demand.getRequester(), services.isEmpty() ? null : services.get(0));
  }
}
