package org.itops.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
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
 * The read rule of emergency drills and plans (docs/security.md, "Who may do what"): the staff read them; a requester
 * finds no drill, no drill report, no plan and no trail.
 */
@SuiteTest
class ARequesterCannotReadDrillsOrEmergencyPlans {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired DrillService drills;
  @Autowired ProcessSteps steps;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  ReadAttempts attempts;
  EmergencyPlan plan;
  String number;

  @BeforeEach
  void aPlanIsDrilled() {
    attempts = new ReadAttempts(new SuiteClient(port), jdbc);
    plan = steps.as("manager", () -> drills.createPlan(new PlanRequest("Storage array loss " + UUID.randomUUID(),
        "The primary storage array fails", "ops-engineers", List.of("ops-engineers"), 60, 15, 90,
        clock.instant().plus(Duration.ofDays(7)))));
    number = steps.as("engineer", () -> drills.drillOnDemand(plan.name()));
  }

  @Test
  void notTheDrillReport() {
    long before = attempts.timelineEntries(number);

    attempts.refused("requester", "/api/drills/" + number + "/report", 404, plan.name());

    assertThat(attempts.timelineEntries(number)).isEqualTo(before);
    assertThat(attempts.read("desk", "/api/drills/" + number + "/report").toString()).contains(plan.name());
  }

  @Test
  void notThePlans() {
    attempts.refused("requester", "/api/emergency-plans", 403, plan.name());
    attempts.refused("requester", "/api/emergency-plans/" + plan.id(), 404, plan.name());
    attempts.refused("requester", "/api/emergency-plans/999999999", 404, plan.name());
    assertThat(attempts.read("cab1", "/api/emergency-plans/" + plan.id()).path("name").asText()).isEqualTo(plan.name());
  }

  @Test
  void notInTheAuditTrail() {
    attempts.noTrail("requester", number);
    attempts.trail("cab1", number);
  }

  @Test
  void notThroughTheEngine() {
    attempts.engineShowsNothing("requester", number);
  }
}
