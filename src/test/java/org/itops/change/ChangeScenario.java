package org.itops.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.cmdb.CiInput;
import org.itops.cmdb.CmdbMaintenance;
import org.springframework.stereotype.Component;

/** Changes through their steps as the people, the CAB and the timers take them, for the tests. */
@Component
class ChangeScenario {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChangeService changes;
  private final CmdbMaintenance cmdb;
  private final ProcessSteps steps;
  private final Clock clock;

  ChangeScenario(ChangeService changes, CmdbMaintenance cmdb, ProcessSteps steps, Clock clock) {
    this.changes = changes;
    this.cmdb = cmdb;
    this.steps = steps;
    this.clock = clock;
  }

  /** A new configuration item in production of that criticality; answers its reference. */
  String item(String criticality) {
    String name = "chg-" + UUID.randomUUID().toString().substring(0, 8);
    return steps.as("engineer", () -> cmdb.create(new CiInput(name, "server", "production", null, "ops-engineers",
        criticality, null, List.of()))).reference();
  }

  /**
   * {@code engineer} raises a standard low-impact change over HTTP with this summary and plan, on a new item, for two
   * hours from {@code start}; answers its number.
   */
  String raiseOverHttp(SuiteClient client, String summary, String plan, Instant start) throws Exception {
    HttpResponse<String> raised = client.postJson("engineer", "/api/changes", JSON.writeValueAsString(Map.of(
        "summary", summary, "reason", "Security fix", "type", "standard", "impact", "low",
        "configurationItems", List.of(item("low")), "implementationPlan", plan,
        "backoutPlan", "Restore the snapshot", "testEvidence", "Passed on staging", "plannedStart", start.toString(),
        "plannedEnd", start.plus(Duration.ofHours(2)).toString())));
    assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
    return JSON.readTree(raised.body()).path("number").asText();
  }

  /** A request on the items with a backout plan, tests and a window tomorrow from 20:00 for two hours. */
  ChangeRequest request(String type, String impact, List<String> items) {
    return request(type, impact, items, Duration.ofDays(1), "Restore the snapshot", "Passed on staging");
  }

  ChangeRequest request(String type, String impact, List<String> items, Duration startsIn, String backoutPlan,
      String testEvidence) {
    Instant start = clock.instant().plus(startsIn);
    return new ChangeRequest("Patch the kernel", "Security fix", type, impact, items, "Drain, patch, reboot",
        backoutPlan, testEvidence, start.toString(), start.plus(Duration.ofHours(2)).toString(), null);
  }

  /** {@code user} raises the change; answers its number. */
  String raise(String user, ChangeRequest request) {
    return steps.as(user, () -> changes.request(request));
  }

  void accept(String number) {
    steps.complete(number, ChangeProcess.Element.REVIEW, "changemgr", Map.of("decision", "accept"));
  }

  void vote(String number, String member, String vote, String comment) {
    String taskId = steps.tasks(number, ChangeProcess.Element.CAB_VOTE).stream()
        .filter(task -> member.equals(task.getAssignee())).findFirst().orElseThrow().getId();
    steps.as(member, () -> {
      steps.taskService().complete(taskId, comment == null ? Map.of("vote", vote)
          : Map.of("vote", vote, "voteComment", comment));
      return null;
    });
  }

  /** From the approval's mail to the open window: the window check, the mail and the timer. */
  void untilWindowOpens(String number) {
    steps.runAsyncJobs(number);
    steps.fire(number, "windowOpens");
  }

  void implementAndVerify(String number, String verification) {
    steps.complete(number, ChangeProcess.Element.IMPLEMENT, "engineer", Map.of("implementationNotes", "Patched"));
    steps.complete(number, ChangeProcess.Element.VERIFY, "engineer", Map.of("verification", verification,
        "verificationNotes", "Checked the service"));
  }

  void review(String number) {
    steps.complete(number, ChangeProcess.Element.POST_IMPLEMENTATION_REVIEW, "changemgr",
        Map.of("reviewNotes", "Went to plan"));
  }

  Change record(String number) {
    return changes.load(number);
  }
}
