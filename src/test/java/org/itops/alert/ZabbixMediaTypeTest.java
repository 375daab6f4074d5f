package org.itops.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.itops.TestMail;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/**
 * The Zabbix media type that the project ships (integrations/zabbix), its script run as Zabbix runs it (under
 * Node.js, with Zabbix's HttpRequest done by curl) against the suite over real HTTP.
 */
@SuiteTest
class ZabbixMediaTypeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MEDIA_TYPE = Path.of("integrations", "zabbix", "itops_media_type.yaml");

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theYamlCarriesTheScriptThatIsTested() throws IOException {
    assertThat(script()).isEqualTo(Files.readString(Path.of("integrations", "zabbix", "itops-webhook.js")));
    assertThat(mediaType()).containsEntry("type", "WEBHOOK").containsEntry("process_tags", "YES");
  }

  @Test
  void aProblemOpensAnIncidentAndTagsTheEventAnUpdateCommentsAndARecoveryResolves() throws Exception {
    String eventId = String.valueOf(System.nanoTime() % 1_000_000_000L);

    JsonNode tags = JSON.readTree(runScript(event(eventId, "1", "0"))).path("tags");
    String incident = tags.path("__itops_incident").asText();
    assertThat(incident).matches("INC-\\d{6}");
    assertThat(tags.path("__itops_alert").asText()).matches("ALR-\\d{6}");
    assertThat(tags.path("__itops_incident_url").asText()).contains("/camunda/app/tasklist/default/").contains(incident);
    assertThat(jdbc.queryForMap("select priority, configuration_item from incident where number = ?", incident))
        .containsEntry("PRIORITY", "P2").containsEntry("CONFIGURATION_ITEM", "mail-01");

    Map<String, String> update = event(eventId, "1", "1");
    update.put("event_update_message", "Looking into it");
    runScript(update);
    assertThat(jdbc.queryForList("select detail from record_event where record_number = ? and type = 'NOTE'",
        String.class, incident)).containsExactly("Zabbix update by Zabbix Administrator: Looking into it");

    runScript(event(eventId, "0", "0"));
    assertThat(jdbc.queryForObject("select alert_resolved_at from incident where number = ?", java.sql.Timestamp.class,
        incident)).isNotNull();
  }

  @Test
  void anUnknownEventTypeOrAnUnresolvedMacroIs400() {
    SuiteClient client = new SuiteClient(port);
    for (String body : List.of("{\"event\": \"escalation\", \"eventId\": \"42\", \"name\": \"x\"}",
        "{\"event\": \"problem\", \"eventId\": \"{EVENT.ID}\", \"name\": \"x\"}",
        "{\"event\": \"update\", \"eventId\": \"999999999999\"}")) {
      int status = client.send(client.request(null, "/api/alerts/zabbix").header("Authorization",
          "Bearer dev-monitoring-token").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
      assertThat(status).as(body).isEqualTo(400);
    }
  }

  /** The parameters Zabbix would resolve for a High trigger on host mail-01. */
  private Map<String, String> event(String eventId, String value, String updateStatus) {
    Map<String, String> params = new HashMap<>();
    params.put("itops_url", "http://127.0.0.1:" + port + "/");
    params.put("itops_token", "dev-monitoring-token");
    params.put("event_id", eventId);
    params.put("event_value", value);
    params.put("event_update_status", updateStatus);
    params.put("event_name", "Mail queue above 500 on mail-01");
    params.put("event_severity", "High");
    params.put("event_tags", "[{\"tag\":\"service\",\"value\":\"mail\"},{\"tag\":\"env\",\"value\":\"prod\"}]");
    params.put("host", "mail-01");
    params.put("trigger_id", "13520");
    params.put("alert_message", "Problem started at 10:02:11");
    params.put("event_update_message", "");
    params.put("event_update_user", "Zabbix Administrator");
    params.put("zabbix_url", "https://zabbix.example.org");
    return params;
  }

  private String runScript(Map<String, String> params) throws Exception {
    Path dir = Files.createTempDirectory("itops-zabbix");
    Path script = dir.resolve("itops-webhook.js");
    Files.writeString(script, script());
    Path value = dir.resolve("params.json");
    Files.writeString(value, JSON.writeValueAsString(params));
    Path shim = Path.of("src", "test", "resources", "zabbix", "zabbix-shim.js");
    Process node = new ProcessBuilder("node", shim.toString(), script.toString(), value.toString())
        .redirectErrorStream(true).start();
    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.exitValue()).as(output).isZero();
    return output;
  }

  private static String script() throws IOException {
    return (String) mediaType().get("script");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> mediaType() throws IOException {
    Map<String, Object> export = new Yaml().load(Files.readString(MEDIA_TYPE));
    Map<String, Object> zabbix = (Map<String, Object>) export.get("zabbix_export");
    assertThat(zabbix.get("version")).isEqualTo("7.0");
    return ((List<Map<String, Object>>) zabbix.get("media_types")).get(0);
  }
}
