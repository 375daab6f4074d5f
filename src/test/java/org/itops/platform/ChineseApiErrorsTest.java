package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.itops.ChineseSuiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a Chinese installation our API refuses in Chinese when the request asks for no language the suite speaks, and
 * still in English when it asks for English.
 */
@ChineseSuiteTest
class ChineseApiErrorsTest {

  @LocalServerPort int port;

  @Test
  void aRequestThatAsksForNoLanguageOfTheSuiteIsRefusedInTheSuitesLanguage() throws Exception {
    for (String accepted : new String[] {null, "de-DE,fr;q=0.8"}) {
      JsonNode refusal = refusal(accepted);

      assertThat(refusal.path("message").asText()).as(String.valueOf(accepted))
          .isEqualTo("请求中有字段无效；未创建或修改任何内容。");
      assertThat(ApiErrorLanguageTest.reasons(refusal)).containsExactly("title: 为必填项");
    }
    assertThat(ApiErrorLanguageTest.reasons(refusal("en-US"))).containsExactly("title: is required");
  }

  private JsonNode refusal(String acceptLanguage) throws Exception {
    return ApiErrorLanguageTest.refusedReport(port, """
        {"title": " ", "impact": "low", "urgency": "low", "category": "server"}""", acceptLanguage);
  }
}
