package org.itops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal story in a real Chromium: the requester reports in the portal (with a screenshot attached, when the
 * suite has attachments) and sees the article that may solve it, the desk triages and the engineer asks in Tasklist,
 * the requester answers in the portal, the engineer resolves, the requester confirms and rates in the portal.
 */
@EndToEndTest
class PortalStoryIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessSteps steps;

  @Test
  void aRequesterReportsAnswersConfirmsAndRatesInThePortal() throws Exception {
    String word = "Tunnel" + UUID.randomUUID().toString().substring(0, 6);
    String article = publishedArticle(word + " VPN drops every hour", "Raise the IKE rekey lifetime to 8 hours");
    boolean attachments = suiteHasAttachments();
    Path screenshot = aScreenshot();
    try (Browser browser = new Browser(port)) {
      browser.portalLogin("requester");
      browser.click(By.linkText("New request"));
      browser.visible(By.id("incident-title")).sendKeys(word + " VPN drops");
      browser.eventually(() -> browser.visible(By.cssSelector(".suggestions")).getText().contains(article),
          "the suggested article " + article);
      assertThat(browser.pageText()).contains("These may solve it");
      browser.screenshot("portal-requester-sees-the-article-that-may-solve-it");
      browser.visible(By.id("incident-description")).sendKeys("The article did not help: it drops on 4G too");
      new Select(browser.visible(By.id("incident-category"))).selectByValue("network");
      browser.click(By.cssSelector("label[for=incident-impact-1]"));
      browser.click(By.cssSelector("label[for=incident-urgency-0]"));
      if (attachments) {
        browser.visible(By.id("new-attachment")).sendKeys(screenshot.toAbsolutePath().toString());
      }
      browser.click(By.cssSelector("main form button[type=submit]"));
      browser.eventually(() -> browser.visible(By.tagName("h1")).getText().startsWith("INC-"), "the new incident");
      String number = browser.visible(By.tagName("h1")).getText().substring(0, 10);
      if (attachments) {
        browser.eventually(() -> browser.pageText().contains(screenshot.getFileName().toString()),
            "the attached screenshot in the incident");
      }
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
      openWaiting(browser, number, "Answer the engineer's question");
      assertThat(browser.pageText()).contains("Does it also drop on the office network?");
      browser.visible(By.cssSelector("main form textarea")).sendKeys("No, only at home");
      browser.screenshot("portal-requester-answers-the-question");
      browser.click(By.cssSelector("main form button[type=submit]"));
      browser.eventually(() -> browser.visible(By.id("status")).getText().startsWith("Done"), "the answer sent");
      waitForStatus(browser, number, "IN_PROGRESS");

      browser.login("tasklist", "engineer");
      browser.openTask("My tasks", "Work on incident", number);
      browser.choose("outcomeField", "Resolved");
      browser.select("resolutionCodeField", "Fixed");
      browser.type("resolutionNotesField", "Raised the rekey lifetime of the home-office profile");
      browser.complete();
      waitForStatus(browser, number, "RESOLVED");

      browser.portalLogin("requester");
      openWaiting(browser, number, "Confirm resolution");
      browser.click(By.xpath("//main//label[normalize-space(.)='Yes, close the incident']"));
      browser.screenshot("portal-requester-confirms");
      browser.click(By.cssSelector("main form button[type=submit]"));
      waitForStatus(browser, number, "CLOSED");

      openWaiting(browser, number, "How satisfied are you?");
      browser.click(By.cssSelector("label[for=rating-4]"));
      browser.visible(By.id("survey-comment")).sendKeys("Quick and clear");
      browser.screenshot("portal-requester-rates");
      browser.click(By.cssSelector("main form button[type=submit]"));
      browser.eventually(() -> browser.visible(By.id("status")).getText().contains("Thank you"), "the rating sent");
      assertThat(jdbc.queryForObject("select rating from survey where record_number = ?", Integer.class, number))
          .isEqualTo(5);

      browser.click(By.linkText("My requests"));
      new Select(browser.visible(By.id("filter-state"))).selectByValue("closed");
      browser.visible(By.id("filter-q")).sendKeys(number);
      browser.click(By.cssSelector("form[role=search] button"));
      browser.eventually(() -> browser.pageText().contains(number + " · " + word), "the closed incident listed");
      assertThat(browser.pageText()).contains("Closed");
      browser.screenshot("portal-requester-sees-it-closed");
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

  /** Reloads "Waiting for me" until the task (by its name) of the record is listed, and opens it. */
  private static void openWaiting(Browser browser, String number, String taskName) {
    By link = By.xpath("//main//li[.//dd[contains(., '" + number + "')]]//h2/a[normalize-space(.)=\"" + taskName
        + "\"]");
    browser.eventually(() -> {
      browser.open("/portal/#/waiting");
      browser.visible(By.tagName("h1"));
      Browser.sleep(500);
      browser.click(link);
      return true;
    }, taskName + " of " + number + " in Waiting for me");
    browser.visible(By.cssSelector("main form button[type=submit]"));
  }

  private void waitForStatus(Browser browser, String number, String status) {
    new IncidentRecords(jdbc).waitForStatus(browser, number, status);
  }

  /** An article of the network category, proposed, written and approved. */
  private String publishedArticle(String title, String resolution) throws IOException {
    HttpResponse<String> proposed = new SuiteClient(port).postJson("desk", "/api/knowledge", JSON.writeValueAsString(
        Map.of("title", title, "symptoms", "Remote users lose the tunnel", "resolution", resolution,
            "category", "network")));
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
    String number = JSON.readTree(proposed.body()).path("number").asText();
    steps.complete(number, "writeArticle", "desk", Map.of());
    steps.complete(number, "reviewArticle", "demo", Map.of("decision", "approve"));
    return number;
  }

  /** Whether the suite stores attachments (the attachments API of issue 17, built beside the portal). */
  private boolean suiteHasAttachments() throws IOException {
    SuiteClient client = new SuiteClient(port);
    HttpResponse<String> probe = client.postJson("requester", "/api/incidents",
        "{\"title\": \"Attachment probe\", \"impact\": \"low\", \"urgency\": \"low\", \"category\": \"workplace\"}");
    String number = JSON.readTree(probe.body()).path("number").asText();
    return client.get("requester", "/api/incidents/" + number + "/attachments").statusCode() == 200;
  }

  private static Path aScreenshot() throws IOException {
    Path file = Files.createTempDirectory("portal-story").resolve("vpn-error.png");
    ImageIO.write(new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    return file;
  }
}
