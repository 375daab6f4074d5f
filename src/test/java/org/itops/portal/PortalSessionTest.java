package org.itops.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The portal's login, session, CSRF token, security headers and read rules, over real HTTP. */
@SuiteTest
class PortalSessionTest {

  private static final String INCIDENT = """
      {"title": "Portal session test: VPN refuses my token", "impact": "low", "urgency": "low",
       "category": "network"}""";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  PortalClient portal;

  @BeforeEach
  void openPage() {
    portal = new PortalClient(port);
  }

  @Test
  void thePageIsServedWithTheSecurityHeadersAndRunsOnlyItsOwnScripts() {
    HttpResponse<String> page = portal.page("/portal/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script type=\"module\" src=\"portal.js\"></script>");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
        .contains("script-src 'self';", "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe"));
    assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-XSS-Protection")).hasValue("1; mode=block");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(portal.page("/portal/portal.js").headers().firstValue("Content-Security-Policy")).isPresent();
    HttpResponse<String> tasklist = portal.page("/camunda/app/tasklist/default/");
    for (String header : List.of("X-Content-Type-Options", "X-XSS-Protection", "Strict-Transport-Security")) {
      assertThat(page.headers().firstValue(header)).as(header + " as the webapps send it")
          .isEqualTo(tasklist.headers().firstValue(header));
    }
  }

  @Test
  void aLoginNeedsTheSessionsCsrfTokenAndGivesTheSessionANewId() {
    portal.open();
    String before = portal.sessionId();

    HttpResponse<String> withoutToken = portal.send("POST", "/portal/login",
        "{\"user\": \"requester\", \"password\": \"requester\"}", false);
    HttpResponse<String> login = portal.login("requester", "requester");

    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(PortalClient.json(login).path("user").asText()).isEqualTo("requester");
    assertThat(portal.sessionId()).isNotNull().isNotEqualTo(before);
    assertThat(PortalClient.json(portal.get("/portal/session")).path("user").asText()).isEqualTo("requester");
  }

  @Test
  void aWrongPasswordIsRefusedWithoutABasicChallenge() {
    // a user of its own: a wrong password delays the next logins of that user (Camunda's login lock-out)
    String userId = "portalwrong" + System.nanoTime();
    User user = identityService.newUser(userId);
    user.setPassword("the-right-one");
    identityService.saveUser(user);
    try {
      HttpResponse<String> login = portal.login(userId, "not-the-password");

      assertThat(login.statusCode()).isEqualTo(401);
      assertThat(login.headers().firstValue("WWW-Authenticate")).isEmpty();
      assertThat(PortalClient.json(login).path("message").asText()).contains("Wrong user name or password");
      assertThat(portal.get("/api/my/requests").statusCode()).isEqualTo(401);
    } finally {
      identityService.deleteUser(userId);
    }
  }

  @Test
  void theSessionReadsTheApiAndChangesNothingWithoutTheCsrfToken() {
    portal.loggedInAs("requester");
    long before = reportsOfRequester();

    HttpResponse<String> withoutToken = portal.send("POST", "/api/incidents", INCIDENT, false);
    HttpResponse<String> engineWithoutToken = portal.send("POST", "/engine-rest/task/any/submit-form",
        "{\"variables\": {}}", false);

    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(engineWithoutToken.statusCode()).isEqualTo(403);
    assertThat(reportsOfRequester()).isEqualTo(before);
    HttpResponse<String> withToken = portal.send("POST", "/api/incidents", INCIDENT);
    assertThat(withToken.statusCode()).isEqualTo(201);
    String number = PortalClient.json(withToken).path("number").asText();
    assertThat(reportsOfRequester()).isEqualTo(before + 1);
    assertThat(portal.get("/api/incidents/" + number).statusCode()).isEqualTo(200);
    assertThat(PortalClient.json(portal.get("/api/incidents/" + number)).path("reporter").asText())
        .isEqualTo("requester");
  }

  @Test
  void aFileIsAttachedThroughTheSessionOnlyWithItsCsrfToken() {
    portal.loggedInAs("requester");
    String number = PortalClient.json(portal.send("POST", "/api/incidents", INCIDENT)).path("number").asText();
    String attachments = "/api/incidents/" + number + "/attachments";
    byte[] log = "ERROR vpn: peer not responding\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    HttpResponse<String> withoutToken = portal.upload(attachments, "vpn.log", log, false);
    HttpResponse<String> withToken = portal.upload(attachments, "vpn.log", log, true);

    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
    var listed = PortalClient.json(portal.get(attachments)).path("items");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("fileName").asText()).isEqualTo("vpn.log");
    assertThat(portal.get(listed.get(0).path("download").asText()).body()).contains("peer not responding");
  }

  @Test
  void anotherRequestersIncidentDoesNotExistForTheSession() {
    String others = "portalother" + System.nanoTime();
    User user = identityService.newUser(others);
    user.setPassword(others);
    identityService.saveUser(user);
    identityService.createMembership(others, "requesters");
    try {
      HttpResponse<String> created = new SuiteClient(port).postJson("requester", "/api/incidents", INCIDENT);
      String number = PortalClient.json(created).path("number").asText();
      portal.loggedInAs(others);

      assertThat(portal.get("/api/incidents/" + number).statusCode()).isEqualTo(404);
      assertThat(portal.get("/api/my/requests?q=" + number).body()).doesNotContain(number);
      assertThat(PortalClient.json(portal.get("/api/my/requests")).path("total").asLong()).isZero();
    } finally {
      identityService.deleteUser(others);
    }
  }

  @Test
  void afterLogoutTheSessionIsWorthNothing() {
    portal.loggedInAs("requester");
    String token = PortalClient.json(portal.get("/portal/session")).path("csrfToken").asText();

    HttpResponse<String> logout = portal.send("POST", "/portal/logout", null);

    assertThat(logout.statusCode()).isEqualTo(204);
    HttpResponse<String> afterwards = portal.get("/api/my/requests");
    assertThat(afterwards.statusCode()).isEqualTo(401);
    assertThat(afterwards.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(PortalClient.json(portal.get("/portal/session")).path("user").isNull()).isTrue();
    assertThat(PortalClient.json(portal.get("/portal/session")).path("csrfToken").asText()).isNotEqualTo(token);
  }

  private long reportsOfRequester() {
    return jdbc.queryForObject("select count(*) from incident where reporter = 'requester'", Long.class);
  }
}
