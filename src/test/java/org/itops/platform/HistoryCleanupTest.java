package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.itops.SuiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History cleanup as application.yaml configures it: by removal time (the end of an instance plus its
 * historyTimeToLive), in the nightly window. The fixture keeps its history for 0 days.
 */
@SuiteTest
class HistoryCleanupTest {

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;

  @Test
  void endedInstancesPastTheirTimeToLiveAreRemovedAndRunningOnesAreNot() {
    String ended = runtimeService.startProcessInstanceByKey("fixture-short-history").getId();
    String running = runtimeService.startProcessInstanceByKey("fixture-short-history").getId();
    taskService.complete(taskService.createTaskQuery().processInstanceId(ended).singleResult().getId());
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(ended).singleResult()
        .getRemovalTime()).as("removal time set at the end").isNotNull();

    Job cleanup = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(cleanup.getId());

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(ended).count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(ended).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(running).count()).isOne();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(running).count()).isOne();
  }

  @Test
  void taskMetricsOlderThanEighteenMonthsAreRemovedAndNewerOnesAreNot() {
    Instant longAgo = Instant.now().minus(541, ChronoUnit.DAYS);
    ClockUtil.setCurrentTime(Date.from(longAgo));
    try {
      assignATask("worker-" + UUID.randomUUID());
    } finally {
      ClockUtil.reset();
    }
    assignATask("worker-" + UUID.randomUUID());
    assertThat(workersAround(longAgo)).as("the metric of the task assigned long ago").isOne();

    Job cleanup = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(cleanup.getId());

    assertThat(workersAround(longAgo)).isZero();
    assertThat(workersAround(Instant.now())).isPositive();
  }

  @Test
  void theCleanupIsScheduledInTheNightlyWindow() {
    Job cleanup = historyService.cleanUpHistoryAsync(false);

    ZonedDateTime due = cleanup.getDuedate().toInstant().atZone(ZoneId.systemDefault());
    assertThat(due.getHour()).as("window 01:00-05:00 of application.yaml").isBetween(1, 4);
  }

  private void assignATask(String worker) {
    String instance = runtimeService.startProcessInstanceByKey("fixture-short-history").getId();
    taskService.setAssignee(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId(), worker);
  }

  /** The workers who were assigned a task within a day of the moment, as the engine's task metrics count them. */
  private long workersAround(Instant moment) {
    return managementService.getUniqueTaskWorkerCount(Date.from(moment.minus(1, ChronoUnit.DAYS)),
        Date.from(moment.plus(1, ChronoUnit.DAYS)));
  }
}
