package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.itops.ChineseSuiteTest;
import org.itops.SuiteClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An incident reported in Chinese keeps its title as typed, and Tasklist's search finds its task by a part of it. */
@ChineseSuiteTest
class ChineseIncidentSearchTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  @Test
  void aChineseTitleIsKeptAsTypedAndTasklistsSearchFindsItsTask() throws Exception {
    SuiteClient client = new SuiteClient(port);
    String title = "财务部打印机卡纸，无法打印报销单（三楼东侧）";
    HttpResponse<String> reported = client.postJson("requester", "/api/incidents", JSON.writeValueAsString(
        java.util.Map.of("title", title, "description", "换过纸盒也不行。", "impact", "low", "urgency", "medium",
            "category", "server")));
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
    String number = JSON.readTree(reported.body()).path("number").asText();

    assertThat(JSON.readTree(client.get("desk", "/api/incidents/" + number).body()).path("title").asText())
        .isEqualTo(title);
    // what Tasklist sends when one searches the task cards' title for a part of it
    JsonNode tasks = JSON.readTree(client.postJson("desk", "/engine-rest/task?maxResults=50", """
        {"processVariables": [{"name": "title", "operator": "like", "value": "%报销单%"}]}""").body());
    assertThat(tasks.findValuesAsText("name")).isNotEmpty();
    assertThat(tasks.findValuesAsText("processInstanceId")).hasSize(tasks.size());
    assertThat(JSON.readTree(client.get("desk", "/engine-rest/task?processInstanceBusinessKey=" + number
        + "&maxResults=10").body()).get(0).path("id").asText())
        .isIn(tasks.findValuesAsText("id"));
  }
}
