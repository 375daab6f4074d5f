package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Our API refuses in the language that the request's Accept-Language asks for: Chinese for zh, English otherwise. */
@SuiteTest
class ApiErrorLanguageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WITH_UNKNOWN_FIELD = """
      {"title": "打印机无法打印", "impact": "low", "urgency": "low", "category": "server", "colour": "红色"}""";

  @LocalServerPort int port;

  @Test
  void aRequestThatAsksForChineseIsRefusedInChinese() throws Exception {
    for (String accepted : new String[] {"zh-CN", "zh", "zh-TW,en;q=0.8", "zh-CN,zh;q=0.9,en;q=0.8"}) {
      JsonNode refusal = refusal(accepted);

      assertThat(refusal.path("message").asText()).as(accepted).isEqualTo("请求中有字段无效；未创建或修改任何内容。");
      assertThat(refusal.path("errors").get(0).path("field").asText()).isEqualTo("colour");
      assertThat(refusal.path("errors").get(0).path("reason").asText()).startsWith("不是此请求的字段");
    }
  }

  @Test
  void everyOtherRequestIsRefusedInEnglish() throws Exception {
    for (String accepted : new String[] {null, "en-US", "de-DE,fr;q=0.8", "en,zh;q=0.5"}) {
      JsonNode refusal = refusal(accepted);

      assertThat(refusal.path("message").asText()).as(String.valueOf(accepted))
          .isEqualTo("The request has invalid fields; nothing was created or changed.");
      assertThat(refusal.path("errors").get(0).path("reason").asText()).startsWith("is not a field of this request");
    }
  }

  @Test
  void aRecordThatIsNotThereIsNamedInTheDetailOfTheChineseAnswer() throws Exception {
    SuiteClient client = new SuiteClient(port);
    HttpResponse<String> answer = client.send(client.request("desk", "/api/incidents/INC-999999")
        .header("Accept-Language", "zh-CN").GET());

    assertThat(answer.statusCode()).isEqualTo(404);
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("message").asText()).isEqualTo("没有该记录，或你无权查看。");
    assertThat(body.path("detail").asText()).contains("INC-999999");
  }

  private JsonNode refusal(String acceptLanguage) throws Exception {
    SuiteClient client = new SuiteClient(port);
    var request = client.request("requester", "/api/incidents").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(WITH_UNKNOWN_FIELD));
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    HttpResponse<String> answer = client.send(request);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    return JSON.readTree(answer.body());
  }
}
