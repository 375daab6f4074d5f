package org.itops.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.itops.ProcessSteps;
import org.itops.ReadAttempts;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read rule of service reviews and the KPI report kept in each (docs/security.md, "Who may do what"): those who
 * start and watch service-review (service owners, IT managers, process owners) read them; for everybody else they do
 * not exist.
 */
@SuiteTest
class AServiceDeskMemberCannotReadServiceReviews {

  private static final List<String> OUTSIDERS = List.of("desk", "engineer", "changemgr", "cab1", "secops", "requester");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessSteps steps;
  ReadAttempts attempts;
  String number;

  @BeforeEach
  void aServiceOwnerAsksForAReview() throws Exception {
    SuiteClient client = new SuiteClient(port);
    attempts = new ReadAttempts(client, jdbc);
    var created = client.postJson("owner", "/api/reviews", "{\"from\": \"2031-03-01\", \"to\": \"2031-04-01\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    number = new ObjectMapper().readTree(created.body()).path("number").asText();
    steps.runAsyncJobs(number);
  }

  @Test
  void notTheReview() {
    long before = attempts.timelineEntries(number);

    for (String outsider : OUTSIDERS) {
      attempts.refused(outsider, "/api/reviews/" + number, 404, "2031-03-01");
    }

    assertThat(attempts.timelineEntries(number)).isEqualTo(before);
    for (String reader : List.of("owner", "manager", "modeler")) {
      assertThat(attempts.read(reader, "/api/reviews/" + number).toString()).as(reader).contains("2031-03-01");
    }
    assertThat(attempts.status("manager", "/api/reviews/REV-999999999")).isEqualTo(404);
  }

  @Test
  void notInTheAuditTrail() {
    for (String outsider : OUTSIDERS) {
      attempts.noTrail(outsider, number);
    }
    attempts.trail("owner", number);
  }

  @Test
  void notThroughTheEngine() {
    attempts.engineShowsNothing("desk", number);
    attempts.engineShowsNothing("requester", number);
  }
}
