package org.itops.incident;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Propose knowledge article": the engineer thinks the resolution is worth an article (guide 5.3). */
@Component("proposeKnowledgeArticleDelegate")
class ProposeKnowledgeArticleDelegate implements JavaDelegate {

  private final IncidentService incidents;

  ProposeKnowledgeArticleDelegate(IncidentService incidents) {
    this.incidents = incidents;
  }

  @Override
  public void execute(DelegateExecution execution) {
    incidents.proposeArticle(execution.getProcessBusinessKey());
  }
}
