package org.itops.knowledge;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itops.ProcessSteps;
import org.springframework.stereotype.Component;

/** Steps of the knowledge process as people take them, for the tests (also the incident's). */
@Component
public class KnowledgeScenario {

  private final KnowledgeService knowledge;
  private final KnowledgeRepository records;
  private final RuntimeService runtimeService;
  private final ProcessSteps steps;

  KnowledgeScenario(KnowledgeService knowledge, KnowledgeRepository records, RuntimeService runtimeService,
      ProcessSteps steps) {
    this.knowledge = knowledge;
    this.records = records;
    this.runtimeService = runtimeService;
    this.steps = steps;
  }

  /** {@code author} proposes an article; answers its number (the draft waits at "Write article"). */
  public String propose(String author, String title, String symptoms, String resolution, String category,
      String configurationItem) {
    return as(author, () -> knowledge.propose(new ArticleContent(title, symptoms, null, resolution, null,
        configurationItem, category), null));
  }

  /** Proposed, written as proposed and approved by {@code reviewer}: a published article. */
  public String publish(String author, String reviewer, String title, String symptoms, String resolution,
      String category, String configurationItem) {
    String number = propose(author, title, symptoms, resolution, category, configurationItem);
    write(number, author, Map.of());
    approve(number, reviewer);
    return number;
  }

  void write(String number, String author, Map<String, Object> changes) {
    complete(number, KnowledgeProcess.Element.WRITE, author, changes);
  }

  void approve(String number, String reviewer) {
    complete(number, KnowledgeProcess.Element.REVIEW, reviewer, Map.of(KnowledgeProcess.Var.DECISION,
        KnowledgeProcess.APPROVE));
  }

  void sendBack(String number, String reviewer, String comments) {
    complete(number, KnowledgeProcess.Element.REVIEW, reviewer, Map.of(KnowledgeProcess.Var.DECISION,
        KnowledgeProcess.BACK, KnowledgeProcess.Var.REVIEW_COMMENTS, comments));
  }

  void complete(String number, String taskKey, String user, Map<String, Object> form) {
    steps.complete(number, taskKey, user, new HashMap<>(form));
  }

  Task task(String number, String taskKey) {
    return steps.task(number, taskKey);
  }

  ProcessInstance instance(String number) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .processDefinitionKey(KnowledgeProcess.KEY).active().singleResult();
  }

  Article record(String number) {
    return records.find(number).orElseThrow();
  }

  /** Runs the work logged in as the user, with the user's groups, as Tasklist and the REST API do. */
  public <T> T as(String user, Supplier<T> work) {
    return steps.as(user, work);
  }
}
