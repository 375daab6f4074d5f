package org.itops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.itops.ProcessSteps;
import org.itops.ReadAttempts;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read rule of compliance audits, their evidence and findings (docs/security.md, "Who may do what"): IT managers
 * and the security team read all; the owner groups of an audit's controls read that audit (Tasklist shows it to them).
 * A backup audit (A.8.13, owned by ops-engineers) is tried by the service desk, a change manager and a requester.
 */
@SuiteTest
class AStaffMemberCannotReadAnAuditOfOtherGroupsControls {

  private static final List<String> OUTSIDERS = List.of("desk", "changemgr", "cab1", "owner", "requester");

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired AuditService audits;
  @Autowired ProcessSteps steps;
  @Autowired JdbcTemplate jdbc;
  ReadAttempts attempts;
  String evidence;
  String number;

  @BeforeEach
  void anAuditOfTheBackupsHasEvidence() {
    attempts = new ReadAttempts(new SuiteClient(port), jdbc);
    number = steps.as("manager", () -> audits.audit("Backups", List.of("A.8.13")));
    evidence = "Restore test of " + UUID.randomUUID();
    steps.complete(number, AuditProcess.Element.COLLECT_EVIDENCE, "engineer", Map.of("evidence", evidence));
  }

  @Test
  void notTheReport() {
    long before = attempts.timelineEntries(number);

    for (String outsider : OUTSIDERS) {
      attempts.refused(outsider, "/api/audits/" + number + "/report", 404, evidence);
    }

    assertThat(attempts.timelineEntries(number)).isEqualTo(before);
    for (String reader : List.of("manager", "secops", "engineer")) {
      assertThat(attempts.read(reader, "/api/audits/" + number + "/report").toString()).as(reader).contains(evidence);
    }
  }

  @Test
  void notInTheAuditTrail() {
    for (String outsider : OUTSIDERS) {
      attempts.noTrail(outsider, number);
    }
  }

  @Test
  void notThroughTheEngine() {
    // a finding keeps the instance running, so that the administrator's query finds it
    steps.complete(number, AuditProcess.Element.REVIEW, "manager", Map.of("findings", "A.8.13: restores are never"
        + " tested", "remediationDue", Instant.now().plus(Duration.ofDays(400)).toString()));

    attempts.engineShowsNothing("desk", number);
    attempts.engineShowsNothing("requester", number);
  }
}
