package org.itops.improvement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.itops.MutableClock;
import org.itops.ProcessSteps;
import org.itops.SuiteTest;
import org.itops.platform.InvalidRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of continuous-improvement: rejected, a cycle again, standardised with its KPI before and after. */
@SuiteTest
class ContinuousImprovementTest {

  @Autowired ProcessSteps steps;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired MutableClock clock;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void anImprovementTheItManagersRejectIsClosedWithTheReason() {
    String number = propose("desk", null);
    evaluate(number, "csat");

    assertThatThrownBy(() -> steps.complete(number, "approveImprovement", "manager", Map.of("decision", "reject")))
        .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("closingNotes");
    steps.complete(number, "approveImprovement", "manager", Map.of("decision", "reject", "closingNotes",
        "Covered by the new tool"));

    assertThat(jdbc.queryForMap("select status, outcome from improvement where number = ?", number))
        .containsEntry("STATUS", "CLOSED").containsEntry("OUTCOME", "REJECTED");
    assertThat(steps.path(number)).isEnded().hasPassed("registerImprovement", "closeRejected", "improvementRejected")
        .hasNotPassed("measureBaseline");
  }

  @Test
  void aCycleMeasuresItsKpiBeforeAndAfterTrainsPeopleAndIsStandardisedInTheSecondRound() {
    String service = "Improved service " + UUID.randomUUID().toString().substring(0, 8);
    survey(service, 2, clock.instant().minus(Duration.ofDays(5)));
    String number = propose("owner", service);
    evaluate(number, "csat");
    steps.complete(number, "approveImprovement", "manager", Map.of("decision", "approve"));

    assertThatThrownBy(() -> steps.complete(number, "planImprovement", "owner", Map.of("plan", "Call back every"
        + " caller", "trainees", "engineer, nobody-here", "trainingTopic", "Call-backs")))
        .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("nobody-here");
    steps.complete(number, "planImprovement", "owner", Map.of("plan", "Call back every caller", "trainees",
        "engineer, desk", "trainingTopic", "Call-backs"));
    assertThat(jdbc.queryForObject("select baseline from improvement where number = ?", Double.class, number))
        .isEqualTo(2.0);
    steps.complete(number, "doImprovement", "owner", Map.of("doNotes", "Call-back queue in place"));
    List<Task> training = steps.tasks(number, "completeTraining");
    assertThat(training).extracting(Task::getAssignee).containsExactlyInAnyOrder("engineer", "desk");
    Task engineers = training.stream().filter(t -> "engineer".equals(t.getAssignee())).findFirst().orElseThrow();
    assertThatThrownBy(() -> steps.as("desk", () -> {
      steps.taskService().complete(engineers.getId(), Map.of());
      return null;
    })).hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("their own training");
    for (Task task : training) {
      steps.as(task.getAssignee(), () -> {
        steps.taskService().complete(task.getId(), Map.of("trainingNotes", "Done"));
        return null;
      });
    }
    assertThat(jdbc.queryForList("select user_id from training_record where improvement_number = ? order by user_id",
        String.class, number)).containsExactly("desk", "engineer");

    clock.advance(Duration.ofDays(30));
    survey(service, 5, clock.instant().minus(Duration.ofDays(2)));
    steps.fire(number, "effectPeriod");
    assertThat(jdbc.queryForObject("select result from improvement where number = ?", Double.class, number))
        .isEqualTo(5.0);
    steps.complete(number, "checkEffect", "owner", Map.of("checkDecision", "again", "checkNotes", "One more month"));

    steps.complete(number, "planImprovement", "owner", Map.of("plan", "Keep calling back"));
    steps.complete(number, "doImprovement", "owner", Map.of("doNotes", "Kept it"));
    assertThat(steps.tasks(number, "completeTraining")).as("no training this time").isEmpty();
    steps.fire(number, "effectPeriod");
    steps.complete(number, "checkEffect", "owner", Map.of("checkDecision", "standardise", "checkNotes", "It holds"));
    steps.complete(number, "standardiseImprovement", "modeler", Map.of("closingNotes",
        "incident-lifecycle.bpmn: call-back task after resolution"));

    assertThat(jdbc.queryForMap("select status, outcome, cycle from improvement where number = ?", number))
        .containsEntry("STATUS", "CLOSED").containsEntry("OUTCOME", "STANDARDISED").containsEntry("CYCLE", 2);
    assertThat(jdbc.queryForList("select type from record_event where record_number = ? order by id", String.class,
        number)).containsSubsequence("PROPOSED", "EVALUATED", "APPROVE", "PLANNED", "BASELINE_MEASURED", "TRAINED",
        "TRAINED", "EFFECT_MEASURED", "CHECKED", "PLANNED", "BASELINE_MEASURED", "EFFECT_MEASURED", "CHECKED", "CLOSED");
    assertThat(steps.path(number)).isEnded().hasPassed("measureBaseline", "measureEffect", "closeStandardised",
        "standardised").hasNotPassed("closeStopped");
  }

  @Test
  void aCycleMayStopAfterItsCheck() {
    String number = propose("desk", null);
    evaluate(number, "mttr-p2");
    steps.complete(number, "approveImprovement", "manager", Map.of("decision", "approve"));
    steps.complete(number, "planImprovement", "owner", Map.of("plan", "Try a swarm"));
    steps.complete(number, "doImprovement", "owner", Map.of("doNotes", "Swarmed"));
    steps.fire(number, "effectPeriod");

    steps.complete(number, "checkEffect", "owner", Map.of("checkDecision", "stop", "checkNotes", "No effect"));

    assertThat(jdbc.queryForObject("select outcome from improvement where number = ?", String.class, number))
        .isEqualTo("STOPPED");
    assertThat(steps.path(number)).isEnded().hasPassed("closeStopped", "stopped").hasNotPassed("closeStandardised");
  }

  @Test
  void aProposalWithAnUnknownKpiIsRefusedAndCreatesNothing() {
    long before = jdbc.queryForObject("select count(*) from improvement", Long.class);
    Map<String, Object> variables = new HashMap<>(Map.of("title", "Faster", "targetKpi", "happiness"));

    assertThatThrownBy(() -> steps.as("desk", () -> runtimeService.startProcessInstanceByKey("continuous-improvement",
        variables))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("targetKpi");
    assertThat(jdbc.queryForObject("select count(*) from improvement", Long.class)).isEqualTo(before);
  }

  /** Proposed by the user in Tasklist; answers its number. */
  private String propose(String user, String service) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("title", "Call back unhappy requesters");
    variables.put("description", "Low ratings come from people nobody called back");
    variables.put("service", service);
    return steps.as(user, () -> runtimeService.startProcessInstanceByKey("continuous-improvement", variables)
        .getBusinessKey());
  }

  private void evaluate(String number, String kpi) {
    steps.complete(number, "evaluateImprovement", "owner", Map.of("value", "high", "effort", "low", "targetKpi", kpi));
  }

  private void survey(String service, int rating, Instant answered) {
    String id = UUID.randomUUID().toString();
    jdbc.update("insert into survey (number, token, record_number, title, respondent, service, created_at, expires_at,"
        + " answered_at, rating) values (?, ?, ?, 'Seeded', 'requester', ?, ?, ?, ?, ?)", id.substring(0, 16), id,
        id.substring(0, 16), service, Timestamp.from(answered), Timestamp.from(answered.plus(Duration.ofDays(1))),
        Timestamp.from(answered), rating);
  }
}
