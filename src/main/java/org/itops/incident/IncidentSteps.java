package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;
import static org.itops.platform.FormValues.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.incident.Incident.Status;
import org.itops.platform.CurrentUser;
import org.itops.platform.NotFoundException;
import org.itops.platform.Timeline;
import org.itops.survey.SurveyService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each step of {@code incident-lifecycle} does to the incident's record: its state changes, the SLA clock, the
 * timeline and the metrics. The process calls it through thin delegates, in the transaction of the step; the API and
 * other features go through {@link IncidentService}. One class of about 350 lines: the steps of one process on one
 * record, which share its SLA clock.
 */
@Service
class IncidentSteps {

  private final IncidentRepository incidents;
  private final Timeline timeline;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final CurrentUser currentUser;
  private final IncidentMetrics metrics;
  private final SurveyService surveys;
  private final ServiceHours hours;
  private final ApplicationEventPublisher events;

  IncidentSteps(IncidentRepository incidents, Timeline timeline, Clock clock, RuntimeService runtimeService,
      RepositoryService repositoryService, CurrentUser currentUser, IncidentMetrics metrics,
      SurveyService surveys, ServiceHours hours, ApplicationEventPublisher events) {
    this.incidents = incidents;
    this.timeline = timeline;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.currentUser = currentUser;
    this.metrics = metrics;
    this.surveys = surveys;
    this.hours = hours;
    this.events = events;
  }

  // --- classification and SLA clocks ------------------------------------------------------------------

  /** Sets priority and SLA targets; the clocks run from the report, keeping any paused time. */
  @Transactional
  public Incident startClocks(String number, String priority, String responseTarget, String resolutionTarget) {
    Incident incident = load(number);
    boolean first = incident.getPriority() == null;
    incident.setPriority(priority);
    if (first) {
      incident.setComputedPriority(priority);
    }
    incident.setResponseTarget(responseTarget);
    incident.setResolutionTarget(resolutionTarget);
    SlaClock sla = incident.slaClock(hours.of(incident))
        .withTargets(SlaClock.duration(responseTarget), SlaClock.duration(resolutionTarget));
    incident.setSlaClock(sla);
    save(incident);
    timeline.record(number, first ? "CLASSIFIED" : "SLA_RECALCULATED", "timeline.incident.sla",
        Timeline.code("priority", priority), incident.getResponseDue(), incident.getResolutionDue());
    return incident;
  }

  /**
   * The service desk's triage: the final priority (a change needs a reason), the support group, whether it is a major
   * incident and whether it is an outage of its service (null: as it is). Declaring it major marks the outage too
   * (the default). Answers whether the priority changed, which means new SLA targets.
   */
  @Transactional
  public boolean applyTriage(String number, String priority, String reason, String group, boolean declareMajor,
      Boolean outage) {
    Incident incident = load(number);
    boolean overridden = !incident.getPriority().equals(priority);
    if (overridden) {
      timeline.record(number, "PRIORITY_OVERRIDDEN", "timeline.fromTo", Timeline.code("priority",
          incident.getPriority()), Timeline.code("priority", priority), reason);
      incident.setPriorityReason(reason);
    }
    incident.setAssignedGroup(group);
    incident.setStatus(Status.ASSIGNED);
    save(incident);
    timeline.record(number, "ASSIGNED", "timeline.incident.assigned", Timeline.code("assignedGroup", group));
    boolean declared = declareMajor && declareMajor(number);
    if (outage != null || declared) {
      markOutage(number, declared || outage);
    }
    return overridden;
  }

  /** Marks the incident major, and so an outage of its service; answers false when it was major already. */
  @Transactional
  public boolean declareMajor(String number) {
    Incident incident = load(number);
    if (incident.isMajor()) {
      return false;
    }
    incident.setMajor(true);
    save(incident);
    timeline.record(number, "MAJOR_DECLARED", "timeline.incident.majorDeclared");
    markOutage(number, true);
    return true;
  }

  /**
   * Marks or unmarks the incident as an outage of its service (its availability counts the outage from its start to
   * the resolution); a change is on the timeline, a repeat changes nothing.
   */
  @Transactional
  public void markOutage(String number, boolean outage) {
    Incident incident = load(number);
    if (incident.isOutage() == outage) {
      return;
    }
    incident.setOutage(outage);
    save(incident);
    if (outage) {
      timeline.record(number, "OUTAGE_MARKED", "timeline.incident.outageMarked", incident.getOutageStart());
    } else {
      timeline.record(number, "OUTAGE_UNMARKED", "timeline.incident.outageUnmarked");
    }
  }

  @Transactional
  public Incident recordResponse(String number, String engineer) {
    Incident incident = load(number);
    incident.setEngineer(engineer);
    incident.setRespondedAt(clock.instant());
    incident.setStatus(Status.IN_PROGRESS);
    save(incident);
    metrics.acknowledged(incident);
    timeline.record(number, "RESPONDED", incident.isResponseBreached() ? "timeline.incident.respondedLate"
        : "timeline.incident.responded", engineer);
    return incident;
  }

  /** An SLA timer fired. Answers whether it is the first of its kind (a pause can make a timer fire again). */
  @Transactional
  public boolean recordSlaEvent(String number, SlaEvent event) {
    Incident incident = load(number);
    boolean first = switch (event) {
      case RESPONSE_BREACH -> !incident.isResponseBreached();
      case RESOLUTION_WARNING -> !incident.isResolutionWarned();
      case RESOLUTION_BREACH -> !incident.isResolutionBreached();
    };
    if (first) {
      switch (event) {
        case RESPONSE_BREACH -> incident.setResponseBreached(true);
        case RESOLUTION_WARNING -> incident.setResolutionWarned(true);
        case RESOLUTION_BREACH -> incident.setResolutionBreached(true);
      }
      save(incident);
      if (event != SlaEvent.RESOLUTION_WARNING) {
        metrics.breached(incident, event);
      }
      timeline.record(number, event.name(), event.timelineKey(), event.due(incident));
    }
    return first;
  }

  // --- work -------------------------------------------------------------------------------------------

  @Transactional
  public void reassign(String number, String group, String reason) {
    Incident incident = load(number);
    String from = incident.getAssignedGroup();
    incident.setAssignedGroup(group);
    incident.setEngineer(null);
    save(incident);
    timeline.record(number, "REASSIGNED", "timeline.fromTo", Timeline.code("assignedGroup", from),
        Timeline.code("assignedGroup", group), reason);
  }

  /** Stops the resolution clock while the requester answers a question. */
  @Transactional
  public void waitForRequester(String number, String question) {
    Incident incident = load(number);
    incident.setSlaClock(incident.slaClock(hours.of(incident)).pause(clock.instant()));
    incident.setStatus(Status.WAITING_FOR_REQUESTER);
    save(incident);
    timeline.record(number, "WAITING_FOR_REQUESTER", "timeline.typed", question);
  }

  /** Restarts the resolution clock; the due times move by the time it was paused. */
  @Transactional
  public Incident requesterAnswered(String number, String answer) {
    Incident incident = load(number);
    long before = incident.getPausedSeconds();
    incident.setSlaClock(incident.slaClock(hours.of(incident)).resume(clock.instant()));
    incident.setStatus(Status.IN_PROGRESS);
    save(incident);
    timeline.record(number, "REQUESTER_ANSWERED", "timeline.incident.answered", answer,
        (incident.getPausedSeconds() - before) / 60);
    return incident;
  }

  /** The engineer resolved it; {@code causedByChange} names the change that caused it (optional). */
  @Transactional
  public void resolve(String number, String resolutionCode, String notes, String causedByChange) {
    Incident incident = load(number);
    incident.setCausedByChange(blankToNull(causedByChange));
    markResolved(incident, resolutionCode, notes);
    timeline.record(number, "RESOLVED", "timeline.labelledWithNotes", Timeline.code("resolutionCode", resolutionCode),
        notes, incident.getCausedByChange() == null ? ""
        : Timeline.text("timeline.incident.causedBy", incident.getCausedByChange()));
  }

  @Transactional
  public Incident resolveByAlert(String number, String note) {
    Incident incident = load(number);
    markResolved(incident, "ALERT_CLEARED", "Monitoring reports the alert resolved" + (note == null ? "" : ": " + note));
    timeline.record(number, "RESOLVED", "timeline.withNotes", Timeline.text("timeline.incident.alertCleared"),
        Timeline.because(note));
    return incident;
  }

  private void markResolved(Incident incident, String resolutionCode, String notes) {
    Instant now = clock.instant();
    incident.setResolutionCode(resolutionCode);
    incident.setResolutionNotes(notes);
    incident.setResolvedAt(now);
    incident.setStatus(Status.RESOLVED);
    // the clock stops at resolution; a reopen resumes it, so that the waiting time does not count
    incident.setSlaClock(incident.slaClock(hours.of(incident)).pause(now));
    save(incident);
    metrics.resolved(incident);
  }

  /**
   * Records that the resolved incident should become a knowledge article, and starts {@code knowledge-article}
   * when that process is deployed.
   */
  @Transactional
  public void proposeArticle(String number) {
    Incident incident = load(number);
    incident.setKnowledgeProposed(true);
    save(incident);
    boolean processDeployed = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey("knowledge-article").latestVersion().count() > 0;
    if (processDeployed) {
      runtimeService.startProcessInstanceByKey("knowledge-article", Map.of(
          "sourceIncident", number, Var.TITLE, incident.getTitle(),
          "symptoms", incident.getDescription() == null ? incident.getTitle() : incident.getDescription(),
          "resolution", incident.getResolutionNotes()));
    }
    timeline.record(number, "KNOWLEDGE_ARTICLE_PROPOSED", processDeployed ? "timeline.incident.articleProposed"
        : "timeline.incident.articleRecorded");
  }

  @Transactional
  public Incident reopen(String number, String reason) {
    Incident incident = load(number);
    incident.setReopenCount(incident.getReopenCount() + 1);
    incident.setSlaClock(incident.slaClock(hours.of(incident)).resume(clock.instant()));
    incident.setResolvedAt(null);
    incident.setResolutionCode(null);
    incident.setAlertResolvedAt(null);
    incident.setEngineer(null);
    incident.setStatus(Status.IN_PROGRESS);
    save(incident);
    timeline.record(number, "REOPENED", "timeline.incident.reopened", incident.getReopenCount(),
        Timeline.code("assignedGroup", incident.getAssignedGroup()), reason);
    return incident;
  }

  /** Closes the incident. */
  @Transactional
  public void close(String number, String closureCode) {
    Incident incident = load(number);
    incident.setClosureCode(closureCode);
    incident.setClosedAt(clock.instant());
    incident.setStatus(Status.CLOSED);
    save(incident);
    timeline.record(number, "CLOSED", "timeline.typed", closureCode);
  }

  /** Its reporter gets a satisfaction survey, unless monitoring reported it. */
  @Transactional
  public void requestSurvey(String number) {
    Incident incident = load(number);
    if (!IncidentProcess.SOURCE_ALERT.equals(incident.getSource())) {
      surveys.request(number, incident.getTitle(), incident.getReporter(), incident.getService());
    }
  }

  @Transactional
  public void recordStatusUpdate(String number, String text) {
    load(number);
    timeline.record(number, "STATUS_UPDATE", "timeline.typed", text);
  }

  @Transactional
  public void recordProblem(String number, String rootCause, String preventiveActions) {
    Incident incident = load(number);
    String by = currentUser.id() == null ? "system" : currentUser.id();
    incidents.insert(new IncidentRepository.ProblemRecord(number, rootCause, preventiveActions, by, clock.instant()));
    timeline.record(number, "ROOT_CAUSE_RECORDED", "timeline.typed", rootCause);
    events.publishEvent(new RootCauseReviewed(number, incident.getTitle(), incident.getCategory(),
        incident.getConfigurationItem(), incident.getService(), rootCause));
  }

  // --- monitoring's word on the alert behind the incident ----------------------------------------------

  /** Records that the alert behind the incident resolved; answers false when that was recorded already. */
  @Transactional
  public boolean alertResolved(String number, String note) {
    Incident incident = load(number);
    if (incident.getAlertResolvedAt() != null) {
      return false;
    }
    incident.setAlertResolvedAt(clock.instant());
    save(incident);
    timeline.record(number, "ALERT_RESOLVED", "timeline.typed", note);
    return true;
  }

  /** The alert fired again before anyone acted on its resolution: the resolution no longer holds. */
  @Transactional
  public void alertResolutionWithdrawn(Incident incident) {
    incident.setAlertResolvedAt(null);
    save(incident);
    timeline.record(incident.getNumber(), "ALERT_REFIRED", "timeline.incident.alertRefired");
  }

  Incident load(String number) {
    return incidents.find(number).orElseThrow(() -> notFound(number));
  }

  private void save(Incident incident) {
    incident.setUpdatedAt(clock.instant());
    incidents.update(incident);
  }

  static NotFoundException notFound(String number) {
    return new NotFoundException("detail.notFound.incident", number);
  }
}
