package org.itops.demand;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.itops.ProcessSteps;
import org.itops.demand.DemandProcess.Element;
import org.springframework.stereotype.Component;

/** Demands through the three processes as the people and the timers take them, for the tests. */
@Component
class DemandScenario {

  private final DemandService demands;
  private final ProcessSteps steps;
  private final Clock clock;

  DemandScenario(DemandService demands, ProcessSteps steps, Clock clock) {
    this.demands = demands;
    this.steps = steps;
    this.clock = clock;
  }

  DemandRequest request(String costBand, List<String> services) {
    return new DemandRequest("Self-service password reset", "Users call the desk for every reset",
        "A third fewer calls", LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusMonths(3).toString(), costBand,
        services);
  }

  /** {@code requester} submits the demand; answers its number (it waits for its analysis). */
  String submit(String requester, DemandRequest request) {
    String number = steps.as(requester, () -> demands.request(request));
    steps.runAsyncJobs(number);
    return number;
  }

  /** Analysed with the risk and documented: the demand waits for its approvers. */
  void analyseAndDocument(String number, String risk) {
    steps.complete(number, Element.ANALYSE, "desk", Map.of("analysisOutcome", "analysed", "feasibility",
        "feasible", "effortDays", 20, "risk", risk));
    document(number, "Reset portal with MFA; acceptance: a user resets without calling");
  }

  void document(String number, String specification) {
    steps.complete(number, Element.DOCUMENT, "owner", Map.of("specification", specification));
  }

  /** The open approval tasks, as {@code group} of each. */
  List<String> approverGroups(String number) {
    return tasks(number, Element.APPROVE_IN_SEQUENCE, Element.APPROVE_IN_PARALLEL).stream()
        .map(task -> (String) steps.taskService().getVariable(task.getId(), "approverGroup")).sorted().toList();
  }

  /** The approver of the group decides. */
  void decide(String number, String group, String decision, String reason) {
    Task task = tasks(number, Element.APPROVE_IN_SEQUENCE, Element.APPROVE_IN_PARALLEL).stream()
        .filter(t -> group.equals(steps.taskService().getVariable(t.getId(), "approverGroup"))).findFirst()
        .orElseThrow();
    String user = "service-owners".equals(group) ? "owner" : "manager";
    steps.as(user, () -> {
      steps.taskService().claim(task.getId(), user);
      steps.taskService().complete(task.getId(), reason == null ? Map.of("approval", decision)
          : Map.of("approval", decision, "approvalReason", reason));
      return null;
    });
  }

  /** Every open approval approves, until there is none: the demand is approved. */
  void approveAll(String number) {
    for (List<String> groups = approverGroups(number); !groups.isEmpty(); groups = approverGroups(number)) {
      decide(number, groups.get(0), "approve", null);
    }
    steps.runAsyncJobs(number);
  }

  /** Submitted by {@code requester}, analysed, documented and approved: the implementation waits for its design. */
  String approved(String requester, String costBand, List<String> services) {
    String number = submit(requester, request(costBand, services));
    analyseAndDocument(number, "low");
    approveAll(number);
    return number;
  }

  void design(String number, String milestones) {
    steps.complete(number, Element.DESIGN, "engineer", Map.of("plan", "Build, test, roll out", "milestones",
        milestones));
  }

  void allocate(String number, double budget) {
    steps.complete(number, Element.ALLOCATE, "engineer", Map.of("people", "engineer, owner", "budget", budget));
  }

  /** Every milestone task done. */
  void implement(String number) {
    for (Task task : steps.tasks(number, Element.IMPLEMENT_MILESTONE)) {
      steps.as("engineer", () -> {
        steps.taskService().claim(task.getId(), "engineer");
        steps.taskService().complete(task.getId(), Map.of("milestoneNotes", "Done"));
        return null;
      });
    }
  }

  void qualityControl(String number, boolean pass) {
    steps.complete(number, Element.QUALITY_CONTROL, "owner", pass
        ? Map.of("qcTestsPassed", true, "qcDocumented", true, "qcSecurityReviewed", true, "qcHandoverReady", true)
        : Map.of("qcTestsPassed", true, "qcDocumented", false, "qcFindings", "The runbook is missing"));
  }

  void preparePackage(String number) {
    steps.complete(number, Element.PREPARE_PACKAGE, "engineer", Map.of("deliverables", "Portal, runbook",
        "handover", "Operations trained"));
  }

  void acceptanceTest(String number, String requester, boolean pass) {
    steps.complete(number, Element.ACCEPTANCE_TEST, requester, pass
        ? Map.of("acFunctional", true, "acPerformance", true, "acDocumentation", true, "acTraining", true)
        : Map.of("acFunctional", false, "acPerformance", true, "acDocumentation", true, "acTraining", true,
            "failedItems", "Reset mail never arrives"));
    steps.runAsyncJobs(number);
  }

  /** From the design to the signed-off delivery, with one milestone and no budget question. */
  void deliver(String number, String requester) {
    design(number, "Portal");
    allocate(number, 1000);
    implement(number);
    qualityControl(number, true);
    preparePackage(number);
    acceptanceTest(number, requester, true);
  }

  void endWarrantyAndReview(String number) {
    steps.fire(number, "warrantyEnds");
    steps.complete(number, Element.RETROSPECTIVE, "owner", Map.of("wentWell", "Clear specification",
        "toImprove", "Earlier test data", "lessons", "Book the test users in week one", "improvement",
        "Test users ready before the design"));
    steps.runAsyncJobs(number);
  }

  Demand record(String number) {
    return demands.load(number);
  }

  private List<Task> tasks(String number, String... keys) {
    return java.util.Arrays.stream(keys).flatMap(key -> steps.tasks(number, key).stream()).toList();
  }
}
