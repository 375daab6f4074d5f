package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.itops.TestMail;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.change.ChangeRequest;
import org.itops.change.ChangeService;
import org.itops.cmdb.CiInput;
import org.itops.cmdb.CmdbMaintenance;
import org.itops.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An incident's resolution names the change that caused it; the change lists the incidents it caused. */
@SuiteTest
class IncidentChangeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired IncidentScenario scenario;
  @Autowired ChangeService changes;
  @Autowired CmdbMaintenance cmdb;
  @Autowired ProcessSteps steps;
  @Autowired Clock clock;

  @Test
  void theResolutionNamesTheChangeThatCausedTheIncident() throws Exception {
    String item = steps.as("engineer", () -> cmdb.create(new CiInput("inc-chg-" + UUID.randomUUID().toString()
        .substring(0, 8), "server", "production", null, "ops-engineers", "low", null, List.of()))).reference();
    Instant start = clock.instant().plus(Duration.ofDays(1));
    String change = steps.as("engineer", () -> changes.request(new ChangeRequest("Upgrade the mail relay", "End of life",
        "normal", "low", List.of(item), "Upgrade", "Reinstall the old version", "Tested", start.toString(),
        start.plus(Duration.ofHours(1)).toString(), null)));
    String incident = scenario.reportAndTake("medium", "medium");

    assertThatThrownBy(() -> scenario.complete(incident, IncidentProcess.Element.WORK, "engineer", Map.of("outcome",
        "resolved", "resolutionCode", "CHANGE_REQUIRED", "resolutionNotes", "Rolled back", "causedByChange",
        "CHG-999999"))).hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("causedByChange");
    scenario.complete(incident, IncidentProcess.Element.WORK, "engineer", Map.of("outcome", "resolved",
        "resolutionCode", "FIXED", "resolutionNotes", "Reverted the relay's new TLS setting",
        "causedByChange", change));

    assertThat(scenario.record(incident).getCausedByChange()).isEqualTo(change);
    SuiteClient client = new SuiteClient(port);
    assertThat(JSON.readTree(client.get("changemgr", "/api/changes/" + change).body()).path("incidentsCausedByIt")
        .toString()).isEqualTo("[\"" + incident + "\"]");
    assertThat(JSON.readTree(client.get("desk", "/api/incidents/" + incident).body()).path("causedByChange").asText())
        .isEqualTo(change);
  }
}
