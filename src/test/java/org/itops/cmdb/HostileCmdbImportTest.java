package org.itops.cmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CMDB imports that try to break the suite, over real HTTP: whatever the API takes by size is answered 2xx or 4xx,
 * never 500. Every walk over depends-on (the cycle check of an import, the impact) runs without recursion and up to a
 * bound.
 */
@SuiteTest
class HostileCmdbImportTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHAIN = 12_000;

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  SuiteClient client;
  String prefix;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
    prefix = UUID.randomUUID().toString().substring(0, 4) + "-";
  }

  /** Takes the chain away again: the other tests of the shared database export the whole CMDB and import it back. */
  @AfterEach
  void removeTheChain() {
    jdbc.update("delete from ci_dependency where ci_id in (select id from configuration_item where name like ?)",
        prefix + "%");
    jdbc.update("delete from configuration_item where name like ?", prefix + "%");
  }

  @Test
  void aTwelveThousandItemChainIsImportedOrRefusedNeverA500() throws Exception {
    String csv = chain(CHAIN, false);
    assertThat(csv.getBytes(StandardCharsets.UTF_8).length).as("within the API's 1 MiB").isLessThan(1 << 20);

    HttpResponse<String> imported = importCsv(csv);

    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(JSON.readTree(imported.body()).path("created").asInt()).isEqualTo(CHAIN);
    assertThat(jdbc.queryForObject("select count(*) from ci_dependency d join configuration_item c on c.id = d.ci_id"
        + " where c.name like ?", Long.class, prefix + "%")).isEqualTo(CHAIN - 1L);
  }

  @Test
  void theImpactOfTheEndOfALongChainIsEveryItemAboveIt() throws Exception {
    assertThat(importCsv(chain(CHAIN, false)).statusCode()).isEqualTo(200);
    long end = id(name(CHAIN - 1));
    long top = id(name(0));

    HttpResponse<String> impact = client.get("requester", "/api/cis/" + end + "/impact");

    assertThat(impact.statusCode()).as(impact.body()).isEqualTo(200);
    JsonNode affected = JSON.readTree(impact.body()).path("affectedItems");
    assertThat(affected).hasSize(CHAIN - 1);
    assertThat(affected.get(0).path("name").asText()).as("nearest first").isEqualTo(name(CHAIN - 2));
    assertThat(affected.get(CHAIN - 2).path("name").asText()).isEqualTo(name(0));
    assertThat(JSON.readTree(client.get("requester", "/api/cis/" + top + "/impact").body()).path("affectedItems"))
        .isEmpty();
  }

  @Test
  void aChainClosedIntoACycleIsRefusedWithAShortReasonAndChangesNothing() throws Exception {
    long before = count();

    HttpResponse<String> refused = importCsv(chain(CHAIN, true));

    assertThat(refused.statusCode()).isEqualTo(400);
    String reason = JSON.readTree(refused.body()).path("errors").get(0).path("reason").asText();
    assertThat(reason).startsWith("depends-on would have a cycle: " + name(0) + "@production -> " + name(1))
        .contains(" -> ... -> ").endsWith(name(0) + "@production (" + CHAIN + " items)").hasSizeLessThan(500);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aWalkStopsAtItsBoundAndSaysSo() {
    // a chain 0 -> 1 -> 2 -> 3 -> 4 walked with a bound of 3 items
    Map<Integer, List<Integer>> chain = Map.of(0, List.of(1), 1, List.of(2), 2, List.of(3), 3, List.of(4));

    DependencyGraph.Walk<Integer> walk = DependencyGraph.reachable(0, chain, 3);

    assertThat(walk.complete()).isFalse();
    assertThat(walk.reached()).containsExactly(1, 2, 3);
    assertThat(DependencyGraph.reachable(0, chain, 4).complete()).isTrue();
    assertThatThrownBy(() -> DependencyGraph.cycleThrough(Set.of(0), chain, 3))
        .isInstanceOf(DependencyGraph.TooLargeException.class).hasMessageContaining("at most 3");
    assertThat(DependencyGraph.cycleThrough(Set.of(0), chain, 5)).isEmpty();
  }

  @Test
  void aControlCharacterInACellIsRefusedNeverA500() throws Exception {
    long before = count();
    String csv = "name,type,environment,owner_group,criticality,service,description\n"
        + name(0) + "\u0000,server,production,ops-engineers,low,,\n"
        + name(1) + ",server,production,ops-engineers,low,Pay\u0000roll,\n"
        + name(2) + ",server,production,ops-engineers,low,,\"Line one\u0000\u001b[2J\"\n";

    HttpResponse<String> refused = importCsv(csv);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("row 2: name", "row 3: service", "row 4: description");
    assertThat(count()).isEqualTo(before);
  }

  /** A CSV of {@code length} items, each depending on the next; {@code closed}: the last depends on the first. */
  private String chain(int length, boolean closed) {
    StringBuilder csv = new StringBuilder("name,type,environment,owner_group,criticality,depends_on\n");
    for (int i = 0; i < length; i++) {
      String next = i + 1 < length ? name(i + 1) : closed ? name(0) : "";
      csv.append(name(i)).append(",server,production,ops-engineers,low,").append(next).append('\n');
    }
    return csv.toString();
  }

  private String name(int i) {
    return prefix + i;
  }

  private HttpResponse<String> importCsv(String csv) {
    return client.send(client.request("engineer", "/api/cis/import").header("Content-Type", "text/csv")
        .POST(BodyPublishers.ofString(csv)));
  }

  private long id(String name) {
    return jdbc.queryForObject("select id from configuration_item where name = ? and environment = 'production'",
        Long.class, name);
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from configuration_item", Long.class);
  }
}
