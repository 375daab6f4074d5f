package org.itops.knowledge;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On the incident's "Work on incident": the published articles that match the incident's title and description,
 * those of its category and configuration item first, as variables of its form (a list to read, and the numbers
 * that the form's "Article used" offers).
 */
@Component("suggestKnowledgeArticlesListener")
class SuggestArticlesListener implements TaskListener {

  static final String SUGGESTED_ARTICLES = "suggestedArticles";
  static final String SUGGESTED_ARTICLE_NUMBERS = "suggestedArticleNumbers";
  static final String USED_ARTICLE = "usedArticle";

  private final KnowledgeBase knowledge;

  SuggestArticlesListener(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void notify(DelegateTask task) {
    List<KnowledgeRepository.Hit> hits = knowledge.suggest(RegisterArticleDelegate.text(task, "title"),
        RegisterArticleDelegate.text(task, "description"), RegisterArticleDelegate.text(task, "category"),
        RegisterArticleDelegate.text(task, "configurationItem"));
    task.setVariable(SUGGESTED_ARTICLES, hits.isEmpty() ? "No published article matches this incident."
        : hits.stream().map(hit -> "- **" + hit.number() + "** " + hit.title()
            + (hit.useCount() > 0 ? " (helped " + hit.useCount() + " times)" : "")).collect(Collectors.joining("\n")));
    // a comma-separated text, not a list: without Camunda Spin a list variable is not JSON that Tasklist could read
    task.setVariable(SUGGESTED_ARTICLE_NUMBERS, hits.stream().map(KnowledgeRepository.Hit::number)
        .collect(Collectors.joining(",")));
    // the choice of an earlier round of work (before a reopen) was counted then
    task.setVariable(USED_ARTICLE, null);
  }
}
