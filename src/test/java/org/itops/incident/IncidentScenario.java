package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Steps of the incident process as people and timers take them, for the tests. */
@Component
class IncidentScenario {

  private final IncidentService incidents;
  private final IncidentRepository records;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;

  IncidentScenario(IncidentService incidents, IncidentRepository records, RuntimeService runtimeService,
      TaskService taskService, ManagementService managementService, IdentityService identityService) {
    this.incidents = incidents;
    this.records = records;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
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

  /** Claims the task as the user and completes it with the form's values, logged in as that user. */
  void complete(String number, String taskKey, String user, Map<String, Object> form) {
    Task task = task(number, taskKey);
    as(user, () -> {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), form);
      return null;
    });
  }

  Task task(String number, String taskKey) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).list();
    assertThat(tasks).as("open task " + taskKey + " of " + number).hasSize(1);
    return tasks.get(0);
  }

  /** Runs the waiting mail steps (async continuations); the tests' GreenMail receives them. */
  void runMailJobs(String number) {
    for (Job job : managementService.createJobQuery().processInstanceId(instance(number).getId()).messages().list()) {
      managementService.executeJob(job.getId());
    }
  }

  Job timer(String number, String activityId) {
    Job timer = managementService.createJobQuery().processInstanceId(instance(number).getId()).timers()
        .activityId(activityId).singleResult();
    assertThat(timer).as("timer " + activityId + " of " + number).isNotNull();
    return timer;
  }

  /**
   * Moves the engine's clock to the timer's due date and runs the timer as the job executor would: first checks
   * that the job executor would not take it a second earlier and would take it then.
   */
  void fire(String number, String activityId) {
    Job timer = timer(number, activityId);
    long due = timer.getDuedate().getTime();
    try {
      ClockUtil.setCurrentTime(new Date(due - 1000));
      assertThat(isDue(timer)).as(activityId + " due a second early").isFalse();
      ClockUtil.setCurrentTime(new Date(due));
      assertThat(isDue(timer)).as(activityId + " due at its due date").isTrue();
      managementService.executeJob(timer.getId());
    } finally {
      ClockUtil.reset();
    }
  }

  private boolean isDue(Job timer) {
    return managementService.createJobQuery().jobId(timer.getId()).executable().count() == 1;
  }

  ProcessInstance instance(String number) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
  }

  Incident record(String number) {
    return records.find(number).orElseThrow();
  }

  /** Runs the work logged in as the user, with the user's groups, as Tasklist and the REST API do. */
  <T> T as(String user, java.util.function.Supplier<T> work) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identityService.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
