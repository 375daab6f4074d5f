package org.itops.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.util.Map;
import java.util.UUID;
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
 * The read rule of knowledge articles (docs/security.md, "Who may do what"): the staff read every article in full
 * (drafts, reviews, timeline, audit trail); everybody logged in reads the published version. {@code requester} tries to
 * read a draft, and what a revision under review changes in a published article.
 */
@SuiteTest
class ARequesterCannotReadDraftArticles {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired KnowledgeScenario scenario;
  @Autowired JdbcTemplate jdbc;
  SuiteClient client;
  ReadAttempts attempts;
  String word;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
    attempts = new ReadAttempts(client, jdbc);
    // a word of its own, so that a search finds only this test's articles
    word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @Test
  void notADraft() {
    String draft = scenario.propose("engineer", "Printer queue " + word + " stalls", "Jobs wait forever",
        "Restart the spooler", "workplace", null);
    long before = attempts.timelineEntries(draft);

    attempts.refused("requester", "/api/knowledge/" + draft, 404, word);
    assertThat(attempts.read("requester", "/api/knowledge?q=" + word).path("items")).isEmpty();
    attempts.noTrail("requester", draft);
    attempts.engineShowsNothing("requester", draft);

    assertThat(attempts.timelineEntries(draft)).isEqualTo(before);
    assertThat(attempts.read("desk", "/api/knowledge/" + draft).path("title").asText()).contains(word);
  }

  @Test
  void notTheRevisionUnderReviewNorTheTimelineOfAPublishedArticle() {
    String published = scenario.publish("desk", "demo", "VPN " + word + " drops hourly", "The tunnel closes",
        "Raise the IKE rekey lifetime", "network", null);
    assertThat(client.postJson("desk", "/api/knowledge/" + published + "/revisions", "").statusCode()).isEqualTo(202);
    scenario.write(published, "desk", Map.of(KnowledgeProcess.Var.RESOLUTION, "Draft: replace the " + word + " gateway"));

    JsonNode seen = attempts.read("requester", "/api/knowledge/" + published);

    assertThat(seen.path("resolution").asText()).isEqualTo("Raise the IKE rekey lifetime");
    assertThat(seen.path("timeline")).isEmpty();
    assertThat(seen.toString()).doesNotContain("Draft: replace");
    assertThat(attempts.listed("requester", "/api/knowledge?q=" + word)).containsExactly(published);
    attempts.noTrail("requester", published);
    assertThat(attempts.read("desk", "/api/knowledge/" + published).path("resolution").asText())
        .startsWith("Draft: replace");
  }
}
