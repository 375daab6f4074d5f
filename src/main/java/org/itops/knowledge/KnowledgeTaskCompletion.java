package org.itops.knowledge;

import static org.itops.knowledge.KnowledgeProcess.Var;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.springframework.stereotype.Component;

/**
 * Checks what a person submits with a knowledge task before the process moves on (the forms check the same where
 * form-js can; REST clients get the same rules), then records an approving reviewer. A refused completion changes
 * nothing and says why.
 */
@Component("knowledgeTaskCompletion")
class KnowledgeTaskCompletion implements TaskListener {

  private final KnowledgeService knowledge;
  private final CurrentUser currentUser;

  KnowledgeTaskCompletion(KnowledgeService knowledge, CurrentUser currentUser) {
    this.knowledge = knowledge;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    List<FieldError> errors = new ArrayList<>();
    switch (task.getTaskDefinitionKey()) {
      case KnowledgeProcess.Element.WRITE -> errors.addAll(knowledge.validate(RegisterArticleDelegate.content(task)));
      case KnowledgeProcess.Element.REVIEW -> review(task, errors);
      default -> throw new IllegalStateException("No completion rules for task " + task.getTaskDefinitionKey());
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  private void review(DelegateTask task, List<FieldError> errors) {
    String decision = RegisterArticleDelegate.text(task, Var.DECISION);
    if (KnowledgeProcess.BACK.equals(decision)) {
      String comments = RegisterArticleDelegate.text(task, Var.REVIEW_COMMENTS);
      if (comments == null) {
        errors.add(new FieldError(Var.REVIEW_COMMENTS, "reason.article.reviewComments"));
      } else if (comments.length() > ArticleContent.MAX_TEXT) {
        errors.add(new FieldError(Var.REVIEW_COMMENTS, "reason.maxLength", ArticleContent.MAX_TEXT));
      }
    } else if (KnowledgeProcess.APPROVE.equals(decision)) {
      String reviewer = currentUser.id();
      if (reviewer == null) {
        errors.add(new FieldError("assignee", "reason.article.logIn"));
      } else if (reviewer.equals(task.getVariable(Var.AUTHOR))) {
        errors.add(new FieldError(Var.DECISION, "reason.article.ownApproval",
            task.getVariable(Var.OWNING_GROUP)));
      } else {
        task.setVariable(Var.REVIEWER, reviewer);
      }
    } else {
      errors.add(new FieldError(Var.DECISION, "reason.article.decision"));
    }
  }
}
