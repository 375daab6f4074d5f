package org.itops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.itops.MutableClock;
import org.itops.ProcessSteps;
import org.itops.SuiteClient;
import org.itops.SuiteTest;
import org.itops.TestMail;
import org.itops.attachment.Attachments;
import org.itops.change.ChangeRequest;
import org.itops.change.ChangeService;
import org.itops.cmdb.CiInput;
import org.itops.cmdb.CmdbMaintenance;
import org.itops.drill.DrillService;
import org.itops.incident.IncidentReport;
import org.itops.incident.IncidentService;
import org.itops.platform.Csv;
import org.itops.platform.SuiteProperties;
import org.itops.platform.SuiteTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The evidence a compliance audit's Collect evidence starts from: per control the suite runs, the records of the
 * quarter before the audit, made through the real processes with the clock moved across the quarters, compared with
 * rows worked out by hand; records closed just outside the quarter are not in it.
 */
@SuiteTest
class AuditEvidenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> INCIDENT_COLUMNS = List.of("Record", "Link", "Priority", "Title", "Status",
      "Response within its SLA target", "Resolution within its SLA target", "Breach reviews", "Major incident",
      "Root-cause review");

  @RegisterExtension
  static GreenMailExtension smtp = TestMail.smtp();

  @LocalServerPort int port;
  @Autowired AuditService audits;
  @Autowired IncidentService incidents;
  @Autowired JdbcTemplate jdbc;
  @Autowired ChangeService changes;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired CmdbMaintenance cmdb;
  @Autowired DrillService drills;
  @Autowired ProcessSteps steps;
  @Autowired MutableClock clock;
  @Autowired SuiteTime time;
  @Autowired SuiteProperties suite;
  SuiteClient client;

  @BeforeEach
  void connect() {
    clock.reset();
    client = new SuiteClient(port);
  }

  @AfterEach
  void backToNow() {
    clock.reset();
  }

  @Test
  void changeManagementEvidenceHoldsTheChangesClosedInTheQuarterBeforeTheAudit() throws Exception {
    // Given: a change closed in this quarter, three in the next, one as the quarter after it begins
    Instant nextQuarter = quarterAfter(clock.instant());
    Instant auditQuarter = quarterAfter(nextQuarter);
    String before = rejectedInReview();
    clock.advance(Duration.between(clock.instant(), nextQuarter.plus(Duration.ofHours(1))));
    Instant voted = clock.instant();
    String standard = standardChangeThatWorks();
    String rejectedByCab = rejectedByTheCab();
    clock.advance(Duration.between(clock.instant(), auditQuarter.minus(Duration.ofMinutes(1))));
    String lastMinute = rejectedInReview();
    clock.advance(Duration.ofMinutes(1));
    String after = rejectedInReview();

    // When: the audit of change management starts as the new quarter begins
    String number = steps.as("manager", () -> audits.audit("Changes", List.of("A.8.32")));

    // Then
    String link = suite.baseUrlWithoutSlash() + "/api/changes/";
    String window = time.format(voted.plus(Duration.ofDays(1))) + " - "
        + time.format(voted.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)));
    List<List<String>> rows = rowsOf(download(number, "changemgr", number + "-A.8.32-evidence.csv"), List.of(
        "Record", "Link", "Summary", "Classification", "Risk", "Window", "CAB votes", "Approved",
        "Without the CAB because", "Outcome", "Closed"));
    assertThat(rows).filteredOn(row -> Set.of(before, standard, rejectedByCab, lastMinute, after).contains(row.get(0)))
        .containsExactly(
            List.of(standard, link + standard, "修补内核 Patch the kernel", "standard", "low", window, "",
                time.format(voted), "standard change: pre-approved, no CAB", "SUCCESSFUL", time.format(voted)),
            List.of(rejectedByCab, link + rejectedByCab, "修补内核 Patch the kernel", "normal", "low", window,
                time.format(voted) + " cab1 votes approve\n" + time.format(voted) + " cab2 votes reject: Not now", "",
                "", "REJECTED", time.format(voted)),
            List.of(lastMinute, link + lastMinute, "修补内核 Patch the kernel", "normal", "low",
                time.format(auditQuarter.minus(Duration.ofMinutes(1)).plus(Duration.ofDays(1))) + " - "
                    + time.format(auditQuarter.minus(Duration.ofMinutes(1)).plus(Duration.ofDays(1))
                    .plus(Duration.ofHours(2))),
                "", "", "ended before the CAB was called (rejected in review or cancelled)", "REJECTED",
                time.format(auditQuarter.minus(Duration.ofMinutes(1)))));
    String html = download(number, "changemgr", number + "-A.8.32-evidence.html");
    assertThat(html).contains("<a href=\"" + link + rejectedByCab + "\">" + rejectedByCab + "</a>")
        .contains("cab2 votes reject: Not now").contains("修补内核").doesNotContain(">" + after + "<")
        .doesNotContain(">" + before + "<");
    assertThat(steps.task(number, AuditProcess.Element.COLLECT_EVIDENCE).getId()).isNotNull();
    assertThat(steps.runtime().getVariable(steps.instance(number).getId(), Attachments.LINKS_VARIABLE).toString())
        .contains(markdown(number + "-A.8.32-evidence.csv"), markdown(number + "-A.8.32-evidence.html"));
  }

  @Test
  void accessControlEvidenceHoldsTheMembershipsAndGrantsOfNowAndSaysWhyThePeriodsChangesAreMissing()
      throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String group = "ev-" + suffix;
    String user = "ev" + suffix;
    // made as the engine, with no one logged in: setting up is no one's operation
    Group auditors = identityService.newGroup(group);
    auditors.setName("审计员 Auditors");
    identityService.saveGroup(auditors);
    identityService.saveUser(identityService.newUser(user));
    identityService.createMembership(user, group);
    Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId(group);
    read.setResource(Resources.PROCESS_DEFINITION);
    read.setResourceId("compliance-audit");
    read.addPermission(Permissions.READ);
    Authorization grant = authorizationService.saveAuthorization(read);
    // the engine lets a new group's members read the group
    String ownGroup = authorizationService.createAuthorizationQuery().resourceType(Resources.GROUP).resourceId(group)
        .singleResult().getId();

    String number = steps.as("manager", () -> audits.audit("Access", List.of("A.5.15")));

    List<List<String>> rows = rowsOf(download(number, "secops", number + "-A.5.15-evidence.csv"),
        List.of("Record", "Link", "Kind", "User or group", "What", "When"));
    assertThat(rows).filteredOn(row -> row.contains(group)).containsExactly(
        List.of(group, suite.baseUrlWithoutSlash() + "/engine-rest/user?memberOfGroup=" + group,
            "member of a group now", user, "审计员 Auditors", ""),
        List.of(ownGroup, suite.baseUrlWithoutSlash() + "/engine-rest/authorization/" + ownGroup, "grant now", group,
            "Group " + group + ": READ", ""),
        List.of(grant.getId(), suite.baseUrlWithoutSlash() + "/engine-rest/authorization/" + grant.getId(),
            "grant now", group, "ProcessDefinition compliance-audit: READ", ""));
    assertThat(rows).filteredOn(row -> row.get(2).equals("change in the period")).isEmpty();
    assertThat(download(number, "secops", number + "-A.5.15-evidence.html"))
        .contains("history level audit").contains("审计员 Auditors");
  }

  @Test
  void aControlTheSuiteDoesNotRunGetsNoGeneratedEvidence() throws Exception {
    String number = steps.as("manager", () -> audits.audit("Backups", List.of("A.8.13")));

    JsonNode listed = JSON.readTree(client.get("engineer", "/api/audits/" + number + "/attachments").body());

    assertThat(listed.path("items")).isEmpty();
    assertThat(steps.runtime().getVariable(steps.instance(number).getId(), Attachments.LINKS_VARIABLE)).isNull();
  }

  @Test
  void theEvidenceIsReadByTheReadersOfTheAuditOnly() {
    String number = steps.as("manager", () -> audits.audit("Changes", List.of("A.8.32")));
    String attachments = "/api/audits/" + number + "/attachments";

    for (String reader : List.of("manager", "changemgr", "secops")) {
      assertThat(client.get(reader, attachments).statusCode()).as(reader).isEqualTo(200);
    }
    for (String outsider : List.of("requester", "engineer", "desk")) {
      assertThat(client.get(outsider, attachments).statusCode()).as(outsider).isEqualTo(404);
    }
  }

  // --- changes through change-management ---------------------------------------------------------------------

  private String rejectedInReview() {
    String number = raise("normal", "low", "low");
    steps.complete(number, "reviewChange", "changemgr", Map.of("decision", "reject", "decisionNotes", "No owner"));
    steps.runAsyncJobs(number);
    return number;
  }

  private String standardChangeThatWorks() {
    String number = raise("standard", "low", "low");
    steps.runAsyncJobs(number);
    steps.fire(number, "windowOpens");
    steps.complete(number, "implementChange", "engineer", Map.of("implementationNotes", "Patched"));
    steps.complete(number, "verifyChange", "engineer", Map.of("verification", "success",
        "verificationNotes", "Checked the service"));
    steps.runAsyncJobs(number);
    return number;
  }

  private String rejectedByTheCab() {
    String number = raise("normal", "low", "medium");
    steps.complete(number, "reviewChange", "changemgr", Map.of("decision", "accept"));
    vote(number, "cab1", Map.of("vote", "approve"));
    vote(number, "cab2", Map.of("vote", "reject", "voteComment", "Not now"));
    steps.runAsyncJobs(number);
    return number;
  }

  private String raise(String type, String impact, String criticality) {
    String item = steps.as("engineer", () -> cmdb.create(new CiInput("ev-" + UUID.randomUUID().toString()
        .substring(0, 8), "server", "production", null, "ops-engineers", criticality, null, List.of()))).reference();
    Instant start = clock.instant().plus(Duration.ofDays(1));
    return steps.as("engineer", () -> changes.request(new ChangeRequest("修补内核 Patch the kernel", "Security fix",
        type, impact, List.of(item), "Drain, patch, reboot", "Restore the snapshot", "Passed on staging",
        start.toString(), start.plus(Duration.ofHours(2)).toString(), null)));
  }

  private void vote(String number, String member, Map<String, Object> vote) {
    String taskId = steps.tasks(number, "voteOnChange").stream().filter(task -> member.equals(task.getAssignee()))
        .findFirst().orElseThrow().getId();
    steps.as(member, () -> {
      steps.taskService().complete(taskId, vote);
      return null;
    });
  }

  @Test
  void incidentManagementEvidenceHoldsTheIncidentsOfTheQuarterWithTheirSlaAndReviews() throws Exception {
    // Given: an incident reported in this quarter; three in the next: a major one resolved and reviewed for its root
    // cause, one whose resolution target passed and whose breach the IT managers reviewed, one nobody took yet; and
    // one reported as the quarter after it begins
    Instant nextQuarter = quarterAfter(clock.instant());
    Instant auditQuarter = quarterAfter(nextQuarter);
    String before = reportIncident("low", "low");
    clock.advance(Duration.between(clock.instant(), nextQuarter.plus(Duration.ofHours(1))));
    String major = reportIncident("high", "high");
    steps.complete(major, "postStatusUpdate", "manager", Map.of("statusUpdate", "Core switch down"));
    steps.runAsyncJobs(major);
    work(major);
    steps.complete(major, "workOnIncident", "engineer", Map.of("outcome", "resolved", "resolutionCode", "FIXED",
        "resolutionNotes", "Replaced the switch"));
    steps.runAsyncJobs(major);
    steps.complete(major, "reviewRootCause", "engineer", Map.of("rootCause", "固件缺陷 Firmware bug",
        "preventiveActions", "Upgrade the firmware of every core switch"));
    String breached = reportIncident("low", "low");
    work(breached);
    steps.fire(breached, "resolutionWarningDue");
    steps.fire(breached, "resolutionTargetMissed");
    steps.runAsyncJobs(breached);
    steps.complete(breached, "reviewBreachedIncident", "manager", Map.of("breachAction", "A second on-call engineer"));
    String waiting = reportIncident("medium", "medium");
    clock.advance(Duration.between(clock.instant(), auditQuarter));
    String after = reportIncident("low", "low");

    // When: the audit of incident management starts as the new quarter begins
    String number = steps.as("manager", () -> audits.audit("Incidents", List.of("A.5.24")));

    // Then: the quarter's incidents by priority, each with its SLA, its breach reviews and its root-cause review
    String link = suite.baseUrlWithoutSlash() + "/api/incidents/";
    Instant reviewed = steps.history().createHistoricTaskInstanceQuery().processInstanceBusinessKey(breached)
        .taskDefinitionKey("reviewBreachedIncident").singleResult().getEndTime().toInstant();
    Instant rootCauseRecorded = jdbc.queryForObject("select recorded_at from problem_record where incident_number = ?",
        java.sql.Timestamp.class, major).toInstant();
    List<List<String>> rows = rowsOf(download(number, "desk", number + "-A.5.24-evidence.csv"), INCIDENT_COLUMNS);
    assertThat(rows).filteredOn(row -> Set.of(before, major, breached, waiting, after).contains(row.get(0)))
        .containsExactly(
            List.of(major, link + major, "P1", "核心交换机 Core switch down", "RESOLVED", "met", "met", "", "yes",
                time.format(rootCauseRecorded) + " engineer: 固件缺陷 Firmware bug (preventive actions: Upgrade the"
                    + " firmware of every core switch)"),
            List.of(waiting, link + waiting, "P3", "核心交换机 Core switch down", "REGISTERED", "not yet", "not yet", "",
                "no", ""),
            List.of(breached, link + breached, "P4", "核心交换机 Core switch down", "IN_PROGRESS", "met", "missed",
                time.format(reviewed) + " manager: A second on-call engineer", "no", ""));
    assertThat(download(number, "desk", number + "-A.5.24-evidence.html"))
        .contains("<a href=\"" + link + breached + "\">" + breached + "</a>").contains("A second on-call engineer")
        .doesNotContain(">" + before + "<").doesNotContain(">" + after + "<");
  }

  @Test
  void anAuditStartedWithAPeriodGathersTheEvidenceOfThatPeriod() throws Exception {
    String before = reportIncident("low", "low");
    clock.advance(Duration.ofDays(2));
    Instant from = clock.instant();
    String within = reportIncident("low", "low");
    clock.advance(Duration.ofDays(2));
    Instant to = clock.instant();
    String after = reportIncident("low", "low");

    HttpResponse<String> started = client.postJson("manager", "/api/audits", "{\"title\": \"Last days\","
        + " \"controls\": [\"A.5.24\"], \"from\": \"" + from + "\", \"to\": \"" + to + "\"}");

    assertThat(started.statusCode()).isEqualTo(201);
    String number = JSON.readTree(started.body()).path("number").asText();
    assertThat(rowsOf(download(number, "desk", number + "-A.5.24-evidence.csv"), INCIDENT_COLUMNS))
        .extracting(row -> row.get(0)).contains(within).doesNotContain(before, after);
    // both bounds or none, and no longer than the KPIs' longest period
    assertThat(client.postJson("manager", "/api/audits", "{\"controls\": [\"A.5.24\"], \"from\": \"2026-01-01\"}")
        .body()).contains("to");
    assertThat(client.postJson("manager", "/api/audits", "{\"controls\": [\"A.5.24\"], \"from\": \"2020-01-01\","
        + " \"to\": \"2026-01-01\"}").statusCode()).isEqualTo(400);
    assertThat(client.postJson("manager", "/api/audits", "{\"controls\": [\"A.5.24\"], \"from\": \"last week\","
        + " \"to\": \"2026-01-01\"}").statusCode()).isEqualTo(400);
  }

  /** {@code requester} reports an incident (high impact and urgency make a major one); answers its number. */
  private String reportIncident(String impact, String urgency) {
    return steps.as("requester", () -> incidents.report(new IncidentReport("核心交换机 Core switch down",
        "Nothing reaches the network", impact, urgency, "network", null, null, null, null), "test"));
  }

  /** The service desk triages the incident as computed, and {@code engineer} takes it. */
  private void work(String incident) {
    steps.complete(incident, "triageIncident", "desk", Map.of("priority", steps.runtime().getVariable(
        steps.instance(incident).getId(), "priority"), "assignedGroup", "ops-engineers"));
    steps.runAsyncJobs(incident);
    steps.complete(incident, "takeIncident", "engineer", Map.of());
  }

  @Test
  void readinessEvidenceHoldsTheDrillsOfTheQuarterWithTheirTeamsAgainstTheObjectivesAndTheirActions() throws Exception {
    // Given: a drill started in this quarter; two dated in the next: one within its objectives, one over its RTO with
    // two improvement actions of which one is done, one started but never prepared (dated when it was started); and
    // one started in the next quarter for a date in the one after
    Instant nextQuarter = quarterAfter(clock.instant());
    Instant auditQuarter = quarterAfter(nextQuarter);
    String before = startDrill(drillPlan(60, 15));
    clock.advance(Duration.between(clock.instant(), nextQuarter.plus(Duration.ofHours(1))));
    String withinPlan = drillPlan(60, 15);
    String within = startDrill(withinPlan);
    Instant withinDate = prepareDrill(within);
    untilDrillDay(within);
    runDrill(within, "ops-engineers", "engineer", 45, 10);
    runDrill(within, "service-desk", "desk", 20, 0);
    steps.complete(within, "reviewDrill", "engineer", Map.of("improvementActions", ""));
    String overPlan = drillPlan(30, 5);
    String over = startDrill(overPlan);
    Instant overDate = prepareDrill(over);
    untilDrillDay(over);
    runDrill(over, "ops-engineers", "engineer", 75, 0);
    runDrill(over, "service-desk", "desk", 10, 0);
    Instant due = clock.instant().plus(Duration.ofDays(14));
    steps.complete(over, "reviewDrill", "engineer", Map.of("improvementActions",
        "Automate the database fail-over\nPre-stage the restore images", "actionsDue", due.toString()));
    clock.advance(Duration.ofDays(2));
    Instant actionDone = clock.instant();
    steps.completeOne(over, "carryOutAction", "action", "Automate the database fail-over", "engineer",
        Map.of("actionNotes", "Fail-over script in place"));
    String unpreparedPlan = drillPlan(60, 15);
    Instant unpreparedStarted = clock.instant();
    String unprepared = startDrill(unpreparedPlan);
    clock.advance(Duration.between(clock.instant(), auditQuarter.minus(Duration.ofHours(12))));
    String later = startDrill(drillPlan(60, 15));
    prepareDrill(later);
    clock.advance(Duration.between(clock.instant(), auditQuarter));

    // When: the audit of ICT readiness starts as the new quarter begins
    String number = steps.as("manager", () -> audits.audit("Readiness", List.of("A.5.30")));

    // Then: the quarter's drills by date, each team against the plan's objectives, the actions and their closure
    String link = suite.baseUrlWithoutSlash() + "/api/drills/";
    List<List<String>> rows = rowsOf(download(number, "manager", number + "-A.5.30-evidence.csv"), List.of("Record",
        "Link", "Plan", "Drill date", "RTO (minutes)", "RPO (minutes)", "Teams against the objectives", "Result",
        "Improvement actions"));
    assertThat(rows).filteredOn(row -> Set.of(before, within, over, unprepared, later).contains(row.get(0)))
        .containsExactly(
        List.of(within, link + within + "/report", withinPlan, time.format(withinDate), "60", "15",
            "ops-engineers: recovered in 45 of 60 minutes, lost 10 of 15 minutes of data: passed\n"
                + "service-desk: recovered in 20 of 60 minutes, lost 0 of 15 minutes of data: passed", "passed", ""),
        List.of(over, link + over + "/report", overPlan, time.format(overDate), "30", "5",
            "ops-engineers: recovered in 75 of 30 minutes, lost 0 of 5 minutes of data: failed\n"
                + "service-desk: recovered in 10 of 30 minutes, lost 0 of 5 minutes of data: passed", "failed",
            "Automate the database fail-over (due " + time.format(due) + "): done by engineer at "
                + time.format(actionDone) + "\nPre-stage the restore images (due " + time.format(due) + "): open"),
        List.of(unprepared, link + unprepared + "/report", unpreparedPlan, time.format(unpreparedStarted), "60", "15",
            "", "not evaluated yet", ""));
    assertThat(download(number, "manager", number + "-A.5.30-evidence.html"))
        .contains("<a href=\"" + link + over + "/report\">" + over + "</a>").contains("Pre-stage the restore images")
        .contains("by when it was started if it was never prepared")
        .doesNotContain(">" + before + "<").doesNotContain(">" + later + "<");
  }

  // --- drills through emergency-drill ----------------------------------------------------------------------------

  /** A plan drilled by ops-engineers and service-desk, first due in a week, made over the API; answers its name. */
  private String drillPlan(int rto, int rpo) throws IOException {
    String name = "Data centre loss " + UUID.randomUUID();
    HttpResponse<String> created = client.postJson("manager", "/api/emergency-plans", JSON.writeValueAsString(Map.of(
        "name", name, "scenario", "The primary data centre is lost", "ownerGroup", "ops-engineers",
        "participatingTeams", List.of("ops-engineers", "service-desk"), "rtoMinutes", rto, "rpoMinutes", rpo,
        "frequencyDays", 90, "nextDrillAt", clock.instant().plus(Duration.ofDays(7)).toString())));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return name;
  }

  private String startDrill(String planName) {
    return steps.as("engineer", () -> drills.drillOnDemand(planName));
  }

  /** Prepared for tomorrow; answers the drill date. */
  private Instant prepareDrill(String number) {
    Instant date = clock.instant().plus(Duration.ofDays(1));
    steps.complete(number, "prepareDrill", "engineer", Map.of("scenario", "The primary data centre is lost",
        "participants", "engineer: restores the database", "drillDate", date.toString()));
    steps.runAsyncJobs(number);
    return date;
  }

  /** The drill day's timer fires, and the suite's clock is a few hours into the drill. */
  private void untilDrillDay(String number) {
    steps.fire(number, "drillDay");
    clock.advance(Duration.ofDays(1).plusHours(4));
  }

  /** The team's run took that many minutes and lost that many minutes of data. */
  private void runDrill(String number, String team, String user, int minutes, int dataLoss) {
    Instant start = clock.instant().minus(Duration.ofHours(3));
    steps.completeOne(number, "runDrill", "team", team, user, Map.of("startedAt", start.toString(), "endedAt",
        start.plus(Duration.ofMinutes(minutes)).toString(), "dataLossMinutes", dataLoss, "whatHappened",
        "Restored from the spare site"));
  }

  // --- the evidence as its readers download it -------------------------------------------------------------------

  /** The attached file as {@code user} downloads it from the audit's attachments. */
  private String download(String number, String user, String fileName) throws IOException {
    JsonNode listed = JSON.readTree(client.get(user, "/api/audits/" + number + "/attachments").body());
    for (JsonNode attachment : listed.path("items")) {
      if (attachment.path("fileName").asText().equals(fileName)) {
        HttpResponse<String> file = client.get(user, attachment.path("download").asText());
        assertThat(file.statusCode()).isEqualTo(200);
        return file.body();
      }
    }
    throw new AssertionError(fileName + " is not attached to " + number + ": " + listed);
  }

  /** The rows of a CSV after its header, which must be this one; UTF-8 with the mark that spreadsheets need. */
  private static List<List<String>> rowsOf(String file, List<String> header) throws IOException {
    assertThat(file).startsWith(Csv.BOM);
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> reader = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
        .readerForListOf(String.class).readValues(Csv.withoutBom(file))) {
      reader.forEachRemaining(rows::add);
    }
    assertThat(rows.get(0)).isEqualTo(header);
    return rows.subList(1, rows.size());
  }

  /** A file name as the Markdown links of the attachments escape it. */
  private static String markdown(String fileName) {
    return fileName.replace("-", "\\-").replace(".", "\\.");
  }

  /** The first instant of the calendar quarter after the one of {@code instant}, in the suite's zone. */
  private Instant quarterAfter(Instant instant) {
    Instant start = EvidenceReports.Period.quarterBefore(instant, time.zone()).to();
    return EvidenceReports.Period.quarterBefore(start.plus(Duration.ofDays(100)), time.zone()).to();
  }
}
