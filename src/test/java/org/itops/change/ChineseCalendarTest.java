package org.itops.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.itops.ChineseSuiteTest;
import org.itops.SuiteClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A change typed in Chinese comes out of the iCalendar feed as typed, its long lines folded between characters. */
@ChineseSuiteTest
class ChineseCalendarTest {

  @LocalServerPort int port;
  @Autowired ChangeScenario scenario;
  @Autowired Clock clock;

  @Test
  void aChineseSummaryAndPlanStayAsTypedInTheCalendar() throws Exception {
    SuiteClient client = new SuiteClient(port);
    Instant start = clock.instant().plus(Duration.ofDays(120)).truncatedTo(ChronoUnit.HOURS);
    String summary = "核心交换机固件升级：先升级备用机，确认业务流量切换正常后再升级主用机，全程约两小时";
    String plan = "一、通知各业务方；二、升级备用交换机；三、切换流量并观察三十分钟；四、升级主用交换机。";
    String number = scenario.raiseOverHttp(client, summary, plan, start);

    HttpResponse<String> feed = client.get("engineer", "/api/changes/calendar.ics?from="
        + encode(start.minus(Duration.ofHours(1))) + "&to=" + encode(start.plus(Duration.ofDays(1))));

    assertThat(feed.headers().firstValue("Content-Type").orElseThrow()).containsIgnoringCase("charset=UTF-8");
    String ics = feed.body();
    assertThat(ics.split("\r\n")).as("lines of at most 75 octets")
        .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
    Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
    assertThat(parsed.getProperty("X-WR-CALNAME").map(Property::getValue)).hasValue("变更日历");
    VEvent change = parsed.<VEvent>getComponents(Component.VEVENT).stream()
        .filter(event -> event.getProperty(Property.UID).map(Property::getValue).orElse("").startsWith(number + "@"))
        .findFirst().orElseThrow();
    assertThat(change.getProperty(Property.SUMMARY).map(Property::getValue)).hasValue(number + " " + summary);
    assertThat(change.getProperty(Property.DESCRIPTION).map(Property::getValue).orElseThrow())
        .contains("配置项：").endsWith(plan);
  }

  private static String encode(Instant instant) {
    return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
  }
}
