package org.itops.securityops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.itops.ProcessSteps;
import org.itops.ReadAttempts;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.attachment.Attachments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A security concern of anybody with a login (the portal's "Report a security concern") over real HTTP: a security
 * incident with them as its reporter, worked by the security team; the reporter reads its receipt and adds evidence
 * while it is open, and sees only the files they added.
 */
@SuiteTest
class SecurityConcernTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired SecurityIncidentScenario scenario;
  @Autowired ProcessSteps steps;
  @Autowired JdbcTemplate jdbc;
  @Autowired IdentityService identityService;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void aRequesterReportsAConcernThatTheSecurityTeamWorksAndReadsOnlyItsReceipt() throws Exception {
    String summary = "Someone asked for my password by phone " + UUID.randomUUID();

    String number = concern("requester", summary);

    SecurityIncident incident = scenario.record(number);
    assertThat(incident.reporter()).isEqualTo("requester");
    assertThat(incident.source()).isEqualTo("concern");
    assertThat(incident.severity()).isEqualTo(SecurityIncidentProcess.CONCERN_SEVERITY);
    assertThat(steps.instance(number).getProcessDefinitionId()).startsWith(SecurityIncidentProcess.KEY + ":");
    assertThat(steps.task(number, SecurityIncidentProcess.Element.TRIAGE)).isNotNull();
    JsonNode receipt = JSON.readTree(client.get("requester", "/api/security-incidents/" + number).body());
    assertThat(receipt.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(receipt.has("description")).isFalse();
    assertThat(client.get("requester", "/api/my/requests?kind=SEC&q=" + number).body()).contains(summary);
    assertThat(client.get("requester", "/api/records/" + number + "/audit").statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(client.get("secops", "/api/security-incidents/" + number).body())
        .path("incident").path("description").asText()).isEqualTo("He said he was from IT");
  }

  @Test
  void anyoneWithALoginReportsAConcernButOnlyTheTeamAndTheDeskAFullIncident() throws Exception {
    String number = concern("engineer", "A USB stick lay in the car park " + UUID.randomUUID());

    assertThat(scenario.record(number).reporter()).isEqualTo("engineer");
    assertThat(client.postJson("engineer", "/api/security-incidents", """
        {"summary": "Port scan", "description": "From outside", "severity": "low"}""").statusCode()).isEqualTo(403);
  }

  @Test
  void aConcernWithoutItsTextsOrWithASeverityIsRefusedAndOpensNothing() throws Exception {
    long before = count();

    HttpResponse<String> empty = client.postJson("requester", "/api/security-incidents/concerns", """
        {"summary": " ", "affectedAssets": "%s"}""".formatted("x".repeat(1001)));
    HttpResponse<String> inChinese = client.send(concernRequest("requester", "{\"summary\": \"\"}")
        .header("Accept-Language", "zh-CN"));
    HttpResponse<String> graded = client.postJson("requester", "/api/security-incidents/concerns", """
        {"summary": "Phishing", "description": "A mail", "severity": "critical"}""");

    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("summary", "description", "affectedAssets");
    assertThat(inChinese.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(inChinese.body()).path("message").asText()).containsPattern("\\p{IsHan}");
    assertThat(graded.statusCode()).isEqualTo(400);
    assertThat(graded.body()).contains("severity");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aRetriedConcernOpensOneIncident() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = "{\"summary\": \"Laptop screen photographed " + key + "\", \"description\": \"On the train\"}";

    HttpResponse<String> first = client.send(concernRequest("requester", body).header("Idempotency-Key", key));
    HttpResponse<String> retried = client.send(concernRequest("requester", body).header("Idempotency-Key", key));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(JSON.readTree(retried.body()).path("number").asText())
        .isEqualTo(JSON.readTree(first.body()).path("number").asText());
    assertThat(jdbc.queryForObject("select count(*) from security_incident where summary like ?", Long.class,
        "%" + key + "%")).isOne();
  }

  @Test
  void theReporterAddsEvidenceWhileItIsOpenAndSeesOnlyTheirOwnFiles() throws Exception {
    String neighbour = ReadAttempts.newUser(identityService, "neighbour", "requesters");
    try {
      String number = concern("requester", "A mail asked me to log in again " + UUID.randomUUID());
      String path = "/api/security-incidents/" + number + "/attachments";

      JsonNode mine = JSON.readTree(client.upload("requester", path, "mail.eml", bytes("From: it-support")).body());
      JsonNode teams = JSON.readTree(client.upload("secops", path, "sender-ip.txt", bytes("203.0.113.9")).body());

      assertThat(JSON.readTree(client.get("requester", path).body()).path("items").findValuesAsText("fileName"))
          .containsExactly("mail.eml");
      assertThat(client.get("requester", mine.path("download").asText()).statusCode()).isEqualTo(200);
      assertThat(client.get("requester", teams.path("download").asText()).statusCode()).isEqualTo(404);
      assertThat(client.get(neighbour, path).statusCode()).isEqualTo(404);
      assertThat(client.upload(neighbour, path, "spam.txt", bytes("hello")).statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(client.get("secops", path).body()).path("items").findValuesAsText("fileName"))
          .containsExactlyInAnyOrder("mail.eml", "sender-ip.txt");
      assertThat(steps.runtime().getVariable(steps.instance(number).getId(), Attachments.LINKS_VARIABLE))
          .asString().contains("mail\\.eml", "sender\\-ip\\.txt");

      scenario.triageAndContain(number, null, 0);
      scenario.eradicateAndRecover(number);
      scenario.writeReport(number);

      assertThat(client.upload("requester", path, "late.txt", bytes("one more")).statusCode()).isEqualTo(404);
      assertThat(client.get("requester", path).statusCode()).isEqualTo(404);
      assertThat(jdbc.queryForObject("select count(*) from attachment where record_number = ?", Long.class, number))
          .isEqualTo(2);
    } finally {
      identityService.deleteUser(neighbour);
    }
  }

  private String concern(String user, String summary) throws Exception {
    HttpResponse<String> created = client.postJson(user, "/api/security-incidents/concerns", """
        {"summary": "%s", "description": "He said he was from IT", "affectedAssets": "my account"}"""
        .formatted(summary));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String number = JSON.readTree(created.body()).path("number").asText();
    steps.runAsyncJobs(number);
    return number;
  }

  private HttpRequest.Builder concernRequest(String user, String body) {
    return client.request(user, "/api/security-incidents/concerns").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body));
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from security_incident", Long.class);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
