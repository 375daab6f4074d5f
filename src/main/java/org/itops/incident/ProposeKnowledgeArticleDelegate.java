package org.itops.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Propose knowledge article": the engineer thinks the resolution is worth an article (guide 5.3). */
@Component("proposeKnowledgeArticleDelegate")
class ProposeKnowledgeArticleDelegate implements JavaDelegate {

  private final IncidentSteps steps;

  ProposeKnowledgeArticleDelegate(IncidentSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    steps.proposeArticle(execution.getProcessBusinessKey());
  }
}
