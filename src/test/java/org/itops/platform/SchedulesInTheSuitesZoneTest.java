package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.itops.ChineseSuiteTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The schedules of the BPMN timer cycles and the history cleanup window run on the suite's clock (Asia/Shanghai here)
 * while the JVM of the tests keeps UTC.
 */
@ChineseSuiteTest
class SchedulesInTheSuitesZoneTest {

  private static final ZoneId SHANGHAI = ZoneId.of(ChineseSuiteTest.ZONE);

  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  @Test
  void theDailyDrillCheckRunsAtSixInTheMorningOfTheSuitesZone() {
    ZonedDateTime due = nextRun("emergency-drill-schedule");

    assertThat(due.getHour()).isEqualTo(6);
    assertThat(due.getMinute()).isZero();
  }

  @Test
  void theMonthlyReviewRunsOnTheFirstOfTheMonthInTheSuitesZone() {
    ZonedDateTime due = nextRun("service-review");

    assertThat(due.getDayOfMonth()).isEqualTo(1);
    assertThat(due.getHour()).isEqualTo(6);
  }

  @Test
  void theQuarterlyAuditsStartOnTheFirstDayOfAQuarterInTheSuitesZone() {
    ZonedDateTime due = nextRun("compliance-audit-schedule");

    assertThat(due.getDayOfMonth()).isEqualTo(1);
    assertThat(due.getMonthValue()).isIn(1, 4, 7, 10);
    assertThat(due.getHour()).isEqualTo(7);
  }

  @Test
  void theHistoryCleanupIsScheduledInTheNightlyWindowOfTheSuitesZone() {
    Job cleanup = historyService.cleanUpHistoryAsync(false);

    ZonedDateTime due = cleanup.getDuedate().toInstant().atZone(SHANGHAI);
    assertThat(due.getHour()).as("window 01:00-05:00 of application.yaml, in Asia/Shanghai").isBetween(1, 4);
  }

  /** When the timer start event of the process fires next, on the suite's clock. */
  private ZonedDateTime nextRun(String processKey) {
    List<Job> timers = managementService.createJobQuery().processDefinitionKey(processKey).timers().list();
    assertThat(timers).as("timer start event of " + processKey).hasSize(1);
    return timers.get(0).getDuedate().toInstant().atZone(SHANGHAI);
  }
}
