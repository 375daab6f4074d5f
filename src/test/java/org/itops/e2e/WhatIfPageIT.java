package org.itops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.itops.SuiteClient;
import org.itops.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The what-if page in a real Chromium, with the keyboard alone: a process owner logs in, uploads the priority table
 * with one row changed as Camunda Modeler saved it, and reads the shift of an incident reported today, with the link
 * to its record; a file that is not a table is refused with its name.
 */
@EndToEndTest
class WhatIfPageIT {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;

  @Test
  void aProcessOwnerUploadsAChangedTableAndSeesWhatItWouldHaveDecided() throws Exception {
    String number = new ObjectMapper().readTree(new SuiteClient(port).postJson("requester", "/api/incidents", """
        {"title": "Printer queue stalls", "description": "Since the update", "impact": "high", "urgency": "low",
         "category": "workplace"}""").body()).path("number").asText();
    Path changed = Files.createDirectories(Browser.SCREENSHOTS).resolve("incident-priority.dmn");
    Files.writeString(changed, Files.readString(Path.of("processes", "incident", "incident-priority.dmn"))
        .replace("<outputEntry id=\"highImpactLowUrgencyPriority\"><text>\"P3\"</text>",
            "<outputEntry id=\"highImpactLowUrgencyPriority\"><text>\"P2\"</text>"), StandardCharsets.UTF_8);
    Path notATable = Browser.SCREENSHOTS.resolve("notes.dmn");
    Files.writeString(notATable, "not a table");

    try (Browser browser = new Browser(port)) {
      browser.sessionLogin("/portal/what-if.html", "modeler");
      browser.visible(By.id("what-if-decision"));
      assertThat(browser.fieldsWithoutLabel()).isEmpty();
      browser.tabTo(By.id("what-if-file"));
      browser.attach(changed);
      browser.tabTo(By.cssSelector("main form button[type=submit]"));
      browser.press(Keys.ENTER);

      assertThat(browser.focusOn(By.id("answer-title")).getText()).startsWith("incident-priority");
      assertThat(browser.visible(By.cssSelector("#answer table")).getText()).contains("P3 P2");
      assertThat(browser.visible(By.linkText(number)).getAttribute("href")).endsWith("/api/incidents/" + number);
      browser.screenshot("what-if-of-a-changed-priority-table");

      browser.tabBackTo(By.id("what-if-file"));
      browser.attach(notATable);
      browser.tabTo(By.cssSelector("main form button[type=submit]"));
      browser.press(Keys.ENTER);
      assertThat(browser.focusOn(By.id("error")).getText()).contains("notes.dmn");
    }
  }
}
