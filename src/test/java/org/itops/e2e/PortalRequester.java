package org.itops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * A requester in the portal with the keyboard alone, in any language: Tab and Shift+Tab to move, Enter and Space to
 * act, arrow keys to choose, typing to fill in; never a click. Every stop of the focus must show it, and the focus
 * lands where the person expects: on the heading of a view that opens, on the result of what was sent.
 */
final class PortalRequester {

  static final By HEADING = By.cssSelector("main h1");
  static final By RESULT = By.id("status");
  private static final By SUBMIT = By.cssSelector("main form button[type=submit]");

  private final Browser browser;

  PortalRequester(Browser browser) {
    this.browser = browser;
  }

  /** Opens a view of the menu (#/requests, #/waiting, #/new): its heading takes the focus. */
  void open(String hash) {
    browser.tabBackTo(By.cssSelector("nav a[href='" + hash + "']"));
    browser.press(Keys.ENTER);
    browser.focusOn(HEADING);
  }

  /**
   * In "New request" (an incident is the choice it opens with), types the title until the article is suggested, and
   * opens the article with Enter: its solution shows.
   */
  void typeTitleUntilSuggested(String title, String article, String solution) {
    browser.tabTo(By.id("incident-title"));
    browser.press(title);
    browser.eventually(() -> browser.visible(By.cssSelector(".suggestions")).getText().contains(article),
        "the suggested article " + article);
    browser.tabTo(By.xpath("//main//summary[starts-with(., '" + article + "')]"));
    browser.press(Keys.ENTER);
    browser.eventually(() -> browser.visible(By.cssSelector(".suggestions details[open]")).getText()
        .contains(solution), "the solution of " + article);
  }

  /**
   * Completes the incident after its title: the description, the first category (network), impact medium, urgency
   * high, the file; sends it and answers its number, from the result that has the focus.
   */
  String sendIncident(String description, Path file) {
    browser.tabTo(By.id("incident-description"));
    browser.press(description);
    browser.tabTo(By.id("incident-category"));
    browser.press(Keys.ARROW_DOWN);
    browser.tabTo(By.id("incident-impact-0"));
    browser.press(Keys.ARROW_DOWN); // the next level, chosen as it gets the focus
    browser.tabTo(By.id("incident-urgency-0"));
    browser.press(Keys.SPACE);
    browser.tabTo(By.id("new-attachment"));
    browser.attach(file);
    String result = submit();
    assertThat(browser.visible(HEADING).getText()).startsWith("INC-");
    browser.eventually(() -> browser.pageText().contains(file.getFileName().toString()), "the file in the incident");
    return browser.visible(HEADING).getText().substring(0, 10);
  }

  /** Tabs to the form's button and presses Enter: the result takes the focus, and its text is answered. */
  String submit() {
    browser.tabTo(SUBMIT);
    browser.press(Keys.ENTER);
    return browser.focusOn(RESULT).getText();
  }

  /** Reloads "Waiting for me" until the task (by its name) of the record is listed, and opens it with Enter. */
  void openWaiting(String number, String taskName) {
    open("#/waiting");
    By link = By.xpath("//main//li[.//dd[contains(., '" + number + "')]]//h2/a[normalize-space(.)=\"" + taskName
        + "\"]");
    browser.eventually(() -> {
      if (browser.isShown(link)) {
        return true;
      }
      browser.reload();
      browser.visible(HEADING);
      Browser.sleep(500);
      return false;
    }, taskName + " of " + number + " in Waiting for me");
    browser.tabTo(link);
    browser.press(Keys.ENTER);
    browser.focusOn(HEADING);
    assertThat(browser.focused().getText()).isEqualTo(taskName);
  }

  // --- what the stories need from the suite --------------------------------------------------------------

  /** An article of the network category, proposed, written and approved; answers its number. */
  static String publishedArticle(int port, ProcessSteps steps, String title, String symptoms, String resolution)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    HttpResponse<String> proposed = new SuiteClient(port).postJson("desk", "/api/knowledge", json.writeValueAsString(
        Map.of("title", title, "symptoms", symptoms, "resolution", resolution, "category", "network")));
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
    String number = json.readTree(proposed.body()).path("number").asText();
    steps.complete(number, "writeArticle", "desk", Map.of());
    steps.complete(number, "reviewArticle", "demo", Map.of("decision", "approve"));
    return number;
  }

  /** A PNG as a screenshot of an error would be. */
  static Path aScreenshot(String name) throws IOException {
    Path file = Files.createTempDirectory("portal-story").resolve(name);
    ImageIO.write(new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
    return file;
  }
}
