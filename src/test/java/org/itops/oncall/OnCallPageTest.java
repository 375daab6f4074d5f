package org.itops.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.itops.MutableClock;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.TestPagingReceiver;
import org.itops.kpi.KpiService;
import org.itops.platform.Hmac;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * on-call-page: each escalation path with its timers fired, the mail, the signed webhook against a real receiver,
 * the three ways to acknowledge and their idempotence, and the MTTA of the KPIs. The rota of each test is a group of
 * its own: engineer on duty (an override over now), desk next, changemgr its manager.
 */
@SuiteTest
class OnCallPageTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired Pages pages;
  @Autowired Rotas rotas;
  @Autowired ProcessSteps steps;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired MutableClock clock;
  @Autowired KpiService kpis;
  SuiteClient client;
  String group;
  String incident;

  @BeforeEach
  void aGroupWithARotaAndAP1Incident() {
    clock.reset();
    TestPagingReceiver.reset();
    client = new SuiteClient(port);
    group = "oncall-" + UUID.randomUUID().toString().substring(0, 8);
    identityService.saveGroup(identityService.newGroup(group));
    steps.as("manager", () -> rotas.save(group, new RotaRequest("changemgr", "UTC", "09:00", 7, "2026-01-05",
        List.of("desk", "engineer"))));
    steps.as("manager", () -> rotas.addOverride(group, new OverrideRequest("engineer",
        clock.instant().minus(Duration.ofDays(1)).toString(), clock.instant().plus(Duration.ofDays(1)).toString(),
        "swap with desk")));
    incident = "INC-T" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
  }

  @Test
  void thePersonOnDutyIsMailedAndTheWebhookSignedAndTheirAcknowledgementEndsThePage() throws Exception {
    page();

    assertThat(steps.task(incident, "acknowledgePage").getAssignee()).isEqualTo("engineer");
    assertThat(TestMail.addressees(smtp, subject -> subject.contains("PAGE P1")))
        .containsExactly("engineer@itops.localhost");
    TestPagingReceiver.Received call = TestPagingReceiver.received().get(0);
    assertThat(call.signature()).isEqualTo("sha256=" + Hmac.hex(TestPagingReceiver.SECRET, call.body()));
    JsonNode body = JSON.readTree(call.body());
    assertThat(body.get("incident").asText()).isEqualTo(incident);
    assertThat(body.get("title").asText()).isEqualTo("Core switch down");
    assertThat(body.get("priority").asText()).isEqualTo("P1");
    assertThat(body.get("group").asText()).isEqualTo(group);
    assertThat(body.get("person").asText()).isEqualTo("engineer");
    assertThat(body.get("step").asInt()).isEqualTo(1);

    steps.complete(incident, "acknowledgePage", "engineer", Map.of());

    assertThat(steps.path(incident)).isEnded().hasPassed("pageAcknowledged").hasNotPassed("notAcknowledgedInTime");
    assertThat(pages.find(incident).orElseThrow().acknowledgedBy()).isEqualTo("engineer");
    assertThat(timeline()).containsExactly("PAGED", "PAGE_ACKNOWLEDGED");
  }

  @Test
  void unacknowledgedThePageGoesToTheNextPersonWhoAcknowledgesOverTheApi() {
    page();

    escalate();

    assertThat(steps.task(incident, "acknowledgePage").getAssignee()).isEqualTo("desk");
    assertThat(TestMail.addressees(smtp, subject -> subject.contains("PAGE P1")))
        .containsExactly("engineer@itops.localhost", "desk@itops.localhost");
    assertThat(JSON.valueToTree(TestPagingReceiver.received().stream().map(r -> read(r.body()).get("person")).toList())
        .toString()).isEqualTo("[\"engineer\",\"desk\"]");

    HttpResponse<String> acknowledged = client.postJson("desk", "/api/incidents/" + incident + "/page/acknowledge",
        "");

    assertThat(acknowledged.statusCode()).isEqualTo(200);
    assertThat(read(acknowledged.body()).get("acknowledgedBy").asText()).isEqualTo("desk");
    assertThat(steps.path(incident)).isEnded().hasPassed("notAcknowledgedInTime", "pageAcknowledged");
    assertThat(timeline()).containsExactly("PAGED", "PAGE_ESCALATED", "PAGE_ACKNOWLEDGED");
  }

  @Test
  void neitherPersonAcknowledgingThePageGoesToTheGroupsManager() {
    page();

    escalate();
    escalate();

    assertThat(steps.task(incident, "acknowledgePage").getAssignee()).isEqualTo("changemgr");
    assertThat(TestMail.addressees(smtp, subject -> subject.contains("PAGE P1"))).last()
        .isEqualTo("changemgr@itops.localhost");
    steps.complete(incident, "acknowledgePage", "changemgr", Map.of());
    assertThat(pages.find(incident).orElseThrow().acknowledgedBy()).isEqualTo("changemgr");
    assertThat(pages.find(incident).orElseThrow().steps()).extracting(Pages.Step::user)
        .containsExactly("engineer", "desk", "changemgr");
  }

  @Test
  void nobodyOfTheRotaAcknowledgingThePageGoesToItManagersWhoAcknowledgeByTheMailedLinkOnce() throws Exception {
    page();
    escalate();
    escalate();

    escalate();

    Task task = steps.task(incident, "acknowledgePage");
    assertThat(task.getAssignee()).isNull();
    assertThat(steps.taskService().getIdentityLinksForTask(task.getId())).anyMatch(link ->
        "it-managers".equals(link.getGroupId()));
    List<String> managers = TestMail.addressees(smtp, subject -> subject.contains("PAGE P1"));
    assertThat(managers.subList(3, managers.size())).contains("manager@itops.localhost");
    String link = linkIn(mailTo("manager@itops.localhost"));
    assertThat(link).contains("/api/incidents/" + incident + "/page/acknowledge?signature=");
    assertThat(client.get("manager", link.replace("signature=", "signature=x")).statusCode()).isEqualTo(403);

    HttpResponse<String> first = client.get("manager", link);
    HttpResponse<String> second = client.get("manager", link);
    HttpResponse<String> third = client.postJson("demo", "/api/incidents/" + incident + "/page/acknowledge", "");

    assertThat(List.of(first.statusCode(), second.statusCode(), third.statusCode())).containsOnly(200);
    assertThat(read(third.body()).get("acknowledgedBy").asText()).isEqualTo("manager");
    assertThat(read(second.body()).get("acknowledgedAt")).isEqualTo(read(first.body()).get("acknowledgedAt"));
    assertThat(timeline()).containsExactly("PAGED", "PAGE_ESCALATED", "PAGE_ESCALATED", "PAGE_ESCALATED",
        "PAGE_ACKNOWLEDGED");
    assertThat(steps.path(incident)).isEnded();
  }

  @Test
  void theEarlierPersonStillAcknowledgesAnEscalatedPageAndSomeoneItNeverReachedCannot() {
    page();
    escalate();

    HttpResponse<String> stranger = client.postJson("owner", "/api/incidents/" + incident + "/page/acknowledge", "");
    HttpResponse<String> earlier = client.postJson("engineer", "/api/incidents/" + incident + "/page/acknowledge",
        "");

    assertThat(stranger.statusCode()).isEqualTo(403);
    assertThat(earlier.statusCode()).isEqualTo(200);
    assertThat(pages.find(incident).orElseThrow().acknowledgedBy()).isEqualTo("engineer");
    assertThat(steps.path(incident)).isEnded().hasPassed("pageAcknowledged");
  }

  @Test
  void theIncidentsReadersSeeWhomThePageReachesAndWhetherTheyMayAcknowledgeIt() {
    HttpResponse<String> reported = client.postJson("requester", "/api/incidents", """
        {"title": "Core switch down", "description": "No network on floor 3", "category": "network",
         "impact": "low", "urgency": "low"}""");
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    incident = read(reported.body()).get("number").asText();
    page();

    JsonNode paged = pageAs("engineer");

    assertThat(paged.get("status").asText()).isEqualTo("OPEN");
    assertThat(paged.at("/current/user").asText()).isEqualTo("engineer");
    assertThat(paged.at("/current/step").asInt()).isOne();
    assertThat(paged.get("canAcknowledge").asBoolean()).as("the person paged").isTrue();
    assertThat(pageAs("manager").get("canAcknowledge").asBoolean()).as("an IT manager").isTrue();
    assertThat(pageAs("desk").get("canAcknowledge").asBoolean()).as("next on the rota, not reached yet").isFalse();
    assertThat(pageAs("requester").get("canAcknowledge").asBoolean()).as("who reported it").isFalse();

    client.postJson("engineer", "/api/incidents/" + incident + "/page/acknowledge", "");

    JsonNode acknowledged = pageAs("engineer");
    assertThat(acknowledged.get("status").asText()).isEqualTo("ACKNOWLEDGED");
    assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo("engineer");
    assertThat(acknowledged.get("canAcknowledge").asBoolean()).as("nothing left to acknowledge").isFalse();
  }

  private JsonNode pageAs(String user) {
    HttpResponse<String> answer = client.get(user, "/api/incidents/" + incident + "/page");
    assertThat(answer.statusCode()).as(user + ": " + answer.body()).isEqualTo(200);
    return read(answer.body());
  }

  @Test
  void aFailingReceiverLeavesARetryingJobThenAnIncidentWhileThePageWaitsForItsAcknowledgement() {
    TestPagingReceiver.answer(503);
    pages.request(incident, group, "P1", "Core switch down");

    Job webhook = webhookJob();
    assertThatThrownBy(() -> managementService.executeJob(webhook.getId())).hasMessageContaining("503");
    Job retrying = webhookJob();
    assertThat(retrying.getRetries()).isPositive();
    assertThat(retrying.getExceptionMessage()).contains("answered 503");
    while (webhookJob().getRetries() > 0) {
      try {
        managementService.executeJob(webhookJob().getId());
      } catch (RuntimeException expected) {
        // each failure takes one retry, as the job executor's attempts over the retry cycle do
      }
    }

    assertThat(runtimeService.createIncidentQuery().processInstanceId(webhook.getProcessInstanceId())
        .activityId("callPagingWebhook").count()).isOne();
    assertThat(steps.task(incident, "acknowledgePage").getAssignee()).isEqualTo("engineer");
    assertThat(TestPagingReceiver.received()).hasSizeGreaterThan(1);
  }

  @Test
  void anIncidentIsPagedOnceHoweverOftenItIsAskedFor() {
    boolean first = pages.request(incident, group, "P1", "Core switch down");
    boolean second = pages.request(incident, group, "P1", "Core switch down");

    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("on-call-page")
        .processInstanceBusinessKey(incident).count()).isOne();
  }

  @Test
  void theMeanTimeToAcknowledgeOfThePeriodCountsItsPages() {
    clock.advance(Duration.ofDays(3650 + ThreadLocalRandom.current().nextInt(1000)));
    Instant from = clock.instant().truncatedTo(ChronoUnit.HOURS);
    page();
    clock.advance(Duration.ofMinutes(7));
    String onDuty = steps.task(incident, "acknowledgePage").getAssignee(); // the rotation's, years from the override

    steps.complete(incident, "acknowledgePage", onDuty, Map.of());

    var paging = kpis.of(from, from.plus(Duration.ofDays(1)), null).pages();
    assertThat(paging.paged()).isOne();
    assertThat(paging.acknowledged()).isOne();
    assertThat(paging.mttaMinutes()).isEqualTo(7.0);
  }

  private void page() {
    pages.request(incident, group, "P1", "Core switch down");
    steps.runAsyncJobs(incident);
  }

  /** The acknowledgement's time runs out: the page goes to its next step, whose mail and webhook are sent. */
  private void escalate() {
    steps.fire(incident, "notAcknowledgedInTime");
    steps.runAsyncJobs(incident);
  }

  private Job webhookJob() {
    return managementService.createJobQuery().processDefinitionKey("on-call-page").activityId("callPagingWebhook")
        .list().stream().filter(job -> runtimeService.createProcessInstanceQuery()
            .processInstanceId(job.getProcessInstanceId()).processInstanceBusinessKey(incident).count() == 1)
        .findFirst().orElseThrow();
  }

  private List<String> timeline() {
    return jdbc.queryForList("select type from record_event where record_number = ? order by id", String.class,
        incident);
  }

  private MimeMessage mailTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> TestMail.recipientsOf(mail).contains(address))
        .reduce((first, last) -> last).orElseThrow();
  }

  /** The path and query of the mail's acknowledge link (the mail has the suite's configured base URL). */
  private static String linkIn(MimeMessage mail) {
    Matcher link = Pattern.compile("https?://[^/\\s]+(/api/incidents/\\S+)").matcher(GreenMailUtil.getBody(mail));
    assertThat(link.find()).as("an acknowledge link in the mail").isTrue();
    return link.group(1);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(json, e);
    }
  }
}
