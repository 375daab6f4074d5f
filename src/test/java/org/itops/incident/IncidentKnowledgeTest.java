package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itops.TestMail;
import org.itops.SuiteTest;
import org.itops.knowledge.KnowledgeScenario;
import org.itops.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The knowledge base in incident-lifecycle: suggestions on "Work on incident", uses counted, articles proposed. */
@SuiteTest
class IncidentKnowledgeTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired IncidentScenario scenario;
  @Autowired KnowledgeScenario knowledge;
  @Autowired KnowledgeBase knowledgeBase;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theWorkFormSuggestsArticlesAndCountsTheOneUsedOncePerIncident() {
    // IncidentScenario reports "Mail server down" / "Nobody receives mail" on configuration item mail-01
    String sameItem = knowledge.publish("engineer", "demo", "Mail server stops accepting mail",
        "Nobody receives mail, the queue grows", "Restart the mail transfer agent", "server", "mail-01");
    String otherItem = knowledge.publish("engineer", "demo", "Mail server certificate expired",
        "Clients refuse the mail server", "Renew the certificate", "server", "mail-02");

    String incident = scenario.reportAndTake("medium", "medium");

    Task work = scenario.task(incident, IncidentProcess.Element.WORK);
    Map<String, Object> form = taskService.getVariables(work.getId());
    String numbers = (String) form.get("suggestedArticleNumbers");
    assertThat(numbers.split(",")).startsWith(sameItem).contains(otherItem);
    assertThat((String) form.get("suggestedArticles")).contains("**" + sameItem + "** Mail server stops accepting mail");
    assertThat(form).containsEntry("usedArticle", null);

    scenario.complete(incident, IncidentProcess.Element.WORK, "engineer", Map.of("outcome", "resolved",
        "resolutionCode", "FIXED", "resolutionNotes", "Restarted the MTA as the article says", "usedArticle", sameItem));

    assertThat(useCount(sameItem)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select user_id from knowledge_use where article_number = ? and incident_number = ?",
        String.class, sameItem, incident)).isEqualTo("engineer");
    assertThat(useCount(otherItem)).isZero();
  }

  @Test
  void anArticleAlreadyMarkedForTheIncidentIsNotCountedAgain() {
    String article = knowledge.publish("engineer", "demo", "Mail relay rejects large attachments",
        "Mails over 10 MB bounce", "Raise message_size_limit", "server", null);
    String incident = scenario.reportAndTake("low", "low");
    // the service desk marked it through the API while the engineer worked
    assertThat(knowledge.as("desk", () -> knowledgeBase.markUsed(article, incident))).isTrue();

    scenario.complete(incident, IncidentProcess.Element.WORK, "engineer", Map.of("outcome", "resolved",
        "resolutionCode", "FIXED", "resolutionNotes", "Raised the limit", "usedArticle", article));

    assertThat(useCount(article)).isEqualTo(1);
  }

  @Test
  void aResolvedIncidentProposesAnArticleFiledUnderItsCategoryAndConfigurationItem() {
    String incident = scenario.reportAndTake("medium", "low");

    scenario.complete(incident, IncidentProcess.Element.WORK, "engineer", Map.of("outcome", "resolved",
        "resolutionCode", "FIXED", "resolutionNotes", "Cleared the deferred queue", "proposeArticle", true));

    ProcessInstance proposal = runtimeService.createProcessInstanceQuery().processDefinitionKey("knowledge-article")
        .variableValueEquals("sourceIncident", incident).singleResult();
    assertThat(proposal.getBusinessKey()).matches("KBA-\\d{6}");
    Map<String, Object> variables = runtimeService.getVariables(proposal.getId());
    assertThat(variables).containsEntry("recordNumber", proposal.getBusinessKey())
        .containsEntry("title", "Mail server down").containsEntry("symptoms", "Nobody receives mail")
        .containsEntry("resolution", "Cleared the deferred queue").containsEntry("category", "server")
        .containsEntry("configurationItem", "mail-01").containsEntry("owningGroup", "ops-engineers")
        .containsEntry("author", "engineer");
    Task write = taskService.createTaskQuery().processInstanceId(proposal.getId()).singleResult();
    assertThat(write.getTaskDefinitionKey()).isEqualTo("writeArticle");
    assertThat(write.getAssignee()).isEqualTo("engineer");
    assertThat(jdbc.queryForObject("select source_incident from knowledge_article where number = ?", String.class,
        proposal.getBusinessKey())).isEqualTo(incident);
  }

  private long useCount(String article) {
    return jdbc.queryForObject("select use_count from knowledge_article where number = ?", Long.class, article);
  }
}
