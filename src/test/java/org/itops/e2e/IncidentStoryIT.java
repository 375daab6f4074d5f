package org.itops.e2e;

import org.itops.TestMail;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The incident story as the people do it, in Tasklist and Cockpit, in a real Chromium. */
@EndToEndTest
class IncidentStoryIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anIncidentGoesFromTheRequesterThroughTheDeskAndTheEngineerBackToTheRequester() {
    String title = "Shared drive unreachable " + UUID.randomUUID().toString().substring(0, 8);
    try (Browser browser = new Browser(port)) {
      browser.login("tasklist", "requester");
      browser.startProcess("Incident lifecycle");
      browser.type("titleField", title);
      browser.type("descriptionField", "Drive S: says 'network path not found' since 9:00");
      browser.select("categoryField", "Network and connectivity");
      browser.choose("impactField", "Medium: a team or part of a service");
      browser.choose("urgencyField", "High: work has stopped");
      browser.screenshot("requester-reports-an-incident");
      browser.submitStartForm();
      String number = new IncidentRecords(jdbc).numberOf(browser, title);

      browser.login("tasklist", "desk");
      browser.openTask("My groups' tasks", "Triage incident", number);
      Timestamp responseDue = jdbc.queryForObject("select response_due from incident where number = ?",
          Timestamp.class, number);
      assertThat(browser.formText()).contains(number).contains("Priority P2")
          .contains("Respond by " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(UTC'xxx')'")
              .format(responseDue.toInstant().atZone(ZoneId.systemDefault()))); // the suite's zone: the system's
      browser.screenshot("desk-sees-priority-and-sla-due-time");
      browser.claim();
      browser.select("assignedGroupField", "Operations engineers");
      browser.complete();
      waitForStatus(browser, number, "ASSIGNED");
      browser.screenshot("desk-assigned-it");

      browser.login("tasklist", "engineer");
      browser.openTask("My groups' tasks", "Take incident", number);
      browser.claim();
      browser.complete();
      waitForStatus(browser, number, "IN_PROGRESS");
      browser.openTask("My tasks", "Work on incident", number);
      browser.choose("outcomeField", "Resolved");
      browser.select("resolutionCodeField", "Fixed");
      browser.type("resolutionNotesField", "Replaced the failed switch port");
      browser.screenshot("engineer-resolves-it");
      browser.complete();
      waitForStatus(browser, number, "RESOLVED");

      browser.login("tasklist", "requester");
      browser.openTask("My tasks", "Confirm resolution", number);
      assertThat(browser.fieldValue("resolutionNotesField")).isEqualTo("Replaced the failed switch port");
      browser.choose("confirmationField", "Yes, close the incident");
      browser.screenshot("requester-confirms");
      browser.complete();
      waitForStatus(browser, number, "CLOSED");

      browser.login("cockpit", "demo");
      browser.findRecordInCockpit(number, "COMPLETED");
      assertThat(browser.pageText()).contains(number).contains("Incident lifecycle");
      browser.screenshot("demo-finds-the-ended-instance-in-cockpit");
    }
  }

  @Test
  void aRequiredFieldLeftEmptyBlocksTheReportWithAVisibleMessage() {
    long before = jdbc.queryForObject("select count(*) from incident", Long.class);
    try (Browser browser = new Browser(port)) {
      browser.login("tasklist", "requester");
      browser.startProcess("Incident lifecycle");
      browser.type("titleField", "Only a title");
      browser.submitStartForm();

      browser.eventually(() -> !browser.fieldErrors().isEmpty(), "the form's validation messages");
      assertThat(browser.fieldErrors()).contains("Field is required.");
      browser.screenshot("required-fields-block-the-report");
      Browser.sleep(1000);
    }
    assertThat(jdbc.queryForObject("select count(*) from incident", Long.class)).isEqualTo(before);
  }

  private void waitForStatus(Browser browser, String number, String status) {
    new IncidentRecords(jdbc).waitForStatus(browser, number, status);
  }
}
