package org.itops.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.itops.MutableClock;
import org.itops.SuiteTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recurring incidents, as registered by incident-lifecycle: three on one item and category within the window open
 * exactly one problem, the fourth links to it; other categories and older incidents do not count; two registered at
 * the same moment open one problem.
 */
@SuiteTest
class RecurrenceTest {

  @Autowired ProblemScenario scenario;
  @Autowired JdbcTemplate jdbc;
  @Autowired MutableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void threeIncidentsOnOneItemWithinSevenDaysOpenOneProblemAndTheFourthLinksToIt() {
    String item = scenario.item();
    String first = scenario.incident(item, "server");
    scenario.incident(item, "network");
    String second = scenario.incident(item, "server");
    assertThat(problemsOn(item)).as("two of a category, one of another: no problem yet").isEmpty();

    String third = scenario.incident(item, "server");
    String fourth = scenario.incident(item, "server");

    assertThat(problemsOn(item)).hasSize(1);
    String number = problemsOn(item).get(0);
    assertThat(scenario.record(number).incidents()).containsExactly(first, second, third, fourth);
    assertThat(scenario.problemOf(fourth)).isEqualTo(number);
  }

  @Test
  void incidentsOlderThanTheWindowDoNotCount() {
    String item = scenario.item();
    scenario.incident(item, "server");
    scenario.incident(item, "server");
    clock.advance(Duration.ofDays(8));

    scenario.incident(item, "server");
    scenario.incident(item, "server");

    assertThat(problemsOn(item)).as("two in the last 7 days, two before").isEmpty();
  }

  @Test
  void twoIncidentsRegisteredAtTheSameMomentOpenOneProblem() throws Exception {
    String item = scenario.item();
    String first = scenario.incident(item, "server");
    String second = scenario.incident(item, "server");

    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<String> one = CompletableFuture.supplyAsync(() -> afterBarrier(together, item));
    CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> afterBarrier(together, item));
    String third = one.get();
    String fourth = other.get();

    assertThat(problemsOn(item)).hasSize(1);
    assertThat(scenario.record(problemsOn(item).get(0)).incidents()).containsExactlyInAnyOrder(first, second, third,
        fourth);
  }

  private String afterBarrier(CyclicBarrier barrier, String item) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return scenario.incident(item, "server");
  }

  private List<String> problemsOn(String item) {
    return jdbc.queryForList("select number from problem where configuration_item = ?", String.class, item);
  }
}
