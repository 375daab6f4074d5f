package org.itops.problem;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.knowledge.ArticleContent;
import org.itops.knowledge.KnowledgeService;
import org.springframework.stereotype.Component;

/**
 * "Propose known error article": the workaround starts knowledge-article (review, publish) by the investigator, filed
 * under the problem's category and item, so that new incidents of the item are offered it.
 */
@Component("proposeKnownErrorDelegate")
class ProposeKnownErrorDelegate implements JavaDelegate {

  private final ProblemService problems;
  private final KnowledgeService knowledge;

  ProposeKnownErrorDelegate(ProblemService problems, KnowledgeService knowledge) {
    this.problems = problems;
    this.knowledge = knowledge;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Problem problem = problems.load(execution.getProcessBusinessKey());
    String article = knowledge.propose(new ArticleContent(problem.title(), problem.description() == null
        ? problem.title() : problem.description(), problem.rootCause(), problem.workaround(), problem.service(),
        problem.configurationItem(), problem.category()), null);
    problems.knownErrorProposed(problem.number(), article);
    execution.setVariable(ProblemProcess.Var.KNOWN_ERROR_ARTICLE, article);
  }
}
