package org.itops.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** Links into the suite that people follow from mails and other systems. */
@Component
public class Links {

  private final SuiteProperties suite;
  private final TaskFilters taskFilters;

  Links(SuiteProperties suite, TaskFilters taskFilters) {
    this.suite = suite;
    this.taskFilters = taskFilters;
  }

  /**
   * Tasklist with the filter "My groups' tasks" searching the record's business key: the reader sees the record's
   * tasks that are theirs to do (after logging in).
   */
  public String tasklist(String recordNumber) {
    String tasklist = suite.baseUrlWithoutSlash() + "/camunda/app/tasklist/default/";
    if (recordNumber == null) {
      return tasklist;
    }
    String search = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\""
        + recordNumber.replace("\"", "") + "\",\"name\":\"\"}]";
    return tasklist + "#/?filter=" + taskFilters.groupTasksFilterId() + "&searchQuery="
        + URLEncoder.encode(search, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
