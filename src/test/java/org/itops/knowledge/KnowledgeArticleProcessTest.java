package org.itops.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.itops.knowledge.KnowledgeProcess.Element;
import static org.itops.knowledge.KnowledgeProcess.Var;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.knowledge.Article.Status;
import org.itops.platform.InvalidRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * knowledge-article, one test per path: proposed and published, back with comments, self-approval refused, a
 * revision, retirement. (Proposed by a resolved incident: org.itops.incident.IncidentKnowledgeTest.)
 */
@SuiteTest
class KnowledgeArticleProcessTest {

  @Autowired KnowledgeScenario scenario;
  @Autowired KnowledgeService knowledge;
  @Autowired KnowledgeBase base;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
  }

  @Test
  void aStaffProposalIsWrittenReviewedAndPublished() {
    String number = scenario.propose("engineer", "Switch port flaps after firmware update",
        "Link up/down every few minutes on access switches", "Disable energy efficient ethernet on the port",
        "network", "sw-access-07");
    ProcessInstance instance = scenario.instance(number);

    assertThat(instance).isWaitingAt(Element.WRITE);
    assertThat(scenario.task(number, Element.WRITE).getAssignee()).isEqualTo("engineer");
    assertThat(runtimeService.getVariables(instance.getId())).containsEntry(Var.RECORD_NUMBER, number)
        .containsEntry(Var.TITLE, "Switch port flaps after firmware update").containsKey(Var.PRIORITY)
        .containsEntry(Var.OWNING_GROUP, "ops-engineers");
    assertThat(scenario.record(number).getStatus()).isEqualTo(Status.DRAFT);

    scenario.write(number, "engineer", Map.of(Var.CAUSE, "The firmware enables EEE by default"));
    assertThat(scenario.record(number).getStatus()).isEqualTo(Status.IN_REVIEW);
    assertThat(engine.getTaskService().createTaskQuery().taskId(scenario.task(number, Element.REVIEW).getId())
        .taskCandidateGroup("ops-engineers").count()).isEqualTo(1);
    scenario.approve(number, "demo");

    assertThat(instance).isEnded().hasPassed(Element.REGISTER, Element.WRITE, Element.SUBMIT, Element.REVIEW,
        Element.PUBLISH, Element.PUBLISHED).hasNotPassed(Element.RETURN);
    Article article = scenario.record(number);
    assertThat(article.getStatus()).isEqualTo(Status.PUBLISHED);
    assertThat(article.getVersion()).isEqualTo(1);
    assertThat(article.getPublishedVersion()).isEqualTo(1);
    assertThat(article.getAuthor()).isEqualTo("engineer");
    assertThat(article.getReviewers()).isEqualTo("demo");
    assertThat(article.getCause()).isEqualTo("The firmware enables EEE by default");
    assertThat(base.versions(number)).singleElement().satisfies(v -> assertThat(v.reviewer()).isEqualTo("demo"));
    assertThat(scenario.as("requester", () -> base.search("switch port flaps", null, null, 0, 5)).items())
        .first().extracting(KnowledgeRepository.Hit::number).isEqualTo(number);
    assertThat(base.timelineOf(number)).extracting(e -> e.type())
        .containsExactly("PROPOSED", "SUBMITTED", "PUBLISHED");
  }

  @Test
  void anArticleSentBackWithCommentsIsRewrittenAndThenApproved() {
    String number = scenario.propose("desk", "Password reset mail never arrives", "Users wait for the reset link",
        "Check the spam folder", "access", null);
    ProcessInstance instance = scenario.instance(number);
    scenario.write(number, "desk", Map.of());

    scenario.sendBack(number, "demo", "Say which mail filter rule catches it");

    assertThat(instance).isWaitingAt(Element.WRITE).hasPassed(Element.RETURN).hasNotPassed(Element.PUBLISH);
    assertThat(scenario.record(number).getStatus()).isEqualTo(Status.DRAFT);
    assertThat(runtimeService.getVariable(instance.getId(), Var.REVIEW_COMMENTS))
        .isEqualTo("Say which mail filter rule catches it");
    assertThat(scenario.task(number, Element.WRITE).getAssignee()).isEqualTo("desk");

    scenario.write(number, "desk", Map.of(Var.RESOLUTION, "Release it from quarantine; rule 'bulk-external' caught it"));
    assertThat(runtimeService.getVariable(instance.getId(), Var.REVIEW_COMMENTS)).isNull();
    scenario.approve(number, "demo");

    assertThat(instance).isEnded().hasPassed(Element.RETURN, Element.PUBLISH);
    assertThat(scenario.record(number).getResolution()).contains("bulk-external");
    assertThat(base.timelineOf(number)).extracting(e -> e.type())
        .containsExactly("PROPOSED", "SUBMITTED", "RETURNED", "SUBMITTED", "PUBLISHED");
    assertThat(base.timelineOf(number).get(2).detail()).isEqualTo("Say which mail filter rule catches it");
  }

  @Test
  void sendingBackWithoutCommentsIsRefused() {
    String number = scenario.propose("desk", "Printer queue stalls", null, "Restart the spooler", null, null);
    scenario.write(number, "desk", Map.of());

    assertThatThrownBy(() -> scenario.sendBack(number, "demo", " ")).hasRootCauseInstanceOf(
        InvalidRequestException.class).rootCause().hasMessageContaining(Var.REVIEW_COMMENTS);
    assertThat(scenario.instance(number)).isWaitingAt(Element.REVIEW);
  }

  @Test
  void theAuthorCannotApproveTheirOwnArticleNeitherInTasklistNorThroughTheEngineApi() {
    String number = scenario.propose("engineer", "Disk full on log partition", "Services stop writing logs",
        "Rotate and compress /var/log", "server", null);
    scenario.write(number, "engineer", Map.of());

    assertThatThrownBy(() -> scenario.approve(number, "engineer")).hasRootCauseInstanceOf(
        InvalidRequestException.class).rootCause().hasMessageContaining("you wrote this version");
    String taskId = scenario.task(number, Element.REVIEW).getId();
    HttpResponse<String> refused = new SuiteClient(port).postJson("engineer", "/engine-rest/task/" + taskId
        + "/complete", "{\"variables\": {\"decision\": {\"value\": \"approve\"}}}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("you wrote this version");
    assertThat(scenario.instance(number)).isWaitingAt(Element.REVIEW);
    assertThat(scenario.record(number).getStatus()).isEqualTo(Status.IN_REVIEW);
    engine.getTaskService().setAssignee(taskId, null);
    scenario.approve(number, "demo");
    assertThat(scenario.record(number).getStatus()).isEqualTo(Status.PUBLISHED);
  }

  @Test
  void aRevisionPublishesVersionTwoWhileVersionOneStaysInHistoryAndSearch() {
    String number = scenario.publish("engineer", "demo", "Certificate expired on load balancer",
        "Browsers warn about an invalid certificate", "Renew the certificate in the vault", "network", "lb-01");

    scenario.as("desk", () -> {
      knowledge.revise(number);
      return null;
    });

    ProcessInstance revision = scenario.instance(number);
    assertThat(revision).isWaitingAt(Element.WRITE);
    assertThat(runtimeService.getVariable(revision.getId(), Var.VERSION)).isEqualTo(2);
    assertThat(runtimeService.getVariable(revision.getId(), Var.RESOLUTION)).isEqualTo("Renew the certificate in the vault");
    assertThat(scenario.record(number).getStatus()).isEqualTo(Status.DRAFT);
    // while version 2 is written, search still finds version 1
    assertThat(base.search("certificate expired", null, null, 0, 5).items()).extracting(
        KnowledgeRepository.Hit::number).contains(number);
    assertThatThrownBy(() -> scenario.as("desk", () -> {
      knowledge.revise(number);
      return null;
    })).isInstanceOf(InvalidRequestException.class);

    scenario.write(number, "desk", Map.of(Var.RESOLUTION, "Renew with the ACME client; it renews automatically",
        Var.TITLE, "Certificate expired on load balancer (ACME)"));
    scenario.approve(number, "engineer");

    assertThat(revision).isEnded().hasPassed(Element.PUBLISH);
    Article article = scenario.record(number);
    assertThat(article.getVersion()).isEqualTo(2);
    assertThat(article.getPublishedVersion()).isEqualTo(2);
    assertThat(article.getAuthor()).isEqualTo("desk");
    assertThat(article.getReviewers()).isEqualTo("demo,engineer");
    assertThat(base.versions(number)).extracting(KnowledgeRepository.Version::version,
        KnowledgeRepository.Version::resolution, KnowledgeRepository.Version::reviewer).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1, "Renew the certificate in the vault", "demo"),
        org.assertj.core.groups.Tuple.tuple(2, "Renew with the ACME client; it renews automatically", "engineer"));
    assertThat(base.search("acme", null, null, 0, 5).items()).extracting(KnowledgeRepository.Hit::number)
        .containsExactly(number);
    assertThat(base.search("vault", null, null, 0, 5).items()).extracting(KnowledgeRepository.Hit::number)
        .doesNotContain(number);
  }

  @Test
  void aRetiredArticleLeavesSearchAndCannotBeRevised() {
    String number = scenario.publish("desk", "demo", "Badge reader rejects new badges",
        "Door stays locked for badges issued this week", "Sync the badge database", "workplace", null);
    assertThat(base.search("badge reader", null, null, 0, 5).items()).extracting(
        KnowledgeRepository.Hit::number).contains(number);

    scenario.as("desk", () -> {
      knowledge.retire(number, "Badge readers replaced");
      return null;
    });

    assertThat(scenario.record(number).getStatus()).isEqualTo(Status.RETIRED);
    assertThat(base.search("badge reader", null, null, 0, 5).items()).extracting(
        KnowledgeRepository.Hit::number).doesNotContain(number);
    assertThat(jdbc.queryForObject("select count(*) from knowledge_term where article_number = ?", Long.class,
        number)).isZero();
    assertThat(base.versions(number)).hasSize(1);
    assertThatThrownBy(() -> scenario.as("desk", () -> {
      knowledge.revise(number);
      return null;
    })).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void aProposalWithoutResolutionStartsNothing() {
    long before = jdbc.queryForObject("select count(*) from knowledge_article", Long.class);

    assertThatThrownBy(() -> scenario.propose("desk", "Something odd", "It happens", " ", null, null))
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("resolution");

    assertThat(jdbc.queryForObject("select count(*) from knowledge_article", Long.class)).isEqualTo(before);
  }

  @Test
  void everyElementIdOfTheConstantsIsInTheModel() throws Exception {
    String id = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KnowledgeProcess.KEY)
        .latestVersion().singleResult().getId();
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(id);
    for (Field field : KnowledgeProcess.Element.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())) {
        assertThat((Object) model.getModelElementById((String) field.get(null))).as(field.getName()).isNotNull();
      }
    }
  }
}
