package org.itops.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.itops.ProcessSteps;
import org.itops.cmdb.CiInput;
import org.itops.cmdb.CmdbMaintenance;
import org.itops.incident.IncidentReport;
import org.itops.incident.IncidentService;
import org.springframework.stereotype.Component;

/** Steps of problem-management and of the incidents and change around it, as people and timers take them. */
@Component
class ProblemScenario {

  private final IncidentService incidents;
  private final ProblemService service;
  private final CmdbMaintenance cmdb;
  private final ProblemRepository problems;
  private final ProcessSteps steps;
  private final Clock clock;

  ProblemScenario(IncidentService incidents, ProblemService service, CmdbMaintenance cmdb, ProblemRepository problems,
      ProcessSteps steps, Clock clock) {
    this.incidents = incidents;
    this.service = service;
    this.cmdb = cmdb;
    this.problems = problems;
    this.steps = steps;
    this.clock = clock;
  }

  /** A new low-criticality server in production; answers its reference. */
  String item() {
    String name = "prb-" + UUID.randomUUID().toString().substring(0, 8);
    return steps.as("engineer", () -> cmdb.create(new CiInput(name, "server", "production", null, "ops-engineers",
        "low", null, List.of()))).reference();
  }

  /** {@code requester} reports an incident of the category on the item; answers its number. */
  String incident(String item, String category) {
    return steps.as("requester", () -> incidents.report(new IncidentReport("Disk full on " + item,
        "The application stops writing", "medium", "medium", category, item, null, null, null), "test"));
  }

  /** The problem the incident is linked to (exactly one). */
  String problemOf(String incident) {
    List<String> linked = problems.problemsOf(incident);
    assertThat(linked).as("problems of " + incident).hasSize(1);
    return linked.get(0);
  }

  ProblemService problems() {
    return service;
  }

  Problem record(String number) {
    return problems.find(number).orElseThrow();
  }

  void investigate(String number, String rootCause, String workaround) {
    Map<String, Object> form = new HashMap<>();
    form.put(ProblemProcess.Var.ROOT_CAUSE, rootCause);
    form.put(ProblemProcess.Var.CONTRIBUTING_FACTORS, "No disk usage alert below 95%");
    form.put(ProblemProcess.Var.WORKAROUND, workaround);
    steps.complete(number, ProblemProcess.Element.INVESTIGATE, "manager", form);
  }

  /** {@code manager} requests a low-impact fix change with tests, in a window tomorrow; answers the change. */
  String requestFix(String number) {
    Instant start = clock.instant().plus(Duration.ofDays(1));
    steps.complete(number, ProblemProcess.Element.REQUEST_FIX, "manager", Map.of(
        ProblemProcess.Var.CHANGE_SUMMARY, "Rotate the application logs daily", "impact", "low",
        ProblemProcess.Var.IMPLEMENTATION_PLAN, "Install the logrotate rule", ProblemProcess.Var.BACKOUT_PLAN,
        "Remove the rule", ProblemProcess.Var.TEST_EVIDENCE, "Rotated on staging for a week",
        ProblemProcess.Var.PLANNED_START, start.toString(), ProblemProcess.Var.PLANNED_END,
        start.plus(Duration.ofHours(2)).toString()));
    return record(number).fixChange();
  }

  /** The fix change through review, CAB, window, implementation, verification and review. */
  void changeSucceeds(String change) {
    steps.complete(change, "reviewChange", "changemgr", Map.of("decision", "accept"));
    steps.tasks(change, "voteOnChange").stream().filter(task -> List.of("cab1", "cab2").contains(task.getAssignee()))
        .forEach(task -> steps.as(task.getAssignee(), () -> {
          steps.taskService().complete(task.getId(), Map.of("vote", "approve"));
          return null;
        }));
    steps.runAsyncJobs(change);
    steps.fire(change, "windowOpens");
    steps.complete(change, "implementChange", "engineer", Map.of("implementationNotes", "Installed"));
    steps.complete(change, "verifyChange", "engineer", Map.of("verification", "success",
        "verificationNotes", "Logs rotate"));
    steps.complete(change, "reviewImplementation", "changemgr", Map.of("reviewNotes", "Went to plan"));
    steps.runAsyncJobs(change);
  }

  void changeRejected(String change) {
    steps.complete(change, "reviewChange", "changemgr", Map.of("decision", "reject", "decisionNotes",
        "Fix the monitoring first"));
    steps.runAsyncJobs(change);
  }
}
