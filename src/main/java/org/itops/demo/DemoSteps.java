package org.itops.demo;

import java.time.Instant;
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
 * <p>The clock is the engine's (Camunda's ClockUtil, an impl class: the engine offers no public way to set its time),
 * which the suite's own clock follows (platform.TimeConfiguration), so records, history and timers all carry the
 * demo's days; it is moved for the loading thread only ({@link DemoClock}).
 */
@Component
class DemoSteps {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final DemoClock clock = new DemoClock();
  /** Today's time when the loading began: every job of the demo was created before it, in the demo's days. */
  private Instant loadingBegan;
  private volatile boolean stopped;

  DemoSteps(RuntimeService runtime, TaskService tasks, ManagementService management, IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
  }

  /** The calling thread does the loading from now on, in the demo's days. */
  void beginLoading() {
    loadingBegan = Instant.now();
    clock.install();
  }

  /** Every thread has today's time again. */
  void endLoading() {
    clock.uninstall();
  }

  /** The loading thread's engine time is this moment; a stop of the suite ends the loading here. */
  void at(Instant time) {
    if (stopped) {
      throw new Stopped();
    }
    clock.at(time);
  }

  /** The suite is stopping: the loading ends at its next step. */
  void stop() {
    stopped = true;
  }

  /** The loading ended early because the suite stopped. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super("The suite stopped while it loaded the demo data", null, false, false);
    }
  }

  Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
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
   * Every waiting async step of the demo (mail deliveries, a survey's start), as the job executor would run them; the
   * job executor waits meanwhile (DemoData), and people's jobs, created in today's time, wait for it. Each job once:
   * a failure stops the loading.
   */
  void runJobs() {
    Set<String> run = new HashSet<>();
    List<Job> waiting;
    while (!(waiting = management.createJobQuery().messages().executable().list().stream()
        .filter(job -> job.getCreateTime().toInstant().isBefore(loadingBegan) && !run.contains(job.getId()))
        .toList()).isEmpty()) {
      for (Job job : waiting) {
        run.add(job.getId());
        management.executeJob(job.getId());
      }
    }
  }
}
