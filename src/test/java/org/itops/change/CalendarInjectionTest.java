package org.itops.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A change request that tries to forge lines of the iCalendar feed over real HTTP: a bare carriage return (which
 * calendar clients take as the end of a line) in its summary or plan stays inside the text value.
 */
@SuiteTest
class CalendarInjectionTest {

  private static final String FORGED = "\rEND:VEVENT\rBEGIN:VEVENT\rUID:forged@evil.example\rSUMMARY:Forged\r"
      + "ATTACH:http://evil.example/payload";

  @LocalServerPort int port;
  @Autowired ChangeScenario scenario;
  @Autowired Clock clock;

  @Test
  void aBareCarriageReturnCannotAddAnEventOrAPropertyToTheCalendar() throws Exception {
    SuiteClient client = new SuiteClient(port);
    Instant start = clock.instant().plus(Duration.ofDays(90)).truncatedTo(ChronoUnit.HOURS);
    String summary = "Patch the kernel\rLOCATION:Board room";
    String plan = "Drain, patch, reboot" + FORGED;
    String number = scenario.raiseOverHttp(client, summary, plan, start);

    String ics = client.get("engineer", "/api/changes/calendar.ics?from=" + encode(start.minus(Duration.ofHours(1)))
        + "&to=" + encode(start.plus(Duration.ofDays(1)))).body();

    assertThat(ics.replace("\r\n", "")).as("every CR ends a line with its LF").doesNotContain("\r").doesNotContain("\n");
    Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
    List<VEvent> events = parsed.getComponents(Component.VEVENT);
    assertThat(events).extracting(event -> value(event, Property.UID)).doesNotContain("forged@evil.example");
    VEvent change = events.stream().filter(event -> (number + "@localhost").equals(value(event, Property.UID)))
        .findFirst().orElseThrow();
    assertThat(change.getProperty(Property.LOCATION)).isEmpty();
    assertThat(change.getProperty(Property.ATTACH)).isEmpty();
    assertThat(value(change, Property.SUMMARY)).isEqualTo(number + " Patch the kernel\nLOCATION:Board room");
    assertThat(value(change, Property.DESCRIPTION)).endsWith(plan.replace('\r', '\n'));
  }

  private static String value(VEvent event, String property) {
    return event.getProperty(property).map(Property::getValue).orElse(null);
  }

  private static String encode(Instant instant) {
    return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
  }
}
