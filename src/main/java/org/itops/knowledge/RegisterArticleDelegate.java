package org.itops.knowledge;

import static org.itops.knowledge.KnowledgeProcess.Var;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * "Register draft": a proposal becomes a draft record whose number is the business key (an incident starts the
 * process without one); a revision makes the next version of the published article the draft.
 */
@Component("registerArticleDelegate")
class RegisterArticleDelegate implements JavaDelegate {

  private final KnowledgeService knowledge;

  RegisterArticleDelegate(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String revisionOf = text(execution, Var.REVISION_OF);
    Article article;
    if (revisionOf != null) {
      article = knowledge.beginRevision(revisionOf, text(execution, Var.AUTHOR));
    } else {
      article = knowledge.register(content(execution), text(execution, Var.OWNING_GROUP), text(execution, Var.AUTHOR),
          text(execution, Var.SOURCE_INCIDENT));
      execution.setProcessBusinessKey(article.getNumber());
    }
    execution.setVariables(KnowledgeService.contentVariables(article.content()));
    execution.setVariables(Map.of(Var.RECORD_NUMBER, article.getNumber(), Var.VERSION, article.getVersion(),
        Var.AUTHOR, article.getAuthor(), Var.OWNING_GROUP, article.getOwningGroup()));
    // Tasklist's cards show a priority; an article has none
    execution.setVariable(Var.PRIORITY, null);
  }

  static ArticleContent content(VariableScope scope) {
    return new ArticleContent(text(scope, Var.TITLE), text(scope, Var.SYMPTOMS), text(scope, Var.CAUSE),
        text(scope, Var.RESOLUTION), text(scope, Var.SERVICE), text(scope, Var.CONFIGURATION_ITEM),
        text(scope, Var.CATEGORY));
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
