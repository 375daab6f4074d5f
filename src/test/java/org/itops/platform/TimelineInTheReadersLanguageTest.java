package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.itops.ChineseSuiteTest;
import org.itops.SuiteClient;
import org.itops.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On a Chinese installation (Asia/Shanghai) an incident's timeline, as GET /api/incidents/{number} answers it, reads
 * in the language the request asks for, the due times in the installation's zone; the database keeps the English
 * text of the moment, and an entry written before the texts were stored shows that text.
 */
@ChineseSuiteTest
class TimelineInTheReadersLanguageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '(UTC+08:00)'")
      .withZone(ZoneId.of(ChineseSuiteTest.ZONE));

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void anIncidentsTimelineReadsInTheRequestsLanguageWithItsDueTimesInTheSuitesZone() throws Exception {
    String number = report();
    Map<String, Object> due = jdbc.queryForMap(
        "select response_due, resolution_due from incident where number = ?", number);
    String respondBy = SHOWN.format(((Timestamp) due.get("RESPONSE_DUE")).toInstant());
    String resolveBy = SHOWN.format(((Timestamp) due.get("RESOLUTION_DUE")).toInstant());

    assertThat(timeline(number, "zh-CN")).containsEntry("REPORTED", "经 api 为 requester 报告：VPN 每小时断开")
        .containsEntry("CLASSIFIED", "P2（高）：须于 " + respondBy + " 前响应，" + resolveBy + " 前解决");
    assertThat(timeline(number, "en")).containsEntry("REPORTED", "Reported via api for requester: VPN 每小时断开")
        .containsEntry("CLASSIFIED", "P2: respond by " + respondBy + ", resolve by " + resolveBy);
    assertThat(timeline(number, null)).as("the suite's language without Accept-Language")
        .containsEntry("REPORTED", "经 api 为 requester 报告：VPN 每小时断开");
    assertThat(jdbc.queryForObject("select detail from record_event where record_number = ? and type = 'CLASSIFIED'",
        String.class, number)).as("the column keeps the English text").startsWith("P2: respond by ");
  }

  @Test
  void anEntryWrittenBeforeTheTextsWereStoredShowsItsDetailInEveryLanguage() throws Exception {
    String number = report();
    jdbc.update("insert into record_event (record_number, at, type, actor, detail)"
        + " values (?, ?, 'STATUS_UPDATE', 'system', ?)", number, Timestamp.from(Instant.now()),
        "Written by an older version: respond by 2026-12-01T01:30:00Z");

    for (String language : new String[] {"zh-CN", "en"}) {
      assertThat(timeline(number, language)).as(language)
          .containsEntry("STATUS_UPDATE", "Written by an older version: respond by 2026-12-01T01:30:00Z");
    }
  }

  private String report() throws Exception {
    var created = new SuiteClient(port).postJson("requester", "/api/incidents", """
        {"title": "VPN 每小时断开", "description": "从周一开始", "impact": "medium", "urgency": "high",
         "category": "network"}""");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("number").asText();
  }

  /** The timeline's details by entry type (the first of each type), as the API answers it in the language. */
  private Map<String, String> timeline(String number, String acceptLanguage) throws Exception {
    SuiteClient client = new SuiteClient(port);
    var request = client.request("requester", "/api/incidents/" + number).GET();
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    var answer = client.send(request);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    Map<String, String> details = new LinkedHashMap<>();
    List<JsonNode> entries = new ArrayList<>();
    JSON.readTree(answer.body()).path("timeline").forEach(entries::add);
    entries.forEach(entry -> details.putIfAbsent(entry.path("type").asText(), entry.path("detail").asText()));
    return details;
  }
}
