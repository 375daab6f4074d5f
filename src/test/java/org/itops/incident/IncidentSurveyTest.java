package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.itops.MutableClock;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The satisfaction survey after an incident closes, through the mailed link over real HTTP without login: answered
 * once, a low rating followed up, a changed link, a second answer and an expired link refused.
 */
@SuiteTest
class IncidentSurveyTest {

  private static final Pattern LINK = Pattern.compile("http://localhost:8080(/survey/\\S+)");

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired IncidentScenario scenario;
  @Autowired ProcessSteps steps;
  @Autowired JdbcTemplate jdbc;
  @Autowired MutableClock clock;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void theReporterAnswersOnceAndALowRatingIsFollowedUp() {
    String incident = closedIncident();
    String survey = surveyOf(incident);
    String link = mailedLink(survey);

    HttpResponse<String> page = client.get(null, link);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(incident).contains("name=\"rating\"");
    assertThat(post(link, "rating=9").statusCode()).as("a rating outside 1-5").isEqualTo(400);
    HttpResponse<String> answered = post(link, "rating=2&comment=" + URLEncoder.encode("Took three days",
        StandardCharsets.UTF_8));
    assertThat(answered.statusCode()).isEqualTo(200);

    assertThat(jdbc.queryForMap("select rating, comment from survey where number = ?", survey))
        .containsEntry("RATING", 2).containsEntry("COMMENT", "Took three days");
    assertThat(post(link, "rating=5").statusCode()).as("answered once").isEqualTo(409);
    assertThat(client.get(null, link).statusCode()).isEqualTo(409);
    steps.complete(survey, "followUpLowRating", "desk", Map.of("followUpNotes", "Called them; the VPN team apologised",
        "improvement", "Tell requesters when a fix takes longer"));
    assertThat(jdbc.queryForMap("select title, proposed_by from improvement where source = ?", incident))
        .containsEntry("TITLE", "Tell requesters when a fix takes longer").containsEntry("PROPOSED_BY", "desk");
    assertThat(jdbc.queryForList("select type from record_event where record_number = ? order by id", String.class,
        incident)).containsSubsequence("CLOSED", "SURVEY_SENT", "SURVEY_ANSWERED", "SURVEY_FOLLOWED_UP");
    assertThat(steps.instance(survey)).isNull();
  }

  @Test
  void aGoodRatingNeedsNoFollowUp() {
    String survey = surveyOf(closedIncident());

    assertThat(post(mailedLink(survey), "rating=4").statusCode()).isEqualTo(200);

    assertThat(steps.tasks(survey, "followUpLowRating")).isEmpty();
    assertThat(steps.instance(survey)).isNull();
  }

  @Test
  void aChangedLinkIsRefusedAndAnExpiredSurveyCannotBeAnswered() {
    String survey = surveyOf(closedIncident());
    String link = mailedLink(survey);
    String token = link.substring(link.lastIndexOf('/') + 1, link.lastIndexOf('.'));
    String signature = link.substring(link.lastIndexOf('.') + 1);

    assertThat(client.get(null, "/survey/" + token + "." + flip(signature)).statusCode()).isEqualTo(404);
    assertThat(client.get(null, "/survey/" + flip(token) + "." + signature).statusCode()).isEqualTo(404);
    assertThat(client.get(null, "/survey/" + token).statusCode()).isEqualTo(404);

    clock.advance(Duration.ofDays(15));
    assertThat(client.get(null, link).statusCode()).isEqualTo(410);
    assertThat(post(link, "rating=5").statusCode()).isEqualTo(410);
    steps.fire(survey, "surveyExpires");
    assertThat(steps.instance(survey)).isNull();
    assertThat(jdbc.queryForObject("select answered_at from survey where number = ?", java.sql.Timestamp.class,
        survey)).isNull();
  }

  private String closedIncident() {
    String number = scenario.reportAndTake("medium", "medium");
    scenario.resolve(number);
    scenario.complete(number, IncidentProcess.Element.CONFIRM, "requester", Map.of("confirmation", "yes"));
    return number;
  }

  private String surveyOf(String incident) {
    String survey = jdbc.queryForObject("select number from survey where record_number = ? and respondent = ?",
        String.class, incident, "requester");
    steps.runAsyncJobs(survey);
    return survey;
  }

  /** The path of the link in the survey's mail. */
  private static String mailedLink(String survey) {
    String body = Arrays.stream(smtp.getReceivedMessages()).map(GreenMailUtil::getBody)
        .filter(text -> text.contains("/survey/")).reduce((first, last) -> last).orElseThrow();
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).as(survey + "'s link in " + body).isTrue();
    return link.group(1);
  }

  private HttpResponse<String> post(String path, String form) {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form)));
  }

  private static String flip(String text) {
    char last = text.charAt(text.length() - 1);
    return text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');
  }
}
