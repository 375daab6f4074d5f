package org.itops.cmdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.itops.TestMail;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.catalog.CatalogScenario;
import org.itops.platform.Csv;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** /api/cis over real HTTP: validation of items and relations, impact, CSV import and export, who may write. */
@SuiteTest
class CmdbApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired CatalogScenario catalog;
  SuiteClient client;
  String prefix;

  @BeforeEach
  void connect() {
    client = new SuiteClient(port);
    prefix = "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
  }

  @Test
  void anItemIsCreatedReadChangedAndDeleted() throws Exception {
    HttpResponse<String> created = create(item("db-01", "database", "production", null, "critical"));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode item = JSON.readTree(created.body());
    long id = item.path("id").asLong();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/cis/" + id);
    assertThat(JSON.readTree(client.get("requester", "/api/cis/" + id).body()).path("criticality").asText())
        .isEqualTo("critical");

    HttpResponse<String> changed = put("changemgr", id, item("db-01a", "database", "production", null, "high"));
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(changed.body()).path("name").asText()).isEqualTo(prefix + "db-01a");
    assertThat(JSON.readTree(changed.body()).path("criticality").asText()).isEqualTo("high");

    assertThat(client.send(client.request("engineer", "/api/cis/" + id).DELETE()).statusCode()).isEqualTo(204);
    assertThat(client.get("engineer", "/api/cis/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void badInputGets400WithEveryFieldAndCreatesNothing() throws Exception {
    long before = count();

    HttpResponse<String> bad = client.postJson("engineer", "/api/cis", """
        {"name": "", "type": "toaster", "environment": "moon", "criticality": "huge", "ownerGroup": "coffee",
         "service": "No such service", "description": "%s"}""".formatted("x".repeat(2001)));

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
        "name", "type", "environment", "criticality", "ownerGroup", "service", "description");
    assertThat(client.postJson("engineer", "/api/cis", "{\"name\": ").statusCode()).isEqualTo(400);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aNameIsUniqueWithinItsEnvironment() throws Exception {
    assertThat(create(item("web-01", "server", "production", null, "high")).statusCode()).isEqualTo(201);
    assertThat(create(item("web-01", "server", "staging", null, "low")).statusCode()).isEqualTo(201);

    HttpResponse<String> duplicate = create(item("web-01", "virtual-machine", "production", null, "low"));

    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(duplicate.body()).contains(prefix + "web-01@production already exists");
  }

  @Test
  void aDependencyMustPointAtAnItemAndNotAtItself() throws Exception {
    HttpResponse<String> unknown = create(item("app-01", "application", "production", null, "high",
        prefix + "nothing-here"));
    HttpResponse<String> itself = create(item("app-01", "application", "production", null, "high",
        prefix + "app-01@production"));

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("no configuration item " + prefix + "nothing-here@production");
    assertThat(itself.statusCode()).isEqualTo(400);
    assertThat(itself.body()).contains("cannot depend on itself");
  }

  @Test
  void aChangeThatWouldCloseACycleIsRefusedAndChangesNothing() throws Exception {
    long c = id(create(item("c", "database", "production", null, "high")));
    id(create(item("b", "application", "production", null, "high", prefix + "c")));
    id(create(item("a", "application", "production", null, "high", prefix + "b")));

    HttpResponse<String> cycle = put("engineer", c, item("c", "database", "production", null, "high", prefix + "a"));

    assertThat(cycle.statusCode()).isEqualTo(400);
    assertThat(cycle.body()).contains("cycle: %1$sc@production -> %1$sa@production -> %1$sb@production -> %1$sc@production"
        .formatted(prefix));
    assertThat(JSON.readTree(client.get("engineer", "/api/cis/" + c).body()).path("dependsOn")).isEmpty();
  }

  @Test
  void anItemOthersDependOnIsNotDeleted() throws Exception {
    long db = id(create(item("db", "database", "production", null, "high")));
    create(item("app", "application", "production", null, "high", prefix + "db"));

    HttpResponse<String> refused = client.send(client.request("engineer", "/api/cis/" + db).DELETE());

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("is needed by [" + prefix + "app@production]");
    assertThat(client.get("engineer", "/api/cis/" + db).statusCode()).isEqualTo(200);
  }

  @Test
  void theImpactOfAFailingItemIsEveryItemThatDependsOnItAndTheirServices() throws Exception {
    String billing = catalog.publish(prefix + "Billing", "gold");
    String shop = catalog.publish(prefix + "Shop", "silver");
    String storage = catalog.publish(prefix + "Storage", "bronze");
    assertThat(billing).isNotEqualTo(shop);
    long san = id(create(item("san", "storage", "production", prefix + "Storage", "critical")));
    long db = id(create(item("db", "database", "production", null, "critical", prefix + "san")));
    create(item("billing-app", "application", "production", prefix + "Billing", "high", prefix + "db"));
    long shopApp = id(create(item("shop-app", "application", "production", prefix + "Shop", "high",
        prefix + "db", prefix + "san")));
    create(item("shop-web", "server", "production", prefix + "Shop", "medium", prefix + "shop-app"));
    create(item("unrelated", "server", "production", prefix + "Billing", "low"));

    JsonNode impact = JSON.readTree(client.get("requester", "/api/cis/" + san + "/impact").body());

    assertThat(impact.path("affectedItems").findValuesAsText("name")).containsExactlyInAnyOrder(
        prefix + "db", prefix + "billing-app", prefix + "shop-app", prefix + "shop-web");
    assertThat(impact.path("services").toString()).isEqualTo(JSON.writeValueAsString(
        List.of(prefix + "Billing", prefix + "Shop", prefix + "Storage")));
    JsonNode leaf = JSON.readTree(client.get("requester", "/api/cis/" + shopApp + "/impact").body());
    assertThat(leaf.path("affectedItems").findValuesAsText("name")).containsExactly(prefix + "shop-web");
    assertThat(leaf.path("services").toString()).isEqualTo("[\"" + prefix + "Shop\"]");
    assertThat(JSON.readTree(client.get("requester", "/api/cis/" + db + "/impact").body()).path("services")
        .toString()).isEqualTo(JSON.writeValueAsString(List.of(prefix + "Billing", prefix + "Shop")));
  }

  @Test
  void aCsvFileIsImportedWholeOrNotAtAllAndTheExportImportsAgain() throws Exception {
    String csv = """
        name,type,environment,owner_group,criticality,service,depends_on,description
        %1$sweb,server,production,ops-engineers,high,,%1$sapp,"Front end, behind the ""main"" balancer"
        %1$sapp,application,production,ops-engineers,high,,%1$sdb;%1$sdb@staging,
        %1$sdb,database,production,ops-engineers,critical,,,
        %1$sdb,database,staging,ops-engineers,low,,,
        """.formatted(prefix);

    HttpResponse<String> imported = importCsv("engineer", csv);
    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(imported.body()).path("created").asInt()).isEqualTo(4);
    assertThat(dependsOn("app", "production")).containsExactly(prefix + "db@production", prefix + "db@staging");
    assertThat(jdbc.queryForObject("select description from configuration_item where name = ?", String.class,
        prefix + "web")).isEqualTo("Front end, behind the \"main\" balancer");

    long before = count();
    String broken = """
        name,type,environment,owner_group,criticality,depends_on
        %1$snew,server,production,ops-engineers,low,
        %1$sdb,database,production,ops-engineers,critical,%1$sweb
        %1$sother,server,mars,ops-engineers,low,%1$sghost
        """.formatted(prefix);
    HttpResponse<String> refused = importCsv("engineer", broken);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("errors").findValuesAsText("field"))
        .contains("row 4: environment", "row 4: dependsOn");
    assertThat(count()).as("nothing of the file").isEqualTo(before);
    HttpResponse<String> cycle = importCsv("engineer", broken.lines().limit(3).reduce("", (a, b) -> a + b + "\n"));
    assertThat(cycle.body()).contains("cycle");
    assertThat(dependsOn("db", "production")).isEmpty();
    assertThat(importCsv("engineer", "name,colour\nx,red\n").body()).contains("unknown column colour")
        .contains("the column type is missing");

    HttpResponse<String> export = client.get("requester", "/api/cis/export");
    assertThat(export.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(export.body()).startsWith(Csv.BOM + "name,type,environment,owner_group,criticality,service,depends_on,description")
        .contains(prefix + "app,application,production,ops-engineers,high,,")
        .contains(prefix + "db@production;" + prefix + "db@staging");
    HttpResponse<String> again = importCsv("engineer", export.body());
    assertThat(JSON.readTree(again.body()).path("created").asInt()).isZero();
    assertThat(count()).isEqualTo(before);
    assertThat(dependsOn("app", "production")).containsExactly(prefix + "db@production", prefix + "db@staging");
  }

  @Test
  void everybodyReadsButOnlyTheEditorsWrite() throws Exception {
    assertThat(create("requester", item("laptop", "other", "production", null, "low")).statusCode()).isEqualTo(403);
    assertThat(importCsv("desk", "name,type,environment,owner_group,criticality\n").statusCode()).isEqualTo(403);
    assertThat(client.get("requester", "/api/cis?environment=production&size=5").statusCode()).isEqualTo(200);
    assertThat(client.get(null, "/api/cis").statusCode()).isEqualTo(401);
    assertThat(client.get("requester", "/api/cis?size=1000").statusCode()).isEqualTo(400);
  }

  private String item(String name, String type, String environment, String service, String criticality,
      String... dependsOn) throws Exception {
    return JSON.writeValueAsString(new CiInput(prefix + name, type, environment, service, "ops-engineers",
        criticality, null, List.of(dependsOn)));
  }

  private HttpResponse<String> create(String json) {
    return create("engineer", json);
  }

  private HttpResponse<String> create(String user, String json) {
    return client.postJson(user, "/api/cis", json);
  }

  private HttpResponse<String> put(String user, long id, String json) {
    return client.send(client.request(user, "/api/cis/" + id).header("Content-Type", "application/json")
        .PUT(BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> importCsv(String user, String csv) {
    return client.send(client.request(user, "/api/cis/import").header("Content-Type", "text/csv")
        .POST(BodyPublishers.ofString(csv)));
  }

  private static long id(HttpResponse<String> created) throws Exception {
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("id").asLong();
  }

  private List<String> dependsOn(String name, String environment) {
    return jdbc.queryForList("select t.name || '@' || t.environment from ci_dependency d"
        + " join configuration_item c on c.id = d.ci_id join configuration_item t on t.id = d.depends_on_id"
        + " where c.name = ? and c.environment = ? order by t.environment", String.class, prefix + name, environment);
  }

  private long count() {
    return jdbc.queryForObject("select count(*) from configuration_item", Long.class);
  }
}
