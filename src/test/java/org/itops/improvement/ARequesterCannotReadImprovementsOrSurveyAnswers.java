package org.itops.improvement;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.UUID;
import org.itops.ProcessSteps;
import org.itops.ReadAttempts;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.survey.SurveyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read rule of improvements and survey answers (docs/security.md, "Who may do what"): the staff read them (their
 * audit trails; they have no API of their own, and the KPIs that count survey answers are for those who read all of
 * them). A requester, also the one who was surveyed, finds neither.
 */
@SuiteTest
class ARequesterCannotReadImprovementsOrSurveyAnswers {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired ImprovementService improvements;
  @Autowired SurveyService surveys;
  @Autowired ProcessSteps steps;
  @Autowired JdbcTemplate jdbc;
  ReadAttempts attempts;

  @BeforeEach
  void connect() {
    attempts = new ReadAttempts(new SuiteClient(port), jdbc);
  }

  @Test
  void notAnImprovement() {
    String number = improvements.propose("Second on-call engineer " + UUID.randomUUID(), "Nights are thin", "test",
        null, "owner", null, null);

    attempts.noTrail("requester", number);
    attempts.engineShowsNothing("requester", number);
    attempts.trail("desk", number);
  }

  @Test
  void notASurveyAnswerNotEvenTheirOwn() {
    String surveyed = "INC-" + (900_000_000 + (System.nanoTime() % 1_000_000));
    surveys.request(surveyed, "Mail server down", "requester", null);
    String number = jdbc.queryForObject("select number from survey where record_number = ?", String.class, surveyed);

    attempts.noTrail("requester", number);
    attempts.engineShowsNothing("requester", number);
    attempts.trail("desk", number);
    assertThat(attempts.status("requester", "/api/kpis")).isEqualTo(403);
  }
}
