package org.itops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itops.SuiteTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * "My requests" over real HTTP with a few hundred records of one requester: pages, filters and search on the server,
 * and nobody else's records. The records are written straight to the tables (long closed, reported years ago), as
 * reporting hundreds through the processes would take minutes.
 */
@SuiteTest
class MyRequestsTest {

  private static final int INCIDENTS = 200;
  private static final int DEMANDS = 100;
  private static final Instant LONG_AGO = Instant.parse("2011-03-01T08:00:00Z");

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  String user;
  String tag;
  PortalClient portal;

  @BeforeEach
  void aRequesterWithHundredsOfRequests() {
    tag = Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
    user = "pager" + tag.toLowerCase();
    User requester = identityService.newUser(user);
    requester.setPassword(user);
    identityService.saveUser(requester);
    identityService.createMembership(user, "requesters");
    for (int i = 0; i < INCIDENTS; i++) {
      Instant reported = LONG_AGO.plus(2L * i, ChronoUnit.HOURS);
      boolean open = i % 20 == 0;
      jdbc.update("insert into incident (number, title, impact, urgency, category, reporter, source, status, priority,"
          + " reported_at, closed_at, updated_at) values (?, ?, 'low', 'low', 'network', ?, 'test', ?, 'P4', ?, ?, ?)",
          number("I", i), (i == 7 ? "Printer jammed " : "Wi-Fi slow ") + i, user, open ? "IN_PROGRESS" : "CLOSED",
          Timestamp.from(reported), open ? null : Timestamp.from(reported.plusSeconds(600)), Timestamp.from(reported));
    }
    for (int i = 0; i < DEMANDS; i++) {
      Instant created = LONG_AGO.plus(2L * i + 1, ChronoUnit.HOURS);
      boolean open = i % 2 == 0;
      jdbc.update("insert into demand (number, title, business_need, expected_benefit, requested_date, cost_band,"
          + " requester, status, created_at, updated_at, closed_at) values (?, ?, 'need', 'benefit', ?, 'small', ?, ?,"
          + " ?, ?, ?)", number("D", i), "New laptop " + i, java.sql.Date.valueOf("2011-12-31"), user,
          open ? "ANALYSIS" : "DELIVERED", Timestamp.from(created), Timestamp.from(created),
          open ? null : Timestamp.from(created.plusSeconds(600)));
    }
    portal = new PortalClient(port).loggedInAs(user);
  }

  @AfterEach
  void removeThem() {
    jdbc.update("delete from incident where reporter = ?", user);
    jdbc.update("delete from demand where requester = ?", user);
    identityService.deleteUser(user);
  }

  @Test
  void pagesThroughEveryRequestOnceNewestFirst() {
    List<String> numbers = new ArrayList<>();
    List<String> created = new ArrayList<>();
    JsonNode page;
    int offset = 0;
    do {
      page = requests("state=all&limit=100&offset=" + offset);
      page.path("items").forEach(item -> {
        numbers.add(item.path("number").asText());
        created.add(item.path("createdAt").asText());
      });
      offset += 100;
    } while (offset < page.path("total").asInt());

    assertThat(page.path("total").asInt()).isEqualTo(INCIDENTS + DEMANDS);
    assertThat(numbers).hasSize(INCIDENTS + DEMANDS).doesNotHaveDuplicates();
    assertThat(numbers.get(0)).isEqualTo(number("I", INCIDENTS - 1)); // the last incident is the newest
    assertThat(created).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
  }

  @Test
  void filtersByKindAndStateAndSearchesNumberAndTitle() {
    assertThat(requests("kind=DMD&state=all").path("total").asInt()).isEqualTo(DEMANDS);
    assertThat(requests("kind=DMD&state=open").path("total").asInt()).isEqualTo(DEMANDS / 2);
    assertThat(requests("kind=INC&state=open").path("total").asInt()).isEqualTo(INCIDENTS / 20);
    assertThat(requests("state=closed").path("total").asInt()).isEqualTo(INCIDENTS - INCIDENTS / 20 + DEMANDS / 2);
    assertThat(requests("kind=INC,DMD&state=open").path("total").asInt()).isEqualTo(INCIDENTS / 20 + DEMANDS / 2);

    JsonNode printer = requests("state=all&q=PRINTER%20jammed");
    assertThat(printer.path("total").asInt()).isEqualTo(1);
    assertThat(printer.path("items").get(0).path("number").asText()).isEqualTo(number("I", 7));
    assertThat(printer.path("items").get(0).path("kind").asText()).isEqualTo("INC");
    assertThat(printer.path("items").get(0).path("dueZone").isNull()).as("no service: due in the suite's zone").isTrue();
    assertThat(requests("state=all&q=" + number("D", 42)).path("total").asInt()).isEqualTo(1);
    // a wildcard of SQL is searched as a character
    assertThat(requests("state=all&q=%25").path("total").asInt()).isZero();
  }

  @Test
  void aBadFilterOrPageIsA400NamingIt() {
    assertThat(field(portal.get("/api/my/requests?limit=0"))).isEqualTo("limit");
    assertThat(field(portal.get("/api/my/requests?limit=101"))).isEqualTo("limit");
    assertThat(field(portal.get("/api/my/requests?offset=-1"))).isEqualTo("offset");
    assertThat(field(portal.get("/api/my/requests?kind=XYZ"))).isEqualTo("kind");
    assertThat(field(portal.get("/api/my/requests?state=maybe"))).isEqualTo("state");
  }

  @Test
  void anotherRequesterFindsNoneOfThem() {
    JsonNode others = PortalClient.json(new PortalClient(port).loggedInAs("requester")
        .get("/api/my/requests?state=all&limit=100&q=" + tag));

    assertThat(others.path("total").asInt()).isZero();
  }

  private JsonNode requests(String query) {
    var response = portal.get("/api/my/requests?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return PortalClient.json(response);
  }

  private static String field(java.net.http.HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(400);
    return PortalClient.json(response).path("errors").get(0).path("field").asText();
  }

  /** A number of this test's own: the tag keeps it apart from every other record. */
  private String number(String kind, int index) {
    return (kind.equals("I") ? "INC-" : "DMD-") + tag + "-" + index;
  }
}
