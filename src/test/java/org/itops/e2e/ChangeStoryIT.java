package org.itops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.itops.TestMail;
import org.itops.SuiteClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A high-risk change as the people approve it in Tasklist, in a real Chromium: the change manager accepts it for
 * the CAB, three CAB members approve it (the quorum of a high-risk change), an IT manager approves it, and it is
 * scheduled into its window.
 */
@EndToEndTest
class ChangeStoryIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void threeCabMembersApproveAChangeInTasklistAndItIsScheduled() throws Exception {
    SuiteClient api = new SuiteClient(port);
    String item = "core-db-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.postJson("engineer", "/api/cis", """
        {"name": "%s", "type": "database", "environment": "production", "ownerGroup": "ops-engineers",
         "criticality": "critical"}""".formatted(item)).statusCode()).isEqualTo(201);
    Instant start = Instant.now().plus(Duration.ofDays(3));
    String number = JSON.readTree(api.postJson("engineer", "/api/changes", """
        {"summary": "Upgrade the core database", "reason": "End of support", "type": "normal", "impact": "medium",
         "configurationItems": ["%s"], "implementationPlan": "Fail over, upgrade, fail back",
         "backoutPlan": "Fail over to the old primary", "testEvidence": "Rehearsed on staging",
         "plannedStart": "%s", "plannedEnd": "%s"}""".formatted(item, start, start.plus(Duration.ofHours(4))))
        .body()).path("number").asText();

    try (Browser browser = new Browser(port)) {
      browser.login("tasklist", "changemgr");
      browser.openTask("My groups' tasks", "Review change", number);
      assertThat(browser.formText()).contains(number).contains("risk high").contains(item + "@production");
      browser.claim();
      browser.choose("decisionField", "Accept: the CAB votes on it");
      browser.screenshot("change-manager-accepts-the-change-for-the-cab");
      browser.complete();
      waitFor(browser, number + "'s CAB vote", () -> votes(number) == 0
          && jdbc.queryForObject("select count(*) from record_event where record_number = ? and type = 'CAB_CALLED'",
          Long.class, number) == 1);

      for (String member : new String[] {"cab1", "cab2", "cab3"}) {
        browser.login("tasklist", member);
        browser.openTask("My tasks", "Vote on change", number);
        browser.choose("voteField", "Approve");
        browser.screenshot(member + "-approves-the-change");
        browser.complete();
        waitFor(browser, member + "'s vote", () -> votedBy(number, member));
      }

      browser.login("tasklist", "manager");
      browser.openTask("My groups' tasks", "Approve high-risk change", number);
      assertThat(browser.formText()).contains("3 approve");
      browser.claim();
      browser.choose("decisionField", "Approve");
      browser.complete();
      waitFor(browser, number + " to be scheduled", () -> "SCHEDULED".equals(jdbc.queryForObject(
          "select status from change_request where number = ?", String.class, number)));
      browser.screenshot("the-change-is-scheduled");
    }
  }

  private long votes(String number) {
    return jdbc.queryForObject("select count(*) from record_event where record_number = ? and type = 'CAB_VOTE'",
        Long.class, number);
  }

  private boolean votedBy(String number, String member) {
    return jdbc.queryForObject("select count(*) from record_event where record_number = ? and type = 'CAB_VOTE'"
        + " and detail like ?", Long.class, number, member + " votes approve%") == 1;
  }

  private static void waitFor(Browser browser, String what, java.util.function.Supplier<Boolean> condition) {
    browser.eventually(condition, what);
  }
}
