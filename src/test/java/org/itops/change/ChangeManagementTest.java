package org.itops.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.platform.Times;
import org.itops.TestMail;
import org.itops.ProcessSteps;
import org.itops.change.ChangeProcess.Element;
import org.itops.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.itops.SuiteTest;

/** Every path of change-management, with the records checked in the database and timers fired explicitly. */
@SuiteTest
class ChangeManagementTest {

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @Autowired ChangeScenario scenario;
  @Autowired ChangeService changes;
  @Autowired ChangeSchedule schedule;
  @Autowired ProcessSteps steps;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @Test
  void aStandardChangeSkipsTheCabAndTheReviewWhenItWorks() {
    String number = scenario.raise("engineer", scenario.request("standard", "low", List.of(scenario.item("low"))));
    assertThat(scenario.record(number).classification()).isEqualTo("standard");
    assertThat(steps.tasks(number, Element.REVIEW)).isEmpty();
    // approved and scheduled at once: the approval's mail goes through mail-delivery and holds nothing
    assertThat(scenario.record(number).status()).isEqualTo(Change.Status.SCHEDULED);

    scenario.untilWindowOpens(number);
    assertThat(scenario.record(number).status()).isEqualTo(Change.Status.IMPLEMENTING);
    scenario.implementAndVerify(number, "success");
    steps.runAsyncJobs(number);

    Change change = scenario.record(number);
    assertThat(change.status()).isEqualTo(Change.Status.CLOSED);
    assertThat(change.outcome()).isEqualTo("SUCCESSFUL");
    assertThat(steps.path(number)).isEnded().hasPassed("registerChange", "classifyChange", "applyClassification",
        "checkSchedule", "markScheduled", "beginImplementation", "closeChange", "changeClosed")
        .hasNotPassed("callCab", "ecab", "openReview");
    assertThat(types(number)).containsSubsequence("REQUESTED", "CLASSIFIED", "APPROVED", "WINDOW_CLEAR", "SCHEDULED",
        "IMPLEMENTING", "CLOSED").doesNotContain("REVIEW");
    assertThat(TestMail.subjects(smtp)).anyMatch(s -> s.contains(number) && s.contains("approved"))
        .anyMatch(s -> s.contains(number) && s.contains("closed (SUCCESSFUL)"));
  }

  @ParameterizedTest(name = "{0} item, {1} impact, tests {2}: {3} risk, {4} approvals, IT managers {5}")
  @CsvSource({
      "medium,   low,    yes, low,    2, false",
      "high,     low,    yes, medium, 2, false",
      "low,      medium, yes, medium, 2, false",
      "critical, low,    yes, high,   3, true",
      "low,      high,   yes, high,   3, true",
      "low,      low,    no,  high,   3, true"})
  void aNormalChangeGoesThroughReviewAndTheCabAsItsRiskSays(String criticality, String impact, String tested,
      String risk, int approvals, boolean itManagers) {
    String item = scenario.item(criticality);
    String number = scenario.raise("engineer", scenario.request("normal", impact, List.of(item), Duration.ofDays(1),
        "Restore the snapshot", "yes".equals(tested) ? "Passed on staging" : null));
    assertThat(scenario.record(number).risk()).isEqualTo(risk);

    scenario.accept(number);
    List<String> voters = steps.tasks(number, Element.CAB_VOTE).stream().map(t -> t.getAssignee()).sorted().toList();
    assertThat(voters).containsExactly("cab1", "cab2", "cab3", "demo");
    for (String member : voters.subList(0, approvals)) {
      scenario.vote(number, member, "approve", null);
    }

    assertThat(steps.tasks(number, Element.CAB_VOTE)).as("the quorum ends the vote").isEmpty();
    if (itManagers) {
      steps.complete(number, Element.HIGH_RISK_APPROVAL, "manager", Map.of("decision", "approve"));
    } else {
      assertThat(steps.tasks(number, Element.HIGH_RISK_APPROVAL)).isEmpty();
    }
    scenario.untilWindowOpens(number);
    scenario.implementAndVerify(number, "success");
    scenario.review(number);
    steps.runAsyncJobs(number);

    assertThat(scenario.record(number).outcome()).isEqualTo("SUCCESSFUL");
    assertThat(types(number).stream().filter("CAB_VOTE"::equals).count()).isEqualTo(approvals);
  }

  @Test
  void theFirstRejectionOfTheCabRejectsTheChange() {
    String number = scenario.raise("engineer", scenario.request("normal", "low", List.of(scenario.item("medium"))));
    scenario.accept(number);

    scenario.vote(number, "cab1", "approve", null);
    assertThatThrownBy(() -> scenario.vote(number, "cab2", "reject", null))
        .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("voteComment");
    scenario.vote(number, "cab2", "reject", "Not during the month-end close");
    steps.runAsyncJobs(number);

    Change change = scenario.record(number);
    assertThat(change.outcome()).isEqualTo("REJECTED");
    assertThat(change.outcomeNotes()).isEqualTo("cab2: Not during the month-end close");
    assertThat(steps.path(number)).isEnded().hasPassed("callCab", "recordRejection", "changeNotApproved")
        .hasNotPassed("beginImplementation");
    assertThat(TestMail.subjects(smtp)).anyMatch(s -> s.contains(number) && s.contains("closed (REJECTED)"));
  }

  @Test
  void theChangeManagerRejectsInReviewWithAReason() {
    String number = scenario.raise("engineer", scenario.request("normal", "low", List.of(scenario.item("low"))));

    assertThatThrownBy(() -> steps.complete(number, Element.REVIEW, "changemgr", Map.of("decision", "reject")))
        .hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("decisionNotes");
    steps.complete(number, Element.REVIEW, "changemgr", Map.of("decision", "reject", "decisionNotes", "No owner"));
    steps.runAsyncJobs(number);

    assertThat(scenario.record(number).outcome()).isEqualTo("REJECTED");
    assertThat(steps.tasks(number, Element.CAB_VOTE)).isEmpty();
  }

  @Test
  void aCabMemberDoesNotVoteOnTheirOwnChangeNorForAnother() {
    String number = scenario.raise("demo", scenario.request("normal", "low", List.of(scenario.item("low"))));
    scenario.accept(number);

    List<String> voters = steps.tasks(number, Element.CAB_VOTE).stream().map(t -> t.getAssignee()).sorted().toList();
    assertThat(voters).containsExactly("cab1", "cab2", "cab3");
    String cab1Task = steps.tasks(number, Element.CAB_VOTE).stream().filter(t -> "cab1".equals(t.getAssignee()))
        .findFirst().orElseThrow().getId();
    assertThatThrownBy(() -> steps.as("demo", () -> {
      steps.taskService().complete(cab1Task, Map.of("vote", "approve"));
      return null;
    })).hasRootCauseInstanceOf(InvalidRequestException.class).hasMessageContaining("belongs to cab1");
    assertThat(steps.tasks(number, Element.CAB_VOTE)).hasSize(3);
  }

  @Test
  void aCabThatDoesNotDecideInTwoDaysIsDecidedByItManagers() {
    String number = scenario.raise("engineer", scenario.request("normal", "low", List.of(scenario.item("low")),
        Duration.ofDays(5), "Restore", "Tested"));
    scenario.accept(number);
    scenario.vote(number, "cab1", "approve", null);

    steps.fire(number, "cabDeadlineMissed");
    assertThat(steps.tasks(number, Element.CAB_VOTE)).isEmpty();
    steps.complete(number, Element.CAB_TIMEOUT_DECISION, "manager", Map.of("decision", "approve",
        "decisionNotes", "The CAB was away; risk is low"));

    assertThat(scenario.record(number).status()).isEqualTo(Change.Status.SCHEDULED);
    assertThat(types(number)).contains("APPROVED");
  }

  @Test
  void anEmergencyChangeNeedsTheEcabAndAlwaysItsReview() {
    String number = scenario.raise("engineer", scenario.request("emergency", "high", List.of(scenario.item("critical")),
        Duration.ofMinutes(30), "Fail over back", null));
    Change change = scenario.record(number);
    assertThat(change.classification()).isEqualTo("emergency");
    assertThat(change.risk()).isEqualTo("high");

    steps.complete(number, Element.ECAB_CHANGE_MANAGER, "changemgr", Map.of("changeManagerDecision", "approve"));
    steps.complete(number, Element.ECAB_IT_MANAGER, "manager", Map.of("itManagerDecision", "approve"));
    scenario.untilWindowOpens(number);
    scenario.implementAndVerify(number, "success");

    assertThat(steps.tasks(number, Element.POST_IMPLEMENTATION_REVIEW)).as("mandatory after an emergency").hasSize(1);
    scenario.review(number);
    assertThat(scenario.record(number).outcome()).isEqualTo("SUCCESSFUL");
    assertThat(steps.path(number)).isEnded().hasPassed("ecab", "beginImplementation", "openReview", "closeChange")
        .hasNotPassed("callCab");
  }

  @Test
  void anEcabThatDoesNotDecideInTwoHoursIsDecidedByItManagers() {
    String number = scenario.raise("engineer", scenario.request("emergency", "medium", List.of(scenario.item("low")),
        Duration.ofHours(3), "Undo", null));
    steps.complete(number, Element.ECAB_CHANGE_MANAGER, "changemgr", Map.of("changeManagerDecision", "approve"));

    steps.fire(number, "ecabDeadlineMissed");
    assertThat(steps.tasks(number, Element.ECAB_IT_MANAGER)).isEmpty();
    steps.complete(number, Element.ECAB_TIMEOUT_DECISION, "manager", Map.of("decision", "reject",
        "decisionNotes", "Wait for the vendor's fix"));
    steps.runAsyncJobs(number);

    assertThat(scenario.record(number).outcome()).isEqualTo("REJECTED");
    assertThat(scenario.record(number).outcomeNotes()).isEqualTo("Wait for the vendor's fix");
  }

  @Test
  void aFreezeBlocksTheWindowUntilTheChangeManagerMovesIt() {
    String item = scenario.item("low");
    ChangeRequest request = scenario.request("standard", "low", List.of(item));
    Instant start = Times.parse(request.plannedStart());
    ChangeRepository.Freeze freeze = steps.as("changemgr", () -> schedule.addFreeze("Year-end close",
        start.minus(Duration.ofHours(1)), start.plus(Duration.ofHours(1)), "Finance closes the books"));
    try {
      String number = scenario.raise("engineer", request);
      steps.runAsyncJobs(number);

      assertThat((String) runtimeService.getVariable(steps.instance(number).getId(), "scheduleProblems"))
          .contains("Freeze 'Year-end close'");
      assertThatThrownBy(() -> steps.complete(number, Element.RESOLVE_SCHEDULE, "changemgr",
          Map.of("scheduleDecision", "accept"))).hasRootCauseInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("only an emergency change");
      Instant later = start.plus(Duration.ofDays(1));
      steps.complete(number, Element.RESOLVE_SCHEDULE, "changemgr", Map.of("scheduleDecision", "reschedule",
          "newStart", later.toString(), "newEnd", later.plus(Duration.ofHours(1)).toString()));

      Change change = scenario.record(number);
      assertThat(change.status()).isEqualTo(Change.Status.SCHEDULED);
      assertThat(change.plannedStart()).isEqualTo(later);
      assertThat(types(number)).containsSubsequence("SCHEDULE_PROBLEMS", "RESCHEDULED", "WINDOW_CLEAR", "SCHEDULED");
      steps.fire(number, "windowOpens");
      assertThat(scenario.record(number).status()).isEqualTo(Change.Status.IMPLEMENTING);
    } finally {
      steps.as("changemgr", () -> {
        schedule.deleteFreeze(freeze.id());
        return null;
      });
    }
  }

  @Test
  void changeManagersDeclareAFreezeInTasklistAndNobodyElseDoes() {
    Instant start = clock.instant().plus(Duration.ofDays(90));
    Map<String, Object> form = Map.of("name", "Quarter close", "startsAt", start.toString(), "endsAt",
        start.plus(Duration.ofDays(3)).toString(), "reason", "Finance");

    assertThatThrownBy(() -> steps.as("engineer", () -> runtimeService.startProcessInstanceByKey("change-freeze",
        form))).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    assertThatThrownBy(() -> steps.as("changemgr", () -> runtimeService.startProcessInstanceByKey("change-freeze",
        Map.of("name", "Backwards", "startsAt", start.toString(), "endsAt", start.minus(Duration.ofDays(1))
            .toString())))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("endsAt");
    String key = steps.as("changemgr", () -> runtimeService.startProcessInstanceByKey("change-freeze", form)
        .getBusinessKey());

    List<ChangeRepository.Freeze> freezes = steps.as("changemgr", () -> schedule.freezes(start,
        start.plus(Duration.ofDays(1))));
    assertThat(freezes).extracting(ChangeRepository.Freeze::name).contains("Quarter close");
    assertThat(key).isEqualTo("FREEZE-" + freezes.stream().filter(f -> f.name().equals("Quarter close")).findFirst()
        .orElseThrow().id());
    steps.as("changemgr", () -> {
      freezes.forEach(f -> schedule.deleteFreeze(f.id()));
      return null;
    });
  }

  @Test
  void anOverlappingChangeOnTheSameItemIsAConflictTheChangeManagerMayAccept() {
    String item = scenario.item("low");
    String first = scenario.raise("engineer", scenario.request("standard", "low", List.of(item)));
    steps.runAsyncJobs(first);
    assertThat(scenario.record(first).status()).isEqualTo(Change.Status.SCHEDULED);

    String second = scenario.raise("engineer", scenario.request("standard", "low", List.of(item, scenario.item("low"))));
    steps.runAsyncJobs(second);

    String problems = (String) runtimeService.getVariable(steps.instance(second).getId(), "scheduleProblems");
    assertThat(problems).contains("Conflict with " + first).contains(item);
    steps.complete(second, Element.RESOLVE_SCHEDULE, "changemgr", Map.of("scheduleDecision", "accept"));
    assertThat(scenario.record(second).status()).isEqualTo(Change.Status.SCHEDULED);
    assertThat(types(second)).contains("SCHEDULE_PROBLEMS", "SCHEDULED");
  }

  @Test
  void aFailedVerificationBacksTheChangeOutAndReviewsIt() {
    String number = scenario.raise("engineer", scenario.request("standard", "low", List.of(scenario.item("low"))));
    scenario.untilWindowOpens(number);

    scenario.implementAndVerify(number, "failed");
    steps.complete(number, Element.BACK_OUT, "engineer", Map.of("backedOut", true, "backoutNotes", "Snapshot restored"));
    assertThat(scenario.record(number).status()).isEqualTo(Change.Status.REVIEW);
    scenario.review(number);

    assertThat(scenario.record(number).outcome()).isEqualTo("BACKED_OUT");
    assertThat(steps.path(number)).isEnded().hasPassed("openReview", "closeChange");
  }

  @Test
  void aChangeIsCancelledBeforeOrAfterItsApprovalButNotOnceItIsImplemented() {
    String inReview = scenario.raise("engineer", scenario.request("normal", "low", List.of(scenario.item("low"))));
    String waiting = scenario.raise("engineer", scenario.request("standard", "low", List.of(scenario.item("low"))));
    steps.runAsyncJobs(waiting);
    String running = scenario.raise("engineer", scenario.request("standard", "low", List.of(scenario.item("low"))));
    scenario.untilWindowOpens(running);

    steps.as("engineer", () -> {
      changes.cancel(inReview, "Not needed any more");
      changes.cancel(waiting, "Superseded by a vendor update");
      return null;
    });
    assertThatThrownBy(() -> steps.as("engineer", () -> {
      changes.cancel(running, "Too late");
      return null;
    })).isInstanceOf(InvalidRequestException.class).hasMessageContaining("only before its implementation");
    assertThatThrownBy(() -> steps.as("cab1", () -> {
      changes.cancel(inReview, "Not mine");
      return null;
    })).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);

    assertThat(scenario.record(inReview).outcome()).isEqualTo("CANCELLED");
    assertThat(scenario.record(inReview).outcomeNotes()).isEqualTo("Not needed any more");
    assertThat(scenario.record(waiting).outcome()).isEqualTo("CANCELLED");
    assertThat(steps.tasks(inReview, Element.REVIEW)).isEmpty();
    assertThat(scenario.record(running).status()).isEqualTo(Change.Status.IMPLEMENTING);
  }

  @Test
  void badRequestsAreRefusedWithEveryReasonAndCreateNothing() {
    String item = scenario.item("low");
    long before = jdbc.queryForObject("select count(*) from change_request", Long.class);
    Instant now = clock.instant();

    assertThatThrownBy(() -> scenario.raise("engineer", new ChangeRequest("Patch", "Fix", "normal", "low",
        List.of(item, "no-such-item@production"), "Do it", null, null, now.minus(Duration.ofHours(1)).toString(),
        now.minus(Duration.ofHours(2)).toString(), "nonsense")))
        .isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(((InvalidRequestException) e).errors()).extracting(InvalidRequestException.FieldError::field)
            .containsExactlyInAnyOrder("plannedEnd", "plannedStart", "configurationItems", "sourceRecord"));
    assertThatThrownBy(() -> scenario.raise("engineer", scenario.request("normal", "low", List.of(item),
        Duration.ofDays(1), null, "Tested"))).isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("backoutPlan: is required");
    assertThatThrownBy(() -> scenario.raise("engineer", scenario.request("standard", "high", List.of(item),
        Duration.ofDays(1), null, "Tested"))).as("a standard request that is not one needs a backout plan too")
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("backoutPlan");

    assertThat(jdbc.queryForObject("select count(*) from change_request", Long.class)).isEqualTo(before);
  }

  private List<String> types(String number) {
    return jdbc.queryForList("select type from record_event where record_number = ? order by id", String.class, number);
  }
}
