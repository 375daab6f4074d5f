package org.itops.demo;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What the demo users and the job executor do, for the demo data: the engine's clock moved to a moment, work done as
 * a user, a task completed as Tasklist completes it, a timer fired at its due time, the waiting async steps run.
 *
 * <p>The clock is Camunda's ClockUtil (an impl class): the engine offers no public way to set its time, and the
 * suite's own clock follows it (platform.TimeConfiguration), so records, history and timers all carry the demo's days.
 */
@Component
class DemoSteps {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;

  DemoSteps(RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
  }

  void at(Instant time) {
    ClockUtil.setCurrentTime(Date.from(time));
  }

  Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  void resetClock() {
    ClockUtil.reset();
  }

  /** The work done as the user with their groups, as their login would. */
  <T> T as(String user, Supplier<T> work) {
    List<String> groups = identity.createGroupQuery().groupMember(user).unlimitedList().stream().map(Group::getId)
        .toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  void asVoid(String user, Runnable work) {
    as(user, () -> {
      work.run();
      return null;
    });
  }

  /**
   * Completes an open task of that key of the record as the user, as Tasklist does: one assigned to them, else one
   * their groups may claim (claimed first); then the async steps it left waiting.
   */
  void complete(String number, String taskKey, String user, Map<String, Object> form) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey)
        .taskAssignee(user).listPage(0, 1).stream().findFirst()
        .or(() -> tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey)
            .taskCandidateUser(user).listPage(0, 1).stream().findFirst())
        .orElseThrow(() -> new IllegalStateException("Demo data: " + number + " has no task " + taskKey + " for "
            + user));
    asVoid(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), new HashMap<>(form));
    });
    runJobs();
  }

  /** Whether the record has an open task of that key. */
  boolean hasTask(String number, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).count() > 0;
  }

  /** A variable of the record's open task of that key. */
  Object taskVariable(String number, String taskKey, String name) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey)
        .listPage(0, 1).get(0);
    return tasks.getVariable(task.getId(), name);
  }

  /** The timer of the record, at its due time, as the job executor would take it. */
  void fire(String number, String activityId) {
    Job timer = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).unlimitedList().stream()
        .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).timers()
            .activityId(activityId).list().stream()).findFirst()
        .orElseThrow(() -> new IllegalStateException("Demo data: " + number + " has no timer " + activityId));
    at(timer.getDuedate().toInstant());
    management.executeJob(timer.getId());
    runJobs();
  }

  /**
   * Every waiting async step (mail deliveries, a survey's start), as the job executor would run them; nothing else
   * runs while the demo data loads, so these are the demo's own. Each job once: a failure stops the loading.
   */
  void runJobs() {
    Set<String> run = new HashSet<>();
    List<Job> waiting;
    while (!(waiting = management.createJobQuery().messages().executable().list().stream()
        .filter(job -> !run.contains(job.getId())).toList()).isEmpty()) {
      for (Job job : waiting) {
        run.add(job.getId());
        management.executeJob(job.getId());
      }
    }
  }
}
