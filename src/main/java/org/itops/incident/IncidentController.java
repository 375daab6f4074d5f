package org.itops.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itops.attachment.Attachments;
import org.itops.calendar.BusinessCalendar;
import org.itops.platform.CurrentUser;
import org.itops.platform.IdempotencyKeys;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.NotAllowedException;
import org.itops.platform.Page;
import org.itops.platform.Timeline;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/incidents}: report, read and list incidents; the service desk reassigns them. */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {

  static final int MAX_PAGE_SIZE = 100;
  /**
   * What of an incident's timeline its reporter sees when that is all they are to it (the portal's record page): the
   * steps of their request, not the desk's inner work (a priority overridden or a reassignment with its reason, notes,
   * SLA warnings and breaches, alerts, knowledge, root causes, survey follow-ups). A type not named here is internal.
   */
  static final Set<String> REPORTER_SEES = Set.of("REPORTED", "CLASSIFIED", "SLA_RECALCULATED", "ASSIGNED",
      "MAJOR_DECLARED", "RESPONDED", "WAITING_FOR_REQUESTER", "REQUESTER_ANSWERED", "MAIL", "STATUS_UPDATE",
      "RESOLVED", "REOPENED", "CLOSED", "ATTACHED", "ATTACHMENT_SKIPPED", "SURVEY_SENT", "SURVEY_ANSWERED");

  private final IncidentService incidents;
  private final IdempotencyKeys idempotencyKeys;
  private final CurrentUser currentUser;
  private final Attachments attachments;
  private final IncidentReadRule readRule;
  private final ServiceHours hours;

  IncidentController(IncidentService incidents, IdempotencyKeys idempotencyKeys, CurrentUser currentUser,
      Attachments attachments, IncidentReadRule readRule, ServiceHours hours) {
    this.hours = hours;
    this.incidents = incidents;
    this.idempotencyKeys = idempotencyKeys;
    this.currentUser = currentUser;
    this.attachments = attachments;
    this.readRule = readRule;
  }

  /** The summary of an incident in a list. */
  record Summary(String number, String title, String status, String priority, boolean major, String assignedGroup,
      String engineer, Instant reportedAt, Instant resolutionDue, boolean responseBreached, boolean resolutionBreached) {

    static Summary of(Incident i) {
      return new Summary(i.getNumber(), i.getTitle(), i.getStatus().name(), i.getPriority(), i.isMajor(),
          i.getAssignedGroup(), i.getEngineer(), i.getReportedAt(), i.getResolutionDue(), i.isResponseBreached(),
          i.isResolutionBreached());
    }
  }

  /**
   * The SLA of an incident: targets, due times, breaches and the paused time; {@code hours} of service (24x7 or a
   * calendar's name) and the zone in which to show the due times (the calendar's; null for 24x7: the suite's).
   */
  record Sla(String responseTarget, String resolutionTarget, Instant responseDue, Instant warningDue,
      Instant resolutionDue, Instant respondedAt, boolean responseBreached, boolean resolutionWarned,
      boolean resolutionBreached, boolean paused, long pausedMinutes, String hours, String timeZone) {}

  /** An incident with its history. */
  record Details(String number, String title, String description, String status, String priority,
      String computedPriority, String priorityReason, boolean major, String impact, String urgency, String category,
      String configurationItem, String service, String reporter, String source, String assignedGroup, String engineer, Sla sla,
      Instant reportedAt, Instant resolvedAt, Instant closedAt, String resolutionCode, String resolutionNotes,
      String closureCode, String causedByChange, int reopenCount, boolean knowledgeProposed, Instant alertResolvedAt,
      boolean outage, Instant outageStart, List<Timeline.Entry> timeline, List<Attachments.Summary> attachments) {}

  record Reassignment(String group, String reason) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> report(@RequestBody IncidentReport report,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    IdempotencyKeys.Created created = idempotencyKeys.createOnce("incident", currentUser.id(), idempotencyKey,
        idempotencyKeys.fingerprint(report), () -> incidents.report(report, "api"));
    return created.answerAt("/api/incidents/" + created.recordNumber());
  }

  @GetMapping("/{number}")
  Details get(@PathVariable String number) {
    Incident i = incidents.view(number);
    BusinessCalendar calendar = hours.of(i);
    Sla sla = new Sla(i.getResponseTarget(), i.getResolutionTarget(), i.getResponseDue(), i.getWarningDue(),
        i.getResolutionDue(), i.getRespondedAt(), i.isResponseBreached(), i.isResolutionWarned(),
        i.isResolutionBreached(), i.getPausedSince() != null, i.getPausedSeconds() / 60, calendar.name(),
        calendar.isAlways() ? null : calendar.zone().getId());
    boolean requestersView = readRule.readsAsReporterOnly(i);
    List<Timeline.Entry> timeline = incidents.timelineOf(number).stream()
        .filter(entry -> !requestersView || REPORTER_SEES.contains(entry.type())).toList();
    return new Details(i.getNumber(), i.getTitle(), i.getDescription(), i.getStatus().name(), i.getPriority(),
        i.getComputedPriority(), requestersView ? null : i.getPriorityReason(), i.isMajor(), i.getImpact(), i.getUrgency(), i.getCategory(),
        i.getConfigurationItem(), i.getService(), i.getReporter(), i.getSource(), i.getAssignedGroup(), i.getEngineer(), sla,
        i.getReportedAt(), i.getResolvedAt(), i.getClosedAt(), i.getResolutionCode(), i.getResolutionNotes(),
        i.getClosureCode(), i.getCausedByChange(), i.getReopenCount(), i.isKnowledgeProposed(), i.getAlertResolvedAt(),
        i.isOutage(), i.getOutageStart(), timeline, attachments.of(number));
  }

  @GetMapping
  Map<String, Object> list(@RequestParam(required = false) String status,
      @RequestParam(required = false) String priority, @RequestParam(required = false) String group,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    InvalidRequestException.checkOneOf("status", status, Incident.Status.class);
    if (priority != null && !IncidentTaskValidation.PRIORITIES.contains(priority)) {
      throw new InvalidRequestException("priority", "reason.priority");
    }
    InvalidRequestException.checkPage(page, size, MAX_PAGE_SIZE);
    Page<Incident> found = incidents.list(status, priority, group, page, size);
    return found.map(Summary::of).answer(page, size);
  }

  @PostMapping("/{number}/reassign")
  ResponseEntity<Void> reassign(@PathVariable String number, @RequestBody Reassignment reassignment) {
    if (!currentUser.groups().contains("service-desk") && !currentUser.isAdministrator()) {
      throw new NotAllowedException("detail.forbidden.reassign");
    }
    incidents.requestReassignment(number, reassignment.group(), reassignment.reason());
    return ResponseEntity.accepted().build();
  }

}
