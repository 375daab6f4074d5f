package org.itops.knowledge;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Work on incident": the article the engineer marked as used is counted, once per incident. */
@Component("recordKnowledgeArticleUseListener")
class RecordArticleUseListener implements TaskListener {

  private final KnowledgeBase knowledge;

  RecordArticleUseListener(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void notify(DelegateTask task) {
    String article = RegisterArticleDelegate.text(task, SuggestArticlesListener.USED_ARTICLE);
    if (article != null) {
      knowledge.markUsed(article.strip(), RegisterArticleDelegate.text(task, "recordNumber"));
    }
  }
}
