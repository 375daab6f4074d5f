package org.itops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.TestMail;
import org.itops.oncall.Pages;
import org.itops.oncall.RotaRequest;
import org.itops.oncall.Rotas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal story in a real Chromium: the requester reports in the portal with a screenshot attached and sees the
 * article that may solve it, the desk triages and the engineer asks in Tasklist, the requester answers in the portal,
 * the engineer resolves, the requester confirms and rates in the portal, finds the closed incident in My requests and
 * logs out. The requester uses the keyboard alone ({@link PortalRequester}); the staff use Tasklist as they do.
 */
@EndToEndTest
class PortalStoryIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessSteps steps;
  @Autowired IdentityService identityService;
  @Autowired Rotas rotas;
  @Autowired Pages pages;

  @Test
  void aRequesterReportsAnswersConfirmsAndRatesInThePortalWithTheKeyboardAlone() throws Exception {
    String word = "Tunnel" + UUID.randomUUID().toString().substring(0, 6);
    String solution = "Raise the IKE rekey lifetime to 8 hours";
    String article = PortalRequester.publishedArticle(port, steps, word + " VPN drops every hour",
        "Remote users lose the tunnel", solution);
    Path screenshot = PortalRequester.aScreenshot("vpn-error.png");
    try (Browser browser = new Browser(port)) {
      PortalRequester requester = new PortalRequester(browser);
      browser.portalLogin("requester");
      assertThat(browser.focusOn(PortalRequester.HEADING).getText()).isEqualTo("My requests");
      skipLinkLeadsToTheHeading(browser);
      requester.open("#/new");
      requester.typeTitleUntilSuggested(word + " VPN drops", article, solution);
      assertThat(browser.pageText()).contains("These may solve it");
      browser.screenshot("portal-requester-sees-the-article-that-may-solve-it");
      String number = requester.sendIncident("The article did not help: it drops on 4G too", screenshot);
      assertThat(browser.visible(PortalRequester.RESULT).getText()).isEqualTo("Received as " + number + ".");
      assertThat(jdbc.queryForObject("select category || ' ' || impact || ' ' || urgency from incident"
          + " where number = ?", String.class, number)).isEqualTo("network medium high");
      browser.screenshot("portal-requester-reported-it");

      browser.login("tasklist", "desk");
      browser.openTask("My groups' tasks", "Triage incident", number);
      browser.claim();
      browser.select("assignedGroupField", "Operations engineers");
      browser.complete();
      waitForStatus(browser, number, "ASSIGNED");

      browser.login("tasklist", "engineer");
      browser.openTask("My groups' tasks", "Take incident", number);
      browser.claim();
      browser.complete();
      waitForStatus(browser, number, "IN_PROGRESS");
      browser.openTask("My tasks", "Work on incident", number);
      browser.choose("outcomeField", "I need an answer from the requester (pauses the resolution clock)");
      browser.type("questionField", "Does it also drop on the office network?");
      browser.complete();
      waitForStatus(browser, number, "WAITING_FOR_REQUESTER");

      browser.portalLogin("requester");
      requester.openWaiting(number, "Answer the engineer's question");
      assertThat(browser.pageText()).contains("Does it also drop on the office network?");
      browser.tabTo(By.cssSelector("main form textarea"));
      browser.press("No, only at home");
      browser.screenshot("portal-requester-answers-the-question");
      assertThat(requester.submit()).isEqualTo("Done: Answer the engineer's question");
      waitForStatus(browser, number, "IN_PROGRESS");

      browser.login("tasklist", "engineer");
      browser.openTask("My tasks", "Work on incident", number);
      browser.choose("outcomeField", "Resolved");
      browser.select("resolutionCodeField", "Fixed");
      browser.type("resolutionNotesField", "Raised the rekey lifetime of the home-office profile");
      browser.complete();
      waitForStatus(browser, number, "RESOLVED");

      browser.portalLogin("requester");
      requester.openWaiting(number, "Confirm resolution");
      browser.tabTo(By.xpath("//main//label[normalize-space(.)='Yes, close the incident']/input"));
      browser.press(Keys.SPACE);
      browser.screenshot("portal-requester-confirms");
      assertThat(requester.submit()).isEqualTo("Done: Confirm resolution");
      waitForStatus(browser, number, "CLOSED");

      requester.openWaiting(number, "How satisfied are you?");
      browser.tabTo(By.id("rating-0"));
      browser.press(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN); // to 5, chosen on the way
      browser.tabTo(By.id("survey-comment"));
      browser.press("Quick and clear");
      browser.screenshot("portal-requester-rates");
      assertThat(requester.submit()).isEqualTo("Thank you for your answer.");
      assertThat(jdbc.queryForObject("select rating from survey where record_number = ?", Integer.class, number))
          .isEqualTo(5);

      requester.open("#/requests");
      browser.tabTo(By.id("filter-state"));
      browser.press(Keys.ARROW_DOWN); // from open to closed
      browser.tabTo(By.id("filter-q"));
      browser.press(number, Keys.ENTER);
      browser.tabTo(By.xpath("//main//h2/a[starts-with(., '" + number + " · " + word + "')]"));
      browser.press(Keys.ENTER);
      assertThat(browser.focusOn(PortalRequester.HEADING).getText()).startsWith(number + " · " + word);
      assertThat(browser.pageText()).contains("Closed", screenshot.getFileName().toString());
      browser.screenshot("portal-requester-sees-it-closed");

      browser.tabBackTo(By.id("logout"));
      browser.press(Keys.ENTER);
      browser.focusOn(By.id("login-user"));
      assertThat(browser.visible(PortalRequester.RESULT).getText()).isEqualTo("You are logged out.");
    }
  }

  @Test
  void thePagedEngineerAcknowledgesThePageOnTheIncidentsPageOfThePortal() throws Exception {
    String group = "oncall-" + UUID.randomUUID().toString().substring(0, 8);
    identityService.saveGroup(identityService.newGroup(group));
    steps.as("manager", () -> rotas.save(group, new RotaRequest("changemgr", "UTC", "09:00", 7, "2026-01-05",
        List.of("engineer"))));
    HttpResponse<String> reported = new SuiteClient(port).postJson("requester", "/api/incidents", """
        {"title": "Core switch down", "description": "No network on floor 3", "category": "network",
         "impact": "low", "urgency": "low"}""");
    String number = new ObjectMapper().readTree(reported.body()).path("number").asText();
    pages.request(number, group, "P1", "Core switch down");
    By acknowledge = By.xpath("//main//button[normalize-space(.)='Acknowledge page']");
    try (Browser browser = new Browser(port)) {
      // the page's steps after its start are the job executor's, as in production
      browser.eventually(() -> jdbc.queryForObject("select count(*) from oncall_page_step where incident_number = ?",
          Integer.class, number) > 0, "the page's first step");
      browser.portalLogin("engineer");
      browser.open("/portal/#/record/" + number);
      assertThat(browser.focusOn(PortalRequester.HEADING).getText()).startsWith(number + " · Core switch down");
      assertThat(browser.pageText()).contains("On-call page", "Paged, not acknowledged yet");
      assertThat(browser.visible(fact("Paged now")).getText()).isEqualTo("engineer");
      browser.screenshot("portal-engineer-sees-the-page");

      browser.tabTo(acknowledge);
      browser.press(Keys.ENTER);

      assertThat(browser.focusOn(PortalRequester.RESULT).getText()).isEqualTo("Page of " + number + " acknowledged");
      assertThat(jdbc.queryForObject("select acknowledged_by from oncall_page where incident_number = ?",
          String.class, number)).isEqualTo("engineer");
      assertThat(browser.visible(fact("Acknowledged by")).getText()).isEqualTo("engineer");
      assertThat(browser.isShown(acknowledge)).as("nothing left to acknowledge").isFalse();
    }
  }

  @Test
  void atPhoneWidthNoViewScrollsSidewaysAndEveryFieldHasALabel() {
    try (Browser browser = new Browser(port)) {
      browser.portalLogin("requester");
      browser.width(375);
      for (String view : new String[] {"My requests", "Waiting for me", "New request"}) {
        browser.click(By.linkText(view));
        Browser.sleep(500);
        assertThat(browser.scrollsSideways()).as(view + " scrolls sideways at 375 px").isFalse();
        assertThat(browser.fieldsWithoutLabel()).as("fields of " + view + " without a label").isEmpty();
      }
      browser.click(By.cssSelector("label[for=new-kind-1]"));
      assertThat(browser.fieldsWithoutLabel()).as("fields of a new demand without a label").isEmpty();
      assertThat(browser.scrollsSideways()).isFalse();
      browser.screenshot("portal-new-demand-at-375-px");
    }
  }

  /** The value of a fact of the record's page (the term's definition). */
  private static By fact(String term) {
    return By.xpath("//main//dt[normalize-space(.)='" + term + "']/following-sibling::dd[1]");
  }

  /** The first stop of Tab is the skip link, shown while it has the focus; Enter moves the focus to the heading. */
  private static void skipLinkLeadsToTheHeading(Browser browser) {
    String page = browser.url();
    browser.tabBackTo(By.cssSelector("a.skip"));
    assertThat(browser.focused().getText()).isEqualTo("Skip to the content");
    assertThat(browser.focused().getRect().getX()).as("the skip link on the screen").isNotNegative();
    browser.press(Keys.ENTER);
    browser.focusOn(PortalRequester.HEADING);
    assertThat(browser.url()).as("the view shown").isEqualTo(page);
  }

  private void waitForStatus(Browser browser, String number, String status) {
    new IncidentRecords(jdbc).waitForStatus(browser, number, status);
  }
}
