package org.itops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a user who may not read a record tries, over real HTTP, for the tests of the read rules (docs/security.md,
 * "Who may do what"): each attempt is answered 404 or 403, or the record is absent from what is listed, and leaves the
 * record as it was.
 */
public final class ReadAttempts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SuiteClient client;
  private final JdbcTemplate jdbc;

  public ReadAttempts(SuiteClient client, JdbcTemplate jdbc) {
    this.client = client;
    this.jdbc = jdbc;
  }

  public int status(String user, String path) {
    return client.get(user, path).statusCode();
  }

  /** The body of a GET that must answer 200. */
  public JsonNode read(String user, String path) {
    HttpResponse<String> response = client.get(user, path);
    assertThat(response.statusCode()).as(user + " GET " + path + ": " + response.body()).isEqualTo(200);
    return json(response.body());
  }

  /** Asserts that the GET is refused with the status and that its answer does not hold the text. */
  public void refused(String user, String path, int status, String secret) {
    HttpResponse<String> response = client.get(user, path);
    assertThat(response.statusCode()).as(user + " GET " + path).isEqualTo(status);
    assertThat(response.body()).as(user + " GET " + path).doesNotContain(secret);
  }

  /** The record numbers ({@code number}) of a list's {@code items}, or of a JSON array. */
  public List<String> listed(String user, String path) {
    JsonNode body = read(user, path);
    JsonNode items = body.isArray() ? body : body.path("items");
    List<String> numbers = new ArrayList<>();
    items.forEach(item -> numbers.add(item.path("number").asText()));
    return numbers;
  }

  /** The user reads the record's audit trail: a reader of the record, for the tests that try the others. */
  public void trail(String user, String number) {
    assertThat(read(user, "/api/records/" + number + "/audit")).as(user + " reads the trail of " + number).isNotEmpty();
  }

  /** The trail of the record, as JSON and as CSV, does not exist for the user. */
  public void noTrail(String user, String number) {
    refused(user, "/api/records/" + number + "/audit", 404, number + ",");
    refused(user, "/api/records/" + number + "/audit.csv", 404, "TASK_COMPLETED");
  }

  /**
   * The engine's REST APIs, at {@code /engine-rest} and the webapps' {@code /camunda/api/engine} (which Cockpit's
   * "Find a record" asks), show the user no process instance, task, variable or history of the record.
   */
  public void engineShowsNothing(String user, String number) {
    List<String> queries = List.of("/process-instance?businessKey=" + number,
        "/task?processInstanceBusinessKey=" + number,
        "/history/process-instance?processInstanceBusinessKey=" + number,
        "/history/task?processInstanceBusinessKey=" + number);
    String instanceId = jdbc.queryForList("select id_ from act_hi_procinst where business_key_ = ?", String.class,
        number).stream().findFirst().orElseThrow(() -> new AssertionError("no process instance of " + number));
    List<String> byInstance = List.of("/variable-instance?processInstanceIdIn=" + instanceId,
        "/history/variable-instance?processInstanceId=" + instanceId,
        "/history/activity-instance?processInstanceId=" + instanceId);
    // paged as the webapps page: the engine refuses an unbounded list to a logged-in user (queryMaxResultsLimit)
    String page = "&firstResult=0&maxResults=100";
    // the same query as an administrator finds the instance: the API asked is the engine of this suite
    assertThat(read("demo", "/engine-rest" + queries.get(0) + page)).as("demo /engine-rest" + queries.get(0))
        .isNotEmpty();
    for (String query : concat(queries, byInstance)) {
      assertThat(read(user, "/engine-rest" + query + page)).as(user + " /engine-rest" + query).isEmpty();
    }
    assertThat(status(user, "/engine-rest/history/process-instance/" + instanceId)).as(user).isIn(403, 404);
    SuiteClient.WebappSession session = client.webappSession(user, user, "tasklist");
    assertThat(session.loginStatus()).as(user + " logs into Tasklist").isEqualTo(200);
    for (String query : queries) {
      HttpResponse<String> response = session.get("/camunda/api/engine/engine/default" + query + page);
      assertThat(response.statusCode()).as(user + " webapps " + query).isEqualTo(200);
      assertThat(json(response.body())).as(user + " webapps " + query).isEmpty();
    }
  }

  /** How many entries the record's timeline has: reading must not add any. */
  public long timelineEntries(String number) {
    return jdbc.queryForObject("select count(*) from record_event where record_number = ?", Long.class, number);
  }

  /** A user of the groups whose password is its name, like the demo users; answers its id. */
  public static String newUser(IdentityService identityService, String prefix, String... groups) {
    String userId = prefix + System.nanoTime();
    User user = identityService.newUser(userId);
    user.setPassword(userId);
    user.setEmail(userId + "@itops.localhost");
    identityService.saveUser(user);
    for (String group : groups) {
      identityService.createMembership(userId, group);
    }
    return userId;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
