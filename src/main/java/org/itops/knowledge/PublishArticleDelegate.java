package org.itops.knowledge;

import static org.itops.knowledge.KnowledgeProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Publish article": the approved version is kept and indexed for search. */
@Component("publishArticleDelegate")
class PublishArticleDelegate implements JavaDelegate {

  private final KnowledgeService knowledge;

  PublishArticleDelegate(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Article article = knowledge.publish(execution.getProcessBusinessKey(),
        RegisterArticleDelegate.text(execution, Var.REVIEWER));
    execution.setVariable(Var.VERSION, article.getVersion());
  }
}
