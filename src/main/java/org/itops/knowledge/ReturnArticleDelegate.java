package org.itops.knowledge;

import static org.itops.knowledge.KnowledgeProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Return to author": the reviewer's comments go on the timeline and the article is a draft again. */
@Component("returnArticleDelegate")
class ReturnArticleDelegate implements JavaDelegate {

  private final KnowledgeService knowledge;

  ReturnArticleDelegate(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void execute(DelegateExecution execution) {
    knowledge.returnToAuthor(execution.getProcessBusinessKey(),
        RegisterArticleDelegate.text(execution, Var.REVIEW_COMMENTS));
  }
}
