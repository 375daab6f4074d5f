package org.itops.survey;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Create the survey": the survey's number becomes the business key; its link goes to the mail. */
@Component("createSurveyDelegate")
class CreateSurveyDelegate implements JavaDelegate {

  private final SurveyService surveys;

  CreateSurveyDelegate(SurveyService surveys) {
    this.surveys = surveys;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Survey survey = surveys.create((String) execution.getVariable("surveyedRecord"),
        (String) execution.getVariable("title"), (String) execution.getVariable("respondent"),
        (String) execution.getVariable("service"));
    execution.setProcessBusinessKey(survey.number());
    execution.setVariable("recordNumber", survey.number());
    execution.setVariable("priority", null);
    execution.setVariable("surveyLink", surveys.link(survey));
    execution.setVariable("surveyExpires", Date.from(survey.expiresAt()));
  }
}
