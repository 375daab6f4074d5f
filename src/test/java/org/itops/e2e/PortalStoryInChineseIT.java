package org.itops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.regex.Pattern;
import org.itops.ChineseSuiteTest;
import org.itops.ProcessSteps;
import org.itops.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal of a Chinese installation in Chromium asking for zh-CN: the requester reports with a Chinese title and a
 * file, sees the Chinese article that may solve it, follows the request in My requests (Chinese names of its status
 * and priority, the due time in the suite's zone) and confirms the resolution, with the keyboard as in
 * {@link PortalStoryIT}; no English text of the portal is left on any page. The staff's steps in between go through
 * the engine's API: {@link PortalStoryIT} has them in Tasklist.
 */
@EndToEndTest
@ChineseInstallation
class PortalStoryInChineseIT {

  /** The English texts of the portal, each part between its placeholders that holds a word. */
  private static final List<String> ENGLISH = englishTexts();

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessSteps steps;

  @Test
  void aRequesterReportsFollowsAndConfirmsInChinese() throws Exception {
    String title = "VPN 每小时断线 " + UUID.randomUUID().toString().substring(0, 6);
    String solution = "把 IKE 重新协商周期调到 8 小时";
    String article = PortalRequester.publishedArticle(port, steps, title, "居家办公时隧道断开", solution);
    IncidentRecords incidents = new IncidentRecords(jdbc);
    try (Browser browser = new Browser(port, Locale.SIMPLIFIED_CHINESE)) {
      PortalRequester requester = new PortalRequester(browser);
      browser.portalLogin("requester");
      assertThat(browser.focusOn(PortalRequester.HEADING).getText()).isEqualTo("我的请求");
      noEnglishLeft(browser, "我的请求");
      requester.open("#/new");
      requester.typeTitleUntilSuggested(title + "，连不上内网", article, solution);
      assertThat(browser.pageText()).contains("这些或许能解决问题");
      noEnglishLeft(browser, "新请求");
      browser.screenshot("portal-requester-sees-the-article-that-may-solve-it");
      String number = requester.sendIncident("在家连 VPN，每小时断开一次", PortalRequester.aScreenshot("VPN-报错.png"));
      assertThat(browser.visible(PortalRequester.RESULT).getText()).contains(number);
      noEnglishLeft(browser, "the new incident");
      browser.screenshot("portal-requester-reported-it");

      String priority = jdbc.queryForObject("select priority from incident where number = ?", String.class, number);
      staffCompletes(browser, number, "triageIncident", "desk", Map.of("priority", priority,
          "assignedGroup", "ops-engineers"));
      staffCompletes(browser, number, "takeIncident", "engineer", Map.of());
      staffCompletes(browser, number, "workOnIncident", "engineer", Map.of("outcome", "resolved",
          "resolutionCode", "FIXED", "resolutionNotes", "更新了家用配置文件的重新协商周期"));
      incidents.waitForStatus(browser, number, "RESOLVED");

      requester.open("#/requests");
      browser.tabTo(By.id("filter-q"));
      browser.press(number, Keys.ENTER);
      By listed = By.xpath("//main//li[.//a[starts-with(., '" + number + "')]]");
      browser.eventually(() -> browser.isShown(listed), number + " in My requests");
      assertThat(priority).isEqualTo("P2"); // impact medium, urgency high
      assertThat(browser.visible(listed).getText()).contains("事件", "已解决", "P2（高）")
          .contains(dueInTheSuitesZone(number));
      noEnglishLeft(browser, "我的请求");
      browser.screenshot("portal-requester-follows-the-request");

      String confirm = waitingTask(browser, number, "confirmResolution");
      requester.openWaiting(number, confirm);
      browser.tabTo(By.cssSelector("main form input[type=radio][value=yes]"));
      browser.press(Keys.SPACE);
      noEnglishLeft(browser, confirm);
      browser.screenshot("portal-requester-confirms");
      assertThat(requester.submit()).contains(confirm);
      noEnglishLeft(browser, "待我处理");
      incidents.waitForStatus(browser, number, "CLOSED");

      browser.tabBackTo(By.id("logout"));
      browser.press(Keys.ENTER);
      browser.focusOn(By.id("login-user"));
      noEnglishLeft(browser, "登录");
    }
  }

  /** The due time as the suite's zone has it: its day and its hour and minute, which the page writes its own way. */
  private List<String> dueInTheSuitesZone(String number) {
    ZonedDateTime due = jdbc.queryForObject("select resolution_due from incident where number = ?", Timestamp.class,
        number).toInstant().atZone(ZoneId.of(ChineseSuiteTest.ZONE));
    return List.of(DateTimeFormatter.ofPattern("yyyy年M月d日").format(due), DateTimeFormatter.ofPattern("HH:mm")
        .format(due));
  }

  /** The task of the incident's process, once the process has reached it; answers its name, as the portal shows it. */
  private String waitingTask(Browser browser, String number, String taskKey) {
    browser.eventually(() -> !steps.tasks(number, taskKey).isEmpty(), taskKey + " of " + number);
    return steps.task(number, taskKey).getName();
  }

  private void staffCompletes(Browser browser, String number, String taskKey, String user, Map<String, Object> form) {
    waitingTask(browser, number, taskKey);
    steps.complete(number, taskKey, user, form);
  }

  private static void noEnglishLeft(Browser browser, String page) {
    assertThat(ENGLISH).as("what is looked for").contains("My requests", "Received as", "Log out");
    String shown = browser.pageText();
    assertThat(ENGLISH.stream().filter(text -> Pattern.compile("(?<![A-Za-z])" + Pattern.quote(text)
        + "(?![A-Za-z])").matcher(shown).find()).toList()).as("English texts of the portal on " + page).isEmpty();
  }

  private static List<String> englishTexts() {
    ResourceBundle english = ResourceBundle.getBundle("i18n/messages", Locale.ROOT);
    return Collections.list(english.getKeys()).stream().filter(key -> key.startsWith("portal."))
        .flatMap(key -> Pattern.compile("\\{\\d+}").splitAsStream(english.getString(key))).map(String::strip)
        .filter(part -> part.replaceAll("[^A-Za-z]", "").length() >= 3).distinct().toList();
  }
}
