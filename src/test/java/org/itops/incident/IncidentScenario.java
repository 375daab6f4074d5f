package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itops.ProcessSteps;
import org.springframework.stereotype.Component;

/** Steps of the incident process as people and timers take them, for the tests. */
@Component
class IncidentScenario {

  private final IncidentService incidents;
  private final IncidentRepository records;
  private final ManagementService managementService;
  private final ProcessSteps steps;

  IncidentScenario(IncidentService incidents, IncidentRepository records, ManagementService managementService,
      ProcessSteps steps) {
    this.incidents = incidents;
    this.records = records;
    this.managementService = managementService;
    this.steps = steps;
  }

  /** {@code requester} reports an incident; answers its number. */
  String report(String impact, String urgency, String category) {
    return as("requester", () -> incidents.report(
        new IncidentReport("Mail server down", "Nobody receives mail", impact, urgency, category, "mail-01", null, null, null),
        "test"));
  }

  /** Reports, triages without changes and has {@code engineer} take it: the incident is being worked on. */
  String reportAndTake(String impact, String urgency) {
    String number = report(impact, urgency, "server");
    triage(number, null, null);
    take(number);
    return number;
  }

  void triage(String number, String priority, String reason) {
    Map<String, Object> form = new HashMap<>();
    form.put("priority", priority == null ? record(number).getPriority() : priority);
    form.put("overrideReason", reason);
    form.put("assignedGroup", "ops-engineers");
    complete(number, IncidentProcess.Element.TRIAGE, "desk", form);
    runMailJobs(number);
  }

  void take(String number) {
    complete(number, IncidentProcess.Element.TAKE, "engineer", Map.of());
  }

  void resolve(String number) {
    complete(number, IncidentProcess.Element.WORK, "engineer", Map.of("outcome", "resolved", "resolutionCode", "FIXED",
        "resolutionNotes", "Restarted the mail transfer agent"));
    runMailJobs(number);
  }

  /** The engineer asks the requester a question: the resolution clock pauses. */
  void ask(String number, String question) {
    complete(number, IncidentProcess.Element.WORK, "engineer", Map.of("outcome", "waiting", "question", question));
    runMailJobs(number);
  }

  /** The requester answers: the resolution clock runs again. */
  void answer(String number) {
    complete(number, IncidentProcess.Element.ANSWER_QUESTION, "requester", Map.of("answer", "The sales mailbox"));
  }

  void complete(String number, String taskKey, String user, Map<String, Object> form) {
    steps.complete(number, taskKey, user, form);
  }

  Task task(String number, String taskKey) {
    return steps.task(number, taskKey);
  }

  /** Runs the waiting mail steps (async continuations); the tests' GreenMail receives them. */
  void runMailJobs(String number) {
    steps.runAsyncJobs(number);
  }

  Job timer(String number, String activityId) {
    Job timer = managementService.createJobQuery().processInstanceId(instance(number).getId()).timers()
        .activityId(activityId).singleResult();
    assertThat(timer).as("timer " + activityId + " of " + number).isNotNull();
    return timer;
  }

  void fire(String number, String activityId) {
    steps.fire(number, activityId);
  }

  ProcessInstance instance(String number) {
    return steps.instance(number);
  }

  Incident record(String number) {
    return records.find(number).orElseThrow();
  }

  <T> T as(String user, java.util.function.Supplier<T> work) {
    return steps.as(user, work);
  }
}
