package org.itops.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itops.cmdb.CmdbService;
import org.itops.incident.IncidentReport;
import org.itops.incident.IncidentService;
import org.itops.platform.SuiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The demo data of the embedded default ({@code itops.demo-data}): the past month of a small IT operation, loaded
 * once per database through the processes as people would work them (the demo users report, triage, take,
 * resolve and confirm in the engine, SLA timers fire), so that every record, timeline, history entry, KPI and metric
 * comes from the suite's own steps.
 *
 * <p>It runs once all beans are ready (groups, users and grants created, processes deployed) and before the web
 * server and the job executor start: nothing else runs then, so the engine's clock, which our records follow too
 * (platform.TimeConfiguration), can be moved back to each event's day and is reset before anyone logs in. Steps that
 * the job executor would take (mail, timers) are taken here at their time. Refused in production mode.
 */
@Component
class DemoData implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  /** The engine's property that says the demo data is in this database (once per database). */
  static final String LOADED = "itops.demo-data.loaded";

  private final boolean enabled;
  private final SuiteProperties suite;
  private final CmdbService cmdb;
  private final IncidentService incidents;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private volatile boolean running;

  DemoData(@Value("${itops.demo-data:false}") boolean enabled, SuiteProperties suite, CmdbService cmdb,
      IncidentService incidents, RuntimeService runtime, TaskService tasks, ManagementService management,
      IdentityService identity) {
    this.enabled = enabled;
    this.suite = suite;
    this.cmdb = cmdb;
    this.incidents = incidents;
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.identity = identity;
  }

  /**
   * After every bean's start-up work, before any request or job: the web server starts in the phase after this one
   * (Spring Boot's WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024), the job executor once the
   * application has started.
   */
  @Override
  public int getPhase() {
    return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;
  }

  @Override
  public void start() {
    running = true;
    if (!enabled) {
      return;
    }
    if (suite.productionMode()) {
      throw new IllegalStateException("Production mode refuses to start with itops.demo-data=true: the demo data"
          + " is a month of invented incidents reported by the demo users. Set itops.demo-data=false.");
    }
    if (!suite.demoUsers()) {
      throw new IllegalStateException("itops.demo-data=true needs the demo users who do the work in it"
          + " (itops.demo-users=true, the embedded default); set itops.demo-data=false.");
    }
    if (management.getProperties().containsKey(LOADED)) {
      return;
    }
    long started = System.nanoTime();
    Instant now = Instant.now();
    try {
      load(now);
    } finally {
      ClockUtil.reset();
    }
    management.setProperty(LOADED, now.toString());
    LOG.info("Loaded the demo data (a month of work) in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  private void load(Instant now) {
    at(now.minus(Duration.ofDays(30)));
    as("engineer", () -> cmdb.importCsv(DemoRecords.CONFIGURATION_ITEMS));
    for (DemoRecords.DemoIncident incident : DemoRecords.INCIDENTS) {
      work(incident, now.minus(Duration.ofDays(incident.daysAgo())));
    }
  }

  /** One incident as it went: reported, then as far as its story says, each step at its time. */
  private void work(DemoRecords.DemoIncident story, Instant reported) {
    at(reported);
    String number = as(story.reporter(), () -> incidents.report(new IncidentReport(story.title(), story.description(),
        story.impact(), story.urgency(), story.category(), story.configurationItem(), null, null, story.major()),
        "demo"));
    runJobs(number);
    if (story.stage() == DemoRecords.Stage.REPORTED) {
      return;
    }
    at(reported.plus(Duration.ofMinutes(5)));
    complete(number, "triageIncident", "desk", Map.of("priority", priority(number), "assignedGroup",
        story.group()));
    if (story.breachesResponse()) {
      fireTimer(number, "responseTargetMissed");
    }
    if (story.stage() == DemoRecords.Stage.TRIAGED) {
      return;
    }
    at(clockNow().plus(Duration.ofMinutes(story.minutesToTake())));
    // the demo user of the group the incident went to takes it
    String worker = "service-desk".equals(story.group()) ? "desk" : "engineer";
    complete(number, "takeIncident", worker, Map.of());
    if (story.stage() == DemoRecords.Stage.TAKEN) {
      return;
    }
    at(clockNow().plus(Duration.ofMinutes(story.minutesToResolve())));
    complete(number, "workOnIncident", worker, Map.of("outcome", "resolved", "resolutionCode", "FIXED",
        "resolutionNotes", story.resolution()));
    if (story.stage() == DemoRecords.Stage.RESOLVED) {
      return;
    }
    at(clockNow().plus(Duration.ofHours(2)));
    complete(number, "confirmResolution", story.reporter(), Map.of("confirmation", "yes"));
  }

  private String priority(String number) {
    return (String) runtime.getVariable(instance(number).getId(), "priority");
  }

  /** Completes the one open task of that key as the user, as Tasklist does (claimed first), then the mail steps. */
  private void complete(String number, String taskKey, String user, Map<String, Object> form) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult();
    if (task == null) {
      throw new IllegalStateException("Demo data: " + number + " has no open task " + taskKey);
    }
    as(user, () -> {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), new HashMap<>(form));
      return null;
    });
    runJobs(number);
  }

  /** The timer of the incident, at its due time, as the job executor would take it. */
  private void fireTimer(String number, String activityId) {
    Job timer = management.createJobQuery().processInstanceId(instance(number).getId()).timers()
        .activityId(activityId).singleResult();
    at(timer.getDuedate().toInstant());
    management.executeJob(timer.getId());
    runJobs(number);
  }

  /** The waiting mail steps of the record's instances, as the job executor would take them. */
  private void runJobs(String number) {
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
        .unlimitedList()) {
      for (Job job : management.createJobQuery().processInstanceId(instance.getId()).messages().unlimitedList()) {
        management.executeJob(job.getId());
      }
    }
  }

  private ProcessInstance instance(String number) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).unlimitedList().stream()
        .filter(i -> i.getId().equals(i.getRootProcessInstanceId())).findFirst().orElseThrow();
  }

  private <T> T as(String user, Supplier<T> work) {
    List<String> groups = identity.createGroupQuery().groupMember(user).unlimitedList().stream().map(Group::getId)
        .toList();
    identity.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static void at(Instant time) {
    ClockUtil.setCurrentTime(Date.from(time));
  }

  private static Instant clockNow() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
