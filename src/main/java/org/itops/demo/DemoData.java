package org.itops.demo;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.itops.catalog.ServiceCatalog;
import org.itops.catalog.ServiceLevel;
import org.itops.catalog.ServiceProposal;
import org.itops.change.ChangeRequest;
import org.itops.change.ChangeService;
import org.itops.cmdb.CmdbMaintenance;
import org.itops.demand.DemandRequest;
import org.itops.demand.DemandService;
import org.itops.drill.DrillService;
import org.itops.incident.IncidentReport;
import org.itops.incident.IncidentService;
import org.itops.oncall.Pages;
import org.itops.oncall.RotaRequest;
import org.itops.oncall.Rotas;
import org.itops.platform.SuiteProperties;
import org.itops.survey.SurveyService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo data of the embedded default ({@code itops.demo-data}): the past month of a small IT operation, loaded
 * once per database through the processes as people would work them (services onboarded, incidents reported,
 * triaged, taken, resolved and confirmed, their surveys answered, changes through the CAB, demands delivered or in
 * delivery, a drill; SLA and window timers fire), so that every record, timeline, history entry, KPI and metric
 * comes from the suite's own steps.
 *
 * <p>Whether to load is decided before the web server starts, when nobody can have started a process yet; the month
 * then loads on a thread of its own once the suite is ready, so that the first start is not slower for it: people
 * may log in and work meanwhile. The engine's clock, which our records follow too (platform.TimeConfiguration), is
 * moved back to each event's day for the loading thread only ({@link DemoClock}). The job executor waits until the
 * month is in, because the month's steps that it would take (mail, timers) are taken by the loading thread at their
 * time ({@link DemoSteps}); people's own jobs meanwhile wait the few seconds with it. Refused in production mode.
 *
 * <p>One class because it is one story told in order: each method is a chapter of the month (an incident, a change,
 * a demand, a drill) on the one clock; the records it tells are in {@link DemoRecords}, the engine's steps in
 * {@link DemoSteps}.
 */
@Component
class DemoData implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  /** The engine's property that says the demo data is in this database (once per database). */
  static final String LOADED = "itops.demo-data.loaded";
  private static final String CAB_VOTE = "voteOnChange";

  private final boolean enabled;
  private final SuiteProperties suite;
  private final DemoSteps steps;
  private final ServiceCatalog catalog;
  private final CmdbMaintenance cmdb;
  private final IncidentService incidents;
  private final SurveyService surveys;
  private final ChangeService changes;
  private final DemandService demands;
  private final DrillService drills;
  private final Rotas rotas;
  private final Pages pages;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final ManagementService management;
  private final ObjectProvider<JobExecutor> jobExecutor;
  private volatile boolean running;
  /** Decided at start: this first start of the database loads the month once the suite is ready. */
  private boolean toLoad;
  private Thread loading;

  DemoData(@Value("${itops.demo-data:false}") boolean enabled, SuiteProperties suite, DemoSteps steps,
      ServiceCatalog catalog, CmdbMaintenance cmdb, IncidentService incidents, SurveyService surveys,
      ChangeService changes, DemandService demands, DrillService drills, Rotas rotas, Pages pages,
      RuntimeService runtime, HistoryService history, ManagementService management,
      ObjectProvider<JobExecutor> jobExecutor) {
    this.enabled = enabled;
    this.suite = suite;
    this.steps = steps;
    this.catalog = catalog;
    this.cmdb = cmdb;
    this.incidents = incidents;
    this.surveys = surveys;
    this.changes = changes;
    this.demands = demands;
    this.drills = drills;
    this.rotas = rotas;
    this.pages = pages;
    this.runtime = runtime;
    this.history = history;
    this.management = management;
    this.jobExecutor = jobExecutor;
  }

  /**
   * After every bean's start-up work (groups, users and grants created, processes deployed), before any request: the
   * web server starts in the phase after this one (Spring Boot's WebServerGracefulShutdownLifecycle
   * .SMART_LIFECYCLE_PHASE - 1024).
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
    if (history.createHistoricProcessInstanceQuery().count() > 0) {
      // a start stopped while it loaded, or a database used before: loading now would add the month a second time
      LOG.warn("The demo data is not loaded: this database has process instances already (an earlier start that was"
          + " stopped while it loaded the demo data, or work done before itops.demo-data was switched on)."
          + " Delete the database for a fresh start with the demo data.");
      management.setProperty(LOADED, "not loaded: the database had process instances");
      return;
    }
    toLoad = true;
  }

  /**
   * Once the suite is ready (the web server answers; every listener of the application's readiness has run, among
   * them Camunda's, which starts the job executor): holds the job executor and loads the month on a thread of its
   * own, then starts the job executor again.
   */
  @EventListener
  void whenReady(AvailabilityChangeEvent<ReadinessState> readiness) {
    if (!toLoad || readiness.getState() != ReadinessState.ACCEPTING_TRAFFIC) {
      return;
    }
    toLoad = false;
    JobExecutor executor = jobExecutor.getIfAvailable();
    boolean held = executor != null && executor.isActive();
    if (held) {
      // stopped a moment after it started, before the month has a single job: nothing of the month runs in today's time
      executor.shutdown();
    }
    loading = new Thread(() -> {
      try {
        loadTheMonth();
      } finally {
        if (held && running) {
          executor.start();
        }
      }
    }, "demo-data");
    loading.start();
  }

  private void loadTheMonth() {
    LOG.info("Loading the demo data (a month of work) while the suite runs; its jobs wait until it is in");
    long started = System.nanoTime();
    // the CPU time of this thread, which does all the loading: a figure that other work on the machine disturbs less
    long startedCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    Instant now = Instant.now();
    steps.beginLoading();
    try {
      load(now);
      management.setProperty(LOADED, now.toString());
      LOG.info("Loaded the demo data (a month of work) in {} ms ({} ms CPU)",
          (System.nanoTime() - started) / 1_000_000,
          (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - startedCpu) / 1_000_000);
    } catch (DemoSteps.Stopped stopped) {
      LOG.warn("The suite stopped while it loaded the demo data: the month is incomplete, and the next start will not"
          + " load it again. Delete the database for a fresh start with the demo data.");
    } catch (RuntimeException failure) {
      LOG.error("The demo data could not be loaded: the month is incomplete, and the next start will not load it"
          + " again. Delete the database for a fresh start with the demo data.", failure);
    } finally {
      steps.endLoading();
    }
  }

  private void load(Instant now) {
    steps.at(daysAgo(now, 50));
    DemoRecords.SERVICES.forEach(this::onboard);
    rotas(daysAgo(now, 50));
    steps.at(daysAgo(now, 45));
    steps.as("engineer", () -> cmdb.importCsv(DemoRecords.CONFIGURATION_ITEMS));
    // signed off 33 days ago: its 30 days of warranty ended this month, and its feedback closed it yesterday
    deliveredDemand(daysAgo(now, 44));
    for (DemoRecords.DemoIncident incident : DemoRecords.INCIDENTS) {
      work(incident, daysAgo(now, incident.daysAgo()));
    }
    drill(daysAgo(now, 25));
    change(daysAgo(now, 20), "normal", "intranet", "Upgrade the intranet portal", "success");
    change(daysAgo(now, 14), "standard", "print-01", "Patch the print server", "success");
    change(daysAgo(now, 9), "normal", "mail-01", "Move the mail relay to the new spam filter", "failed");
    waitingForTheCab(daysAgo(now, 1));
    demandInDelivery(daysAgo(now, 10));
  }

  private static Instant daysAgo(Instant now, int days) {
    return now.minus(Duration.ofDays(days));
  }

  // --- catalog -----------------------------------------------------------------------------------------

  /** {@code owner} proposes the service, agrees its SLA, and the service owners and the IT manager approve it. */
  private void onboard(DemoRecords.DemoService service) {
    String number = steps.as("owner", () -> catalog.propose(new ServiceProposal(service.name(), service.description(),
        "owner", "ops-engineers", new ServiceLevel(service.tier(), service.hours(),
        new BigDecimal(service.availability())))));
    steps.runJobs();
    later(Duration.ofHours(2));
    steps.complete(number, "agreeSlaTargets", "owner", Map.of("slaDecision", "agreed"));
    later(Duration.ofHours(20));
    steps.complete(number, "approveAsServiceOwners", "owner", Map.of("ownersApproval", "approve"));
    later(Duration.ofHours(3));
    steps.complete(number, "approveAsItManager", "manager", Map.of("managerApproval", "approve"));
  }

  // --- on-call ---------------------------------------------------------------------------------------

  /** The IT manager gives the groups that incidents go to a weekly rota, so that a P1 pages a person. */
  private void rotas(Instant from) {
    String startsOn = from.atZone(ZoneId.of(DemoRecords.ROTA_ZONE)).toLocalDate().toString();
    DemoRecords.ROTAS.forEach((group, members) -> steps.as("manager", () -> rotas.save(group,
        new RotaRequest("manager", DemoRecords.ROTA_ZONE, "09:00", 7, startsOn, members))));
  }

  // --- incidents and their surveys ---------------------------------------------------------------------

  /** One incident as it went: reported, then as far as its story says, each step at its time. */
  private void work(DemoRecords.DemoIncident story, Instant reported) {
    steps.at(reported);
    String number = steps.as(story.reporter(), () -> incidents.report(new IncidentReport(story.title(),
        story.description(), story.impact(), story.urgency(), story.category(), story.configurationItem(), null,
        null, story.major()), "demo"));
    steps.runJobs();
    if (steps.hasTask(number, "acknowledgePage")) {
      // a P1 pages the person on duty of the group's rota, who acknowledges it
      later(Duration.ofMinutes(4));
      steps.complete(number, "acknowledgePage", pages.find(number).orElseThrow().steps().get(0).user(), Map.of());
    }
    if (story.stage() == DemoRecords.Stage.REPORTED) {
      return;
    }
    later(Duration.ofMinutes(5));
    steps.complete(number, "triageIncident", "desk", Map.of("priority",
        steps.taskVariable(number, "triageIncident", "priority"), "assignedGroup", story.group()));
    if (story.breachesResponse()) {
      steps.fire(number, "responseTargetMissed");
    }
    if (story.stage() == DemoRecords.Stage.TRIAGED) {
      return;
    }
    later(Duration.ofMinutes(story.minutesToTake()));
    // the demo user of the group the incident went to takes it
    String worker = "service-desk".equals(story.group()) ? "desk" : "engineer";
    steps.complete(number, "takeIncident", worker, Map.of());
    if (story.stage() == DemoRecords.Stage.TAKEN) {
      return;
    }
    later(Duration.ofMinutes(story.minutesToResolve()));
    steps.complete(number, "workOnIncident", worker, Map.of("outcome", "resolved", "resolutionCode", "FIXED",
        "resolutionNotes", story.resolution()));
    if (story.stage() == DemoRecords.Stage.RESOLVED) {
      return;
    }
    later(Duration.ofHours(2));
    steps.complete(number, "confirmResolution", story.reporter(), Map.of("confirmation", "yes"));
    if (story.rating() != null) {
      later(Duration.ofHours(3));
      answerSurvey(number, story.reporter(), story.rating());
    }
  }

  /** The respondent answers the survey mailed about the record (a low rating leaves a follow-up in Tasklist). */
  private void answerSurvey(String record, String respondent, int rating) {
    String link = surveys.linkKey(record, respondent).orElseThrow(() -> new IllegalStateException("Demo data: no"
        + " survey of " + record + " to " + respondent));
    surveys.answer(link, rating, rating < 3 ? "It took far too long" : null);
    steps.runJobs();
  }

  // --- changes -----------------------------------------------------------------------------------------

  /**
   * {@code engineer} raises a change on the item with a window the next day; a normal one is accepted by
   * {@code changemgr} and approved by the CAB; at its window it is implemented and verified ({@code verification}
   * success or failed: then backed out), and reviewed where the process asks for it.
   */
  private void change(Instant raised, String type, String item, String summary, String verification) {
    String number = raise(raised, type, item, summary);
    if ("normal".equals(type)) {
      acceptAndVote(number, List.of("cab1", "cab2", "cab3"));
    }
    steps.fire(number, "windowOpens");
    later(Duration.ofMinutes(30));
    steps.complete(number, "implementChange", "engineer", Map.of("implementationNotes", "Done as planned"));
    later(Duration.ofMinutes(45));
    steps.complete(number, "verifyChange", "engineer", Map.of("verification", verification, "verificationNotes",
        "success".equals(verification) ? "Checked the service" : "The service failed its checks"));
    if ("failed".equals(verification)) {
      later(Duration.ofMinutes(20));
      steps.complete(number, "backOutChange", "engineer", Map.of("backedOut", true, "backoutNotes",
          "Restored the snapshot"));
    }
    if (steps.hasTask(number, "reviewImplementation")) {
      later(Duration.ofDays(1));
      steps.complete(number, "reviewImplementation", "changemgr", Map.of("reviewNotes",
          "success".equals(verification) ? "Went to plan" : "Test the filter's rules on staging first"));
    }
  }

  /** A normal change accepted yesterday with one CAB vote of the two it needs: the other votes wait in Tasklist. */
  private void waitingForTheCab(Instant raised) {
    String number = raise(raised, "normal", "vpn-gw", "Update the VPN gateway's firmware");
    acceptAndVote(number, List.of("cab1"));
  }

  private String raise(Instant raised, String type, String item, String summary) {
    steps.at(raised);
    Instant start = raised.plus(Duration.ofDays(2));
    String number = steps.as("engineer", () -> changes.request(new ChangeRequest(summary, "Vendor's fix of a known"
        + " fault", type, "low", List.of(item), "Drain, update, check, return to service", "Restore the snapshot",
        "Passed on staging", start.toString(), start.plus(Duration.ofHours(2)).toString(), null)));
    steps.runJobs();
    return number;
  }

  /** {@code changemgr} accepts the change for the CAB, whose members approve in turn until the vote ends. */
  private void acceptAndVote(String number, List<String> members) {
    later(Duration.ofHours(1));
    steps.complete(number, "reviewChange", "changemgr", Map.of("decision", "accept"));
    for (String member : members) {
      if (!steps.hasTask(number, CAB_VOTE)) {
        return;
      }
      later(Duration.ofHours(2));
      steps.complete(number, CAB_VOTE, member, Map.of("vote", "approve"));
    }
  }

  // --- demands -----------------------------------------------------------------------------------------

  /** A demand from the request to the requester's feedback over six weeks: delivered, with its warranty. */
  private void deliveredDemand(Instant submitted) {
    String number = approvedDemand(submitted, "Self-service password reset", "ERP");
    build(number, List.of("Reset portal", "MFA enrolment"), 2);
    later(Duration.ofDays(1));
    steps.complete(number, "qualityControl", "owner", Map.of("qcTestsPassed", true, "qcDocumented", true,
        "qcSecurityReviewed", true, "qcHandoverReady", true));
    later(Duration.ofHours(2));
    steps.complete(number, "prepareDeliveryPackage", "engineer", Map.of("deliverables", "Reset portal, runbook",
        "handover", "Service desk trained"));
    later(Duration.ofDays(1));
    steps.complete(number, "acceptanceTest", "requester", Map.of("acFunctional", true, "acPerformance", true,
        "acDocumentation", true, "acTraining", true));
    steps.fire(number, "warrantyEnds");
    later(Duration.ofDays(1));
    steps.complete(number, "retrospective", "owner", Map.of("wentWell", "A clear specification", "toImprove",
        "Test users earlier", "lessons", "Book the test users in week one"));
    later(Duration.ofDays(1));
    steps.complete(number, "giveFeedback", "requester", Map.of("rating", 4, "feedbackComment",
        "Resets take a minute now"));
  }

  /** A demand approved ten days ago whose implementation is half done (one milestone of two). */
  private void demandInDelivery(Instant submitted) {
    String number = approvedDemand(submitted, "Book meeting rooms from the intranet", "Intranet");
    build(number, List.of("Room calendar", "Booking page"), 1);
  }

  /** {@code requester}'s demand, analysed, documented and approved by every approver it was routed to. */
  private String approvedDemand(Instant submitted, String title, String service) {
    steps.at(submitted);
    String requested = LocalDate.ofInstant(submitted, ZoneOffset.UTC).plusMonths(3).toString();
    String number = steps.as("requester", () -> demands.request(new DemandRequest(title, "Staff call the service"
        + " desk for it", "Fewer calls to the desk", requested, "small", List.of(service))));
    steps.runJobs();
    later(Duration.ofDays(1));
    steps.complete(number, "analyseDemand", "desk", Map.of("analysisOutcome", "analysed", "feasibility",
        "feasible", "effortDays", 15, "risk", "low"));
    later(Duration.ofHours(4));
    steps.complete(number, "documentSpecification", "owner", Map.of("specification", title + ", tested by the"
        + " requester"));
    for (String approval : List.of("approveDemandInParallel", "approveDemandInSequence")) {
      while (steps.hasTask(number, approval)) {
        later(Duration.ofHours(5));
        String user = "service-owners".equals(steps.taskVariable(number, approval, "approverGroup")) ? "owner"
            : "manager";
        steps.complete(number, approval, user, Map.of("approval", "approve"));
      }
    }
    return number;
  }

  /** {@code engineer} designs the solution with its milestones, allocates people and does the first {@code done}. */
  private void build(String number, List<String> milestones, int done) {
    later(Duration.ofDays(1));
    steps.complete(number, "designSolution", "engineer", Map.of("plan", "Build, test with the requester, roll out",
        "milestones", String.join("\n", milestones)));
    later(Duration.ofHours(3));
    steps.complete(number, "allocateResources", "engineer", Map.of("people", "engineer, owner", "budget", 4000.0));
    for (int milestone = 0; milestone < done; milestone++) {
      later(Duration.ofDays(2));
      steps.complete(number, "implementMilestone", "engineer", Map.of("milestoneNotes", "Done"));
    }
  }

  // --- drills ------------------------------------------------------------------------------------------

  /**
   * {@code manager} writes the data centre's emergency plan; {@code engineer} drills it a few days later with the
   * service desk, both teams within the plan's objectives: the drill passes and the plan's next drill is in
   * three months.
   */
  private void drill(Instant planned) {
    steps.at(planned);
    String plan = "Data centre loss";
    steps.asVoid("manager", () -> runtime.startProcessInstanceByKey("emergency-plan", Map.of("name", plan,
        "scenario", "The primary data centre is lost", "ownerGroup", "ops-engineers", "participatingTeams",
        "ops-engineers, service-desk", "rtoMinutes", 60L, "rpoMinutes", 15L, "frequencyDays", 90L, "nextDrillAt",
        planned.plus(Duration.ofDays(7)).toString())));
    later(Duration.ofDays(4));
    String number = steps.as("engineer", () -> drills.drillOnDemand(plan));
    steps.runJobs();
    Instant drillDay = later(Duration.ofHours(1)).plus(Duration.ofDays(1));
    steps.complete(number, "prepareDrill", "engineer", Map.of("scenario", "The primary data centre is lost",
        "participants", "engineer: restores the database\ndesk: informs the users", "drillDate",
        drillDay.toString()));
    steps.fire(number, "drillDay");
    later(Duration.ofHours(4));
    steps.complete(number, "runDrill", "engineer", Map.of("startedAt", drillDay.toString(), "endedAt",
        drillDay.plus(Duration.ofMinutes(45)).toString(), "dataLossMinutes", 10, "whatHappened",
        "Restored the database at the spare site"));
    steps.complete(number, "runDrill", "desk", Map.of("startedAt", drillDay.toString(), "endedAt",
        drillDay.plus(Duration.ofMinutes(20)).toString(), "dataLossMinutes", 0, "whatHappened",
        "Told the users and took their calls"));
    later(Duration.ofHours(2));
    steps.complete(number, "reviewDrill", "engineer", Map.of("improvementActions", ""));
  }

  /** The clock a while later; answers the new time. */
  private Instant later(Duration duration) {
    Instant time = steps.now().plus(duration);
    steps.at(time);
    return time;
  }

  /** Ends a loading that is still going on at its next step (before the engine closes), and waits for it. */
  @Override
  public void stop() {
    running = false;
    Thread stillLoading = loading;
    if (stillLoading != null && stillLoading.isAlive()) {
      steps.stop();
      try {
        stillLoading.join();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
