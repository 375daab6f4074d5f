package org.itops.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.catalog.CatalogScenario;
import org.itops.catalog.ServiceCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** /api/knowledge over real HTTP, with the records checked in the database. */
@SuiteTest
class KnowledgeApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VALID = """
      {"title": "Shared drive mapping lost after login", "symptoms": "Drive S: missing",
       "resolution": "Run the logon script again", "category": "workplace", "service": "File service"}""";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired KnowledgeScenario scenario;
  @Autowired ServiceCatalog catalog;
  @Autowired CatalogScenario catalogScenario;
  SuiteClient client;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
    // articles name services of the catalog (a draft will do)
    if (!catalog.isInCatalog("File service")) {
      catalogScenario.propose("File service", "silver");
    }
  }

  @Test
  void aProposalAnswers201WithTheNumberAndTheDraftToWrite() throws Exception {
    HttpResponse<String> created = client.postJson("desk", "/api/knowledge", VALID);

    assertThat(created.statusCode()).isEqualTo(201);
    String number = JSON.readTree(created.body()).path("number").asText();
    assertThat(number).matches("KBA-\\d{6}");
    assertThat(created.headers().firstValue("Location")).hasValue("/api/knowledge/" + number);
    JsonNode article = JSON.readTree(client.get("desk", "/api/knowledge/" + number).body());
    assertThat(article.path("status").asText()).isEqualTo("DRAFT");
    assertThat(article.path("version").asInt()).isEqualTo(1);
    assertThat(article.path("author").asText()).isEqualTo("desk");
    assertThat(article.path("owningGroup").asText()).isEqualTo("service-desk");
    assertThat(article.path("service").asText()).isEqualTo("File service");
    assertThat(article.path("timeline").get(0).path("type").asText()).isEqualTo("PROPOSED");
    assertThat(scenario.task(number, KnowledgeProcess.Element.WRITE).getAssignee()).isEqualTo("desk");
  }

  @Test
  void badInputGets400WithEveryFieldAndCreatesNothing() throws Exception {
    long before = articleCount();

    HttpResponse<String> refused = client.postJson("desk", "/api/knowledge", """
        {"title": "", "resolution": " ", "category": "coffee-machine", "service": "%s", "owningGroup": "nobody"}"""
        .formatted("s".repeat(101)));

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(fields(refused)).containsExactlyInAnyOrder("title", "resolution", "category", "service", "owningGroup");
    assertThat(refused.body()).contains("an article says how to resolve the problem");
    assertThat(articleCount()).isEqualTo(before);
    assertThat(client.postJson("desk", "/api/knowledge", "{\"title\": ").statusCode()).isEqualTo(400);
    HttpResponse<String> noQuery = client.get("desk", "/api/knowledge?q=%20");
    assertThat(noQuery.statusCode()).isEqualTo(400);
    assertThat(fields(noQuery)).containsExactly("q");
    assertThat(client.get("desk", "/api/knowledge?q=vpn&size=51").statusCode()).isEqualTo(400);
  }

  @Test
  void aRetriedProposalCreatesOneArticle() throws Exception {
    long before = articleCount();
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first = client.send(client.request("engineer", "/api/knowledge")
        .header("Content-Type", "application/json").header("Idempotency-Key", key).POST(BodyPublishers.ofString(VALID)));
    HttpResponse<String> retry = client.send(client.request("engineer", "/api/knowledge")
        .header("Content-Type", "application/json").header("Idempotency-Key", key).POST(BodyPublishers.ofString(VALID)));
    HttpResponse<String> otherBody = client.send(client.request("engineer", "/api/knowledge")
        .header("Content-Type", "application/json").header("Idempotency-Key", key)
        .POST(BodyPublishers.ofString(VALID.replace("Drive S:", "Drive T:"))));

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(JSON.readTree(retry.body()).path("number").asText())
        .isEqualTo(JSON.readTree(first.body()).path("number").asText());
    assertThat(otherBody.statusCode()).isEqualTo(409);
    assertThat(articleCount()).isEqualTo(before + 1);
  }

  @Test
  void draftsAreForStaffAndPublishedArticlesForEveryone() throws Exception {
    String draft = JSON.readTree(client.postJson("desk", "/api/knowledge", VALID).body()).path("number").asText();

    assertThat(client.get("requester", "/api/knowledge/" + draft).statusCode()).isEqualTo(404);
    assertThat(client.get("engineer", "/api/knowledge/" + draft).statusCode()).isEqualTo(200);
    assertThat(client.postJson("requester", "/api/knowledge", VALID).statusCode()).isEqualTo(403);

    String published = scenario.publish("desk", "demo", "Calendar invitations arrive twice",
        "Every meeting request comes in duplicate", "Remove the old delegate", "application", null);
    JsonNode seen = JSON.readTree(client.get("requester", "/api/knowledge/" + published).body());
    assertThat(seen.path("status").asText()).isEqualTo("PUBLISHED");
    assertThat(seen.path("timeline")).isEmpty();
    assertThat(client.get("requester", "/api/knowledge?q=calendar%20invitations").body()).contains(published);

    // during a revision, requesters still read the published version
    assertThat(client.postJson("desk", "/api/knowledge/" + published + "/revisions", "").statusCode()).isEqualTo(202);
    scenario.write(published, "desk", java.util.Map.of(KnowledgeProcess.Var.RESOLUTION, "Draft text"));
    JsonNode duringRevision = JSON.readTree(client.get("requester", "/api/knowledge/" + published).body());
    assertThat(duringRevision.path("resolution").asText()).isEqualTo("Remove the old delegate");
    assertThat(duringRevision.path("version").asInt()).isEqualTo(1);
    assertThat(JSON.readTree(client.get("desk", "/api/knowledge/" + published).body()).path("status").asText())
        .isEqualTo("IN_REVIEW");
  }

  @Test
  void whoReadsAPublishedArticleReadsItsFilesAndOnlyItsEditorsAddThem() throws Exception {
    String draft = JSON.readTree(client.postJson("desk", "/api/knowledge", VALID).body()).path("number").asText();
    String published = scenario.publish("desk", "demo", "VPN drops every hour " + UUID.randomUUID(),
        "The tunnel closes at minute 60", "Renew the certificate", "network", null);
    String draftFiles = "/api/knowledge/" + draft + "/attachments";
    String files = "/api/knowledge/" + published + "/attachments";

    String draftFile = JSON.readTree(client.upload("desk", draftFiles, "draft.txt", "not yet".getBytes()).body())
        .path("download").asText();
    String file = JSON.readTree(client.upload("desk", files, "settings.txt", "Renew under Settings".getBytes())
        .body()).path("download").asText();

    assertThat(JSON.readTree(client.get("requester", files).body()).path("items").findValuesAsText("fileName"))
        .containsExactly("settings.txt");
    assertThat(client.get("requester", file).body()).isEqualTo("Renew under Settings");
    assertThat(JSON.readTree(client.get("requester", "/api/knowledge/" + published).body()).path("attachments")
        .findValuesAsText("download")).containsExactly(file);
    assertThat(client.upload("requester", files, "mine.txt", "hello".getBytes()).statusCode()).isEqualTo(403);
    assertThat(client.get("requester", draftFiles).statusCode()).isEqualTo(404);
    assertThat(client.get("requester", draftFile).statusCode()).isEqualTo(404);
    assertThat(client.upload("requester", draftFiles, "mine.txt", "hello".getBytes()).statusCode()).isEqualTo(404);
    assertThat(jdbc.queryForObject("select count(*) from attachment where record_number in (?, ?)", Long.class,
        draft, published)).isEqualTo(2);
  }

  @Test
  void anArticleIsCountedOncePerIncidentItHelpedWith() throws Exception {
    String article = scenario.publish("engineer", "demo", "Database replica lags behind primary",
        "Reports show yesterday's data", "Increase wal_keep_size and restart the replica", "database", "db-02");
    String incident = reportIncident();
    String other = reportIncident();

    HttpResponse<String> first = client.postJson("engineer", "/api/knowledge/" + article + "/uses",
        "{\"incident\": \"" + incident + "\"}");
    HttpResponse<String> again = client.postJson("engineer", "/api/knowledge/" + article + "/uses",
        "{\"incident\": \"" + incident + "\"}");
    HttpResponse<String> forOther = client.postJson("desk", "/api/knowledge/" + article + "/uses",
        "{\"incident\": \"" + other + "\"}");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(first.body()).path("counted").asBoolean()).isTrue();
    assertThat(JSON.readTree(again.body()).path("counted").asBoolean()).isFalse();
    assertThat(JSON.readTree(forOther.body()).path("useCount").asLong()).isEqualTo(2);
    assertThat(jdbc.queryForObject("select use_count from knowledge_article where number = ?", Long.class, article))
        .isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from knowledge_use where article_number = ?", Long.class, article))
        .isEqualTo(2);
    HttpResponse<String> unknownIncident = client.postJson("engineer", "/api/knowledge/" + article + "/uses",
        "{\"incident\": \"INC-999999\"}");
    assertThat(unknownIncident.statusCode()).isEqualTo(400);
    assertThat(fields(unknownIncident)).containsExactly("incident");
    assertThat(client.postJson("requester", "/api/knowledge/" + article + "/uses",
        "{\"incident\": \"" + incident + "\"}").statusCode()).isEqualTo(403);
  }

  @Test
  void anArticleThatSolvedARequestersProblemCountsOncePerRequesterAndOpensNoIncident() throws Exception {
    String article = scenario.publish("engineer", "demo", "Printer queue stuck on the third floor",
        "Jobs wait forever", "Restart the spooler from the printer's web page", "workplace", null);
    long incidentsBefore = jdbc.queryForObject("select count(*) from incident", Long.class);

    HttpResponse<String> first = client.postJson("requester", "/api/knowledge/" + article + "/solved", "");
    HttpResponse<String> again = client.postJson("requester", "/api/knowledge/" + article + "/solved", "");
    HttpResponse<String> byAnother = client.postJson("desk", "/api/knowledge/" + article + "/solved", "");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(first.body()).path("counted").asBoolean()).isTrue();
    assertThat(JSON.readTree(again.body()).path("counted").asBoolean()).isFalse();
    assertThat(JSON.readTree(byAnother.body()).path("useCount").asLong()).isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from incident", Long.class)).isEqualTo(incidentsBefore);
    String draft = scenario.propose("engineer", "Not yet published", "Symptoms", "Resolution", "workplace", null);
    HttpResponse<String> ofDraft = client.postJson("requester", "/api/knowledge/" + draft + "/solved", "");
    assertThat(ofDraft.statusCode()).isEqualTo(400);
    assertThat(fields(ofDraft)).containsExactly("article");
  }

  @Test
  void onlyTheOwningGroupOrAnAdministratorRetires() throws Exception {
    String article = scenario.publish("engineer", "demo", "NTP drift on hypervisors", "Clocks run minutes late",
        "Point chrony at the internal NTP pool", "server", null);

    assertThat(client.postJson("desk", "/api/knowledge/" + article + "/retire", "{}").statusCode()).isEqualTo(403);
    assertThat(client.postJson("engineer", "/api/knowledge/" + article + "/retire",
        "{\"reason\": \"Hypervisors replaced\"}").statusCode()).isEqualTo(204);
    assertThat(client.postJson("engineer", "/api/knowledge/" + article + "/retire", "{}").statusCode()).isEqualTo(400);
    assertThat(client.get("requester", "/api/knowledge/" + article).statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(client.get("engineer", "/api/knowledge/" + article).body()).path("status").asText())
        .isEqualTo("RETIRED");
  }

  private String reportIncident() throws Exception {
    HttpResponse<String> created = client.postJson("requester", "/api/incidents", """
        {"title": "Reports are stale", "impact": "low", "urgency": "low", "category": "database"}""");
    assertThat(created.statusCode()).isEqualTo(201);
    return JSON.readTree(created.body()).path("number").asText();
  }

  private long articleCount() {
    return jdbc.queryForObject("select count(*) from knowledge_article", Long.class);
  }

  private static List<String> fields(HttpResponse<String> response) throws Exception {
    List<String> fields = new ArrayList<>();
    JSON.readTree(response.body()).path("errors").forEach(error -> fields.add(error.path("field").asText()));
    return fields;
  }
}
