package org.itops.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.itops.ReadAttempts;
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
        tasks.add(task("service-desk", i < 3 ? user : null));
      }
      return null;
    });

    try (Browser browser = new Browser(port)) {
      browser.login("tasklist", user);
      assertThat(countOf(browser, "My tasks")).isEqualTo("3");
      assertThat(countOf(browser, "My groups' tasks")).isEqualTo("1000+");
      // the task search above the list shows the same count
      assertThat(browser.visible(By.cssSelector(".total-results")).getText().trim()).isEqualTo("1000+");
      browser.screenshot("filter-count-over-a-thousand");
    }
  }

  /** The count Tasklist shows next to the filter once it is chosen (the list's count comes with its first page). */
  private static String countOf(Browser browser, String filter) {
    By link = By.xpath("//div[contains(@class,'task-filter')]//h4/a[contains(normalize-space(.),\"" + filter + "\")]");
    browser.click(link);
    By counter = By.xpath("//div[contains(@class,'task-filter')]//h4/a[contains(normalize-space(.),\"" + filter
        + "\")]/span[contains(@class,'counter')]");
    String[] shown = new String[1];
    browser.eventually(() -> {
      shown[0] = browser.visible(counter).getText().trim();
      return !shown[0].isEmpty() && !browser.isShown(By.cssSelector(".tasks-list .loader"));
    }, "the count of " + filter);
    Browser.sleep(700); // a second count that Tasklist's refresh would bring
    return browser.visible(counter).getText().trim();
  }

  private String task(String group, String assignee) {
    Task task = taskService.newTask();
    task.setName("Count check");
    task.setAssignee(assignee);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), group);
    return task.getId();
  }
}
