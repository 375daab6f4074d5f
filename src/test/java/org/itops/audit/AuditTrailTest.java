package org.itops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.notification.MailOutbox;
import org.itops.notification.NotificationService;
import org.itops.platform.Csv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/records/{number}/audit over real HTTP: who did what and when, as JSON and CSV, and who may read it. */
@SuiteTest
class AuditTrailTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired AuditService audits;
  @Autowired ProcessSteps steps;
  @Autowired MailOutbox outbox;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @Test
  void theTrailListsTheStartEveryCompletedTaskAndTheTimelineInOrder() throws Exception {
    String number = steps.as("manager", () -> audits.audit("Backups", List.of("A.8.13")));
    steps.complete(number, "collectEvidence", "engineer", Map.of("evidence", "Backup report, \"weekly\""));
    outbox.request(new NotificationService.Notification("fixture-work-done", number, List.of("ops-engineers"),
        List.of(), Map.of("summary", "Backups"), null, null));
    steps.runAsyncJobs(number);

    HttpResponse<String> response = client.get("engineer", "/api/records/" + number + "/audit");

    assertThat(response.statusCode()).isEqualTo(200);
    List<String> lines = new ArrayList<>();
    Instant previous = Instant.MIN;
    for (JsonNode entry : JSON.readTree(response.body())) {
      Instant at = Instant.parse(entry.path("at").asText());
      assertThat(at).isAfterOrEqualTo(previous);
      previous = at;
      lines.add(entry.path("source").asText() + " " + entry.path("action").asText() + " "
          + entry.path("actor").asText());
    }
    assertThat(lines).contains("process PROCESS_STARTED manager", "timeline STARTED manager",
        "timeline EVIDENCE engineer", "task TASK_COMPLETED engineer");
    assertThat(lines.stream().filter("mail MAIL_SENT system"::equals))
        .as("a line per recipient of the mail (ops-engineers: engineer and demo)").hasSize(2);

    HttpResponse<String> csv = client.get("manager", "/api/records/" + number + "/audit.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body()).as("UTF-8 with BOM, for spreadsheets").startsWith(Csv.BOM + "at,actor,source,action,detail\r\n")
        .contains(",engineer,timeline,EVIDENCE,\"A.8.13: Backup report, \"\"weekly\"\"\"\r\n");
  }

  @Test
  void requestersReadNoTrailAndAnUnknownRecordIsNotFound() {
    String number = steps.as("manager", () -> audits.audit("Backups", List.of("A.8.13")));

    assertThat(client.get("requester", "/api/records/" + number + "/audit").statusCode()).isEqualTo(404);
    assertThat(client.get("manager", "/api/records/INC-999999999/audit").statusCode()).isEqualTo(404);
  }

  @Test
  void aSecurityIncidentsTrailIsForTheSecurityTeamOnly() throws Exception {
    HttpResponse<String> reported = client.postJson("desk", "/api/security-incidents", "{\"summary\":\"Leaked key "
        + UUID.randomUUID() + "\",\"description\":\"An API key in a public repository\",\"severity\":\"high\"}");
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    String number = JSON.readTree(reported.body()).path("number").asText();

    assertThat(JSON.readTree(client.get("secops", "/api/records/" + number + "/audit").body()))
        .anyMatch(e -> e.path("action").asText().equals("REPORTED"));
    for (String outsider : List.of("desk", "engineer", "manager", "modeler", "requester")) {
      HttpResponse<String> json = client.get(outsider, "/api/records/" + number + "/audit");
      assertThat(json.statusCode()).as(outsider).isEqualTo(404);
      assertThat(json.body()).doesNotContain("Leaked");
      assertThat(client.get(outsider, "/api/records/" + number + "/audit.csv").statusCode()).as(outsider)
          .isEqualTo(404);
    }
  }
}
