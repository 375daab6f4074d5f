package org.itops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.itops.ReadAttempts;
import org.itops.StandaloneTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist shows a filter's count next to its name and in its task search: exact up to 1,000 tasks, "1000+" above,
 * where the suite's count stops (platform/FilterCountLimit and Tasklist's script itops/task-counts.js).
 */
@EndToEndTest
class TaskCountsIT {

  @LocalServerPort int port;
  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  private final List<String> tasks = new ArrayList<>();
  private String user;

  @AfterEach
  void removeThem() {
    configuration.getCommandExecutorTxRequired().execute(context -> {
      tasks.forEach(id -> taskService.deleteTask(id, true));
      return null;
    });
    if (user != null) {
      identityService.deleteUser(user);
    }
  }

  @Test
  void aFilterWithMoreThanAThousandTasksShowsMoreThanAThousandAndASmallOneItsNumber() {
    user = ReadAttempts.newUser(identityService, "counts", "service-desk");
    configuration.getCommandExecutorTxRequired().execute(context -> {
      for (int i = 0; i < 1005; i++) {
        tasks.add(StandaloneTasks.create(taskService, "Count check", "service-desk", i < 3 ? user : null));
      }
      return null;
    });

    try (Browser browser = new Browser(port)) {
      browser.login("tasklist", user);
      showsCount(browser, "My tasks", "3");
      showsCount(browser, "My groups' tasks", "1000+");
      // the task search above the list shows the same count
      browser.eventually(() -> browser.visible(By.cssSelector(".total-results")).getText().trim().equals("1000+"),
          "1000+ as the task search's number of results");
      browser.screenshot("filter-count-over-a-thousand");
    }
  }

  /**
   * Chooses the filter and waits until Tasklist shows that count beside it (the list's count comes with its first
   * page); fails when it shows anything else for 30 seconds.
   */
  private static void showsCount(Browser browser, String filter, String count) {
    String link = "//div[contains(@class,'task-filter')]//h4/a[contains(normalize-space(.),\"" + filter + "\")]";
    browser.click(By.xpath(link));
    browser.eventually(() -> browser.visible(By.xpath(link + "/span[contains(@class,'counter')]")).getText().trim()
        .equals(count), count + " beside the filter " + filter);
  }
}
