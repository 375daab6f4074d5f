package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Our API refuses in the language that the request's Accept-Language asks for: Chinese for zh, English for en, the
 * suite's language (here English) otherwise; the reasons of single fields, a refused login and a body too large too.
 */
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
  void theReasonOfEachRefusedFieldIsInTheRequestsLanguage() throws Exception {
    String report = """
        {"title": "", "impact": "huge", "urgency": "low", "category": "server"}""";

    JsonNode chinese = refusedReport(port, report, "zh-CN");
    JsonNode english = refusedReport(port, report, null);

    assertThat(reasons(chinese)).containsExactly("title: 为必填项", "impact: 'huge' 不是 high, medium, low 之一");
    assertThat(reasons(english))
        .containsExactly("title: is required", "impact: 'huge' is not one of high, medium, low");
  }

  @Test
  void aRefusedLoginAndABodyTooLargeAreAnsweredInTheRequestsLanguageToo() throws Exception {
    SuiteClient client = new SuiteClient(port);
    HttpResponse<String> noLogin = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/incidents")).header("Accept-Language", "zh-CN").GET());
    HttpResponse<String> tooLarge = client.send(client.request("requester", "/api/incidents")
        .header("Content-Type", "application/json").header("Accept-Language", "zh-CN")
        .POST(BodyPublishers.ofString("{\"title\": \"" + "x".repeat(1_100_000) + "\"}")));
    HttpResponse<String> noLoginInEnglish = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/incidents")).GET());

    assertThat(noLogin.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(noLogin.body()).path("message").asText())
        .isEqualTo("需要身份验证：请发送套件用户的 HTTP Basic 凭据或 API 令牌。");
    assertThat(JSON.readTree(noLogin.body()).path("errors").isArray()).as("the shape of every refusal").isTrue();
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(reasons(JSON.readTree(tooLarge.body()))).containsExactly("body: 超过 1048576 字节");
    assertThat(JSON.readTree(noLoginInEnglish.body()).path("message").asText()).startsWith("Authentication required");
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

  /** Each refused field and its reason, as "field: reason". */
  static List<String> reasons(JsonNode refusal) {
    List<String> reasons = new ArrayList<>();
    refusal.path("errors").forEach(error -> reasons.add(error.path("field").asText() + ": "
        + error.path("reason").asText()));
    return reasons;
  }

  private JsonNode refusal(String acceptLanguage) throws Exception {
    return refusedReport(port, WITH_UNKNOWN_FIELD, acceptLanguage);
  }

  /** The answer to a requester's report that is refused, sent with that Accept-Language (null: none). */
  static JsonNode refusedReport(int port, String report, String acceptLanguage) throws Exception {
    SuiteClient client = new SuiteClient(port);
    var request = client.request("requester", "/api/incidents").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(report));
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    HttpResponse<String> answer = client.send(request);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    return JSON.readTree(answer.body());
  }
}
