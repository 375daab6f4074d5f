package org.itops.knowledge;

import static org.itops.knowledge.KnowledgeProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Submit for review": the author's text is saved to the record, which waits for the owning group's review. */
@Component("submitArticleDelegate")
class SubmitArticleDelegate implements JavaDelegate {

  private final KnowledgeService knowledge;

  SubmitArticleDelegate(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Article article = knowledge.submit(execution.getProcessBusinessKey(), RegisterArticleDelegate.content(execution));
    execution.setVariable(Var.TITLE, article.getTitle());
    // a new review starts empty; earlier comments are on the record's timeline
    execution.setVariable(Var.DECISION, null);
    execution.setVariable(Var.REVIEW_COMMENTS, null);
  }
}
