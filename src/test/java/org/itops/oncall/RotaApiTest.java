package org.itops.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.platform.InvalidRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/rotas} and the Tasklist's rota-change and rota-override: who may keep rotas, what is refused, what is
 * not done twice.
 */
@SuiteTest
class RotaApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROTA = """
      {"manager": "changemgr", "zone": "Asia/Shanghai", "handover": "00:00", "shiftDays": 1,
       "startsOn": "2026-12-01", "members": ["engineer", "desk"]}""";
  private static final String HOLIDAY = """
      {"person": "owner", "from": "2026-12-24T00:00:00+08:00", "to": "2026-12-27T00:00:00+08:00",
       "reason": "holiday of engineer"}""";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired ProcessSteps steps;
  @Autowired JdbcTemplate jdbc;
  SuiteClient client;
  String group;

  @BeforeEach
  void aGroupOfItsOwn() {
    client = new SuiteClient(port);
    group = "oncall-" + UUID.randomUUID().toString().substring(0, 8);
    identityService.saveGroup(identityService.newGroup(group));
  }

  @Test
  void itManagersKeepTheRotaAndTheStaffReadWhoIsOnDutyAcrossMidnight() {
    assertThat(client.putJson("manager", "/api/rotas/" + group, ROTA).statusCode()).isEqualTo(200);

    assertThat(onDuty("desk", "2026-12-01T23:59:59%2B08:00")).isEqualTo("engineer");
    assertThat(onDuty("desk", "2026-12-02T00:00:00%2B08:00")).isEqualTo("desk");
    assertThat(client.get("desk", "/api/rotas").body()).contains(group);
  }

  @Test
  void onlyItManagersKeepRotasAndRequestersReadNone() {
    client.putJson("manager", "/api/rotas/" + group, ROTA);

    assertThat(client.putJson("engineer", "/api/rotas/" + group, ROTA).statusCode()).isEqualTo(403);
    assertThat(client.postJson("desk", "/api/rotas/" + group + "/overrides", HOLIDAY).statusCode()).isEqualTo(403);
    assertThat(client.get("requester", "/api/rotas/" + group).statusCode()).isEqualTo(403);
    assertThat(jdbc.queryForObject("select count(*) from oncall_override where group_id = ?", Integer.class, group))
        .isZero();
  }

  @Test
  void anUnknownGroupUserZoneOrTimeIsRefusedWithEveryReasonAndNothingWritten() throws Exception {
    JsonNode refusal = refused("en", "/api/rotas/no-such-group", """
        {"manager": "nobody-like-this", "zone": "Mars/Olympus", "handover": "25:00", "shiftDays": 0,
         "startsOn": "soon", "members": ["engineer", "engineer"]}""");

    assertThat(reasons(refusal)).contains("group: 'no-such-group' is not a group of the suite",
        "manager: 'nobody-like-this' is not a user", "zone: 'Mars/Olympus' is not a time zone such as Asia/Shanghai",
        "handover: '25:00' is not a time of day such as 09:00", "shiftDays: must be a whole number of days from 1 to 28",
        "members: names a member twice");
    assertThat(jdbc.queryForObject("select count(*) from oncall_rota where group_id = 'no-such-group'",
        Integer.class)).isZero();
  }

  @Test
  void anOverlappingOverrideIsRefusedInTheReadersLanguageAndTheSameOneTwiceIsKeptOnce() throws Exception {
    client.putJson("manager", "/api/rotas/" + group, ROTA);

    HttpResponse<String> first = client.postJson("manager", "/api/rotas/" + group + "/overrides", HOLIDAY);
    HttpResponse<String> again = client.postJson("manager", "/api/rotas/" + group + "/overrides", HOLIDAY);
    String overlapping = """
        {"person": "desk", "from": "2026-12-26T12:00:00+08:00", "to": "2026-12-28T00:00:00+08:00", "reason": "swap"}""";
    JsonNode english = refused("en", "/api/rotas/" + group + "/overrides", overlapping);
    JsonNode chinese = refused("zh-CN", "/api/rotas/" + group + "/overrides", overlapping);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("id")).isEqualTo(JSON.readTree(first.body()).get("id"));
    assertThat(reasons(english)).singleElement().asString().startsWith("from/to: overlaps the override of owner");
    assertThat(reasons(chinese)).singleElement().asString().startsWith("from/to: 与 owner 从");
    assertThat(jdbc.queryForObject("select count(*) from oncall_override where group_id = ?", Integer.class, group))
        .isOne();
    assertThat(onDuty("desk", "2026-12-25T12:00:00%2B08:00")).as("the holiday's override").isEqualTo("owner");
  }

  @Test
  void anOverrideWhoseEndIsNotAfterItsStartIsRefused() throws Exception {
    client.putJson("manager", "/api/rotas/" + group, ROTA);

    JsonNode refusal = refused("en", "/api/rotas/" + group + "/overrides", """
        {"person": "owner", "from": "2026-12-24T00:00:00Z", "to": "2026-12-24T00:00:00Z", "reason": "none"}""");

    assertThat(reasons(refusal)).containsExactly("to: must be after from");
  }

  @Test
  void anItManagerOverridesTheRotaFromTasklistByTheSameRules() {
    client.putJson("manager", "/api/rotas/" + group, ROTA);
    Map<String, Object> form = new HashMap<>(Map.of("group", group, "person", "owner",
        "from", "2026-12-31T16:00:00.000Z", "to", "2027-01-01T16:00:00.000Z", "reason", "New Year swap"));

    steps.as("manager", () -> runtimeService.startProcessInstanceByKey("rota-override", form));
    form.put("person", "desk");

    assertThatThrownBy(() -> steps.as("manager", () -> runtimeService.startProcessInstanceByKey("rota-override",
        form))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("overlaps the override of owner");
    assertThat(onDuty("engineer", "2027-01-01T12:00:00%2B08:00")).isEqualTo("owner");
    assertThat(jdbc.queryForObject("select created_by from oncall_override where group_id = ?", String.class, group))
        .isEqualTo("manager");
  }

  @Test
  void anItManagerKeepsAWholeRotaFromTasklistByTheSameRules() throws Exception {
    Map<String, Object> form = new HashMap<>(Map.of("group", group, "manager", "changemgr", "zone", "Asia/Shanghai",
        "handover", "00:00", "shiftDays", 1L, "startsOn", "2026-12-01", "members", "engineer\n desk \n\n"));

    steps.as("manager", () -> runtimeService.startProcessInstanceByKey("rota-change", form));
    form.putAll(Map.of("members", "engineer\nnobody-like-this", "shiftDays", 0L));

    assertThatThrownBy(() -> steps.as("manager", () -> runtimeService.startProcessInstanceByKey("rota-change",
        form))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("must be a whole number of days from 1 to 28")
        .hasMessageContaining("'nobody-like-this' is not a user");
    assertThat(onDuty("desk", "2026-12-01T23:59:59%2B08:00")).isEqualTo("engineer");
    assertThat(onDuty("desk", "2026-12-02T00:00:00%2B08:00")).as("the refused change wrote nothing")
        .isEqualTo("desk");
    JsonNode rota = JSON.readTree(client.get("desk", "/api/rotas/" + group).body());
    assertThat(rota.get("manager").asText()).isEqualTo("changemgr");
    assertThat(jdbc.queryForObject("select updated_by from oncall_rota where group_id = ?", String.class, group))
        .isEqualTo("manager");
  }

  private String onDuty(String user, String at) {
    HttpResponse<String> answer = client.get(user, "/api/rotas/" + group + "/on-duty?at=" + at);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    try {
      return JSON.readTree(answer.body()).get("person").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode refused(String language, String path, String json) throws Exception {
    var request = client.request("manager", path).header("Content-Type", "application/json")
        .header("Accept-Language", language);
    HttpResponse<String> answer = client.send(path.endsWith("/overrides")
        ? request.POST(BodyPublishers.ofString(json)) : request.PUT(BodyPublishers.ofString(json)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    return JSON.readTree(answer.body());
  }

  private static java.util.List<String> reasons(JsonNode refusal) {
    java.util.List<String> reasons = new java.util.ArrayList<>();
    refusal.path("errors").forEach(error -> reasons.add(error.path("field").asText() + ": "
        + error.path("reason").asText()));
    return reasons;
  }
}
