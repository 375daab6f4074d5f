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
import java.util.UUID;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Our API refuses in the language that the request's Accept-Language asks for: Chinese for zh, English for en, the
 * suite's language (here English) otherwise; the reasons of single fields, a refused login, a body too large, a record
 * that is not there, an action the user may not take, a parameter of the wrong type and a reused Idempotency-Key too.
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

    JsonNode chinese = answer(client, "zh-CN", 404, client.request("desk", "/api/incidents/INC-999999").GET());
    JsonNode english = answer(client, null, 404, client.request("desk", "/api/incidents/INC-999999").GET());

    assertThat(chinese.path("message").asText()).isEqualTo("没有该记录，或你无权查看。");
    assertThat(chinese.path("detail").asText()).isEqualTo("没有事件 INC-999999");
    assertThat(english.path("message").asText()).isEqualTo("No incident INC-999999");
  }

  @Test
  void aParameterOfTheWrongTypeIsNamedInTheRequestsLanguage() throws Exception {
    SuiteClient client = new SuiteClient(port);

    JsonNode chinese = answer(client, "zh-CN", 400, client.request("desk", "/api/incidents?page=two").GET());
    JsonNode english = answer(client, null, 400, client.request("desk", "/api/incidents?page=two").GET());

    assertThat(reasons(chinese)).containsExactly("page: 的值类型不对：“two”");
    assertThat(reasons(english)).containsExactly("page: has a value of the wrong type: 'two'");
  }

  @Test
  void whatTheUserMayNotDoIsSaidInTheRequestsLanguage() throws Exception {
    SuiteClient client = new SuiteClient(port);
    String reassignment = """
        {"group": "ops-engineers", "reason": "换一个组"}""";

    JsonNode chinese = answer(client, "zh-CN", 403, client.request("requester", "/api/incidents/INC-000001/reassign")
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(reassignment)));
    JsonNode english = answer(client, null, 403, client.request("requester", "/api/incidents/INC-000001/reassign")
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(reassignment)));

    assertThat(chinese.path("message").asText()).isEqualTo("你无权执行此操作。");
    assertThat(chinese.path("detail").asText()).isEqualTo("只有服务台可以重新分配事件");
    assertThat(english.path("message").asText()).isEqualTo("Only the service desk reassigns incidents");
  }

  @Test
  void anIdempotencyKeyUsedForAnotherRequestIsSaidInTheRequestsLanguage() throws Exception {
    SuiteClient client = new SuiteClient(port);
    String key = "key-" + UUID.randomUUID();
    answer(client, null, 201, report(client, key, "打印机无法打印"));

    JsonNode chinese = answer(client, "zh-CN", 409, report(client, key, "另一台打印机无法打印"));
    JsonNode english = answer(client, null, 409, report(client, key, "另一台打印机无法打印"));

    assertThat(chinese.path("message").asText()).isEqualTo("此 Idempotency-Key 已用于另一个不同的请求。");
    assertThat(chinese.path("detail").asText()).isEqualTo("Idempotency-Key '" + key + "' 已用于另一个不同的请求");
    assertThat(english.path("message").asText())
        .isEqualTo("Idempotency-Key '" + key + "' was already used for a different request");
  }

  private static HttpRequest.Builder report(SuiteClient client, String idempotencyKey, String title) {
    return client.request("requester", "/api/incidents").header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey).POST(BodyPublishers.ofString("""
            {"title": "%s", "impact": "low", "urgency": "low", "category": "server"}""".formatted(title)));
  }

  /** The body of the answer to the request sent with that Accept-Language (null: none), which has that status. */
  private static JsonNode answer(SuiteClient client, String acceptLanguage, int status, HttpRequest.Builder request)
      throws Exception {
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    HttpResponse<String> answer = client.send(request);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
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
    return answer(client, acceptLanguage, 400, client.request("requester", "/api/incidents")
        .header("Content-Type", "application/json").POST(BodyPublishers.ofString(report)));
  }
}
