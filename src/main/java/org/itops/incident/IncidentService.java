package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;
import static org.itops.platform.FormValues.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.itops.catalog.CatalogEntry;
import org.itops.catalog.ServiceCatalog;
import org.itops.cmdb.CmdbService;
import org.itops.cmdb.ConfigurationItem;
import org.itops.incident.Incident.Status;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.Page;
import org.itops.platform.RecordNumbers;
import org.itops.platform.Timeline;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the API, mail and other features ask of incidents: reports (which start {@code incident-lifecycle}), the
 * service desk's reassignments, monitoring's word on an incident's alert, replies by mail, and the authorized reads.
 * What each step of the process does to the record is {@link IncidentSteps}.
 */
@Service
public class IncidentService {

  /** The support groups an incident can be assigned to: the staff groups of the suite. */
  private final List<String> supportGroups;

  private final IncidentRepository incidents;
  private final IncidentSteps steps;
  private final RecordNumbers recordNumbers;
  private final Timeline timeline;
  private final Clock clock;
  private final DecisionService decisionService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final ServiceCatalog catalog;
  private final CmdbService cmdb;
  private final IncidentReadRule readRule;
  private final ApplicationEventPublisher events;

  IncidentService(IncidentRepository incidents, IncidentSteps steps, RecordNumbers recordNumbers, Timeline timeline,
      Clock clock, DecisionService decisionService, RuntimeService runtimeService, TaskService taskService,
      IdentityService identityService, CurrentUser currentUser,
      AccessProperties access, ServiceCatalog catalog, CmdbService cmdb, IncidentReadRule readRule,
      ApplicationEventPublisher events) {
    this.incidents = incidents;
    this.steps = steps;
    this.recordNumbers = recordNumbers;
    this.timeline = timeline;
    this.clock = clock;
    this.decisionService = decisionService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.currentUser = currentUser;
    this.catalog = catalog;
    this.cmdb = cmdb;
    this.readRule = readRule;
    this.events = events;
    this.supportGroups = List.copyOf(access.staffGroups());
  }

  // --- reporting --------------------------------------------------------------------------------------

  /**
   * Starts {@code incident-lifecycle} for a report on behalf of the current user; the engine checks that the
   * user may start it. Answers the new record number.
   */
  @Transactional
  public String report(IncidentReport report, String source) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.TITLE, report.title());
    variables.put(Var.DESCRIPTION, report.description());
    variables.put(Var.IMPACT, report.impact());
    variables.put(Var.URGENCY, report.urgency());
    variables.put(Var.CATEGORY, report.category());
    variables.put(Var.CONFIGURATION_ITEM, report.configurationItem());
    variables.put(Var.SERVICE, report.service());
    variables.put(Var.REPORTER, report.reporter());
    variables.put("declareMajor", Boolean.TRUE.equals(report.major()));
    variables.put(Var.OUTAGE_START, report.outageStart());
    variables.put(Var.SOURCE, source);
    ProcessInstance instance = runtimeService.startProcessInstanceByKey(IncidentProcess.KEY, variables);
    return instance.getBusinessKey();
  }

  private boolean inServiceDesk(String userId) {
    return identityService.createUserQuery().userId(userId).memberOfGroup("service-desk").count() > 0;
  }

  /** A new incident's record and what the catalog and the CMDB say about it. */
  public record Registered(Incident incident, ServiceContext context) {}

  /**
   * Validates the report and creates the record; called by the process's first step. The service is the one the report
   * names, else that of its configuration item when the CMDB knows the item.
   */
  @Transactional
  public Registered register(IncidentReport report, String initiator, String source) {
    List<FieldError> errors = new ArrayList<>(report.fieldErrors(clock.instant()));
    if (report.category() != null && !report.category().isBlank() && supportGroupFor(report.category()) == null) {
      errors.add(new FieldError("category", "reason.notACategory", report.category()));
    }
    String reporter = report.reporter() == null || report.reporter().isBlank() ? initiator : report.reporter().strip();
    if (reporter == null) {
      errors.add(new FieldError("reporter", "reason.requiredWithoutLogin"));
    } else if (identityService.createUserQuery().userId(reporter).count() == 0) {
      errors.add(new FieldError("reporter", "reason.notAUser", reporter));
    } else if (!reporter.equals(initiator) && initiator != null && !inServiceDesk(initiator)) {
      errors.add(new FieldError("reporter", "reason.incident.reportForOthers"));
    }
    if (Boolean.TRUE.equals(report.major()) && initiator != null && !inServiceDesk(initiator)) {
      errors.add(new FieldError("major", "reason.incident.majorByServiceDesk"));
    }
    String named = blankToNull(report.service());
    Optional<CatalogEntry> service = named == null ? Optional.empty() : catalog.published(named);
    if (named != null && service.isEmpty()) {
      errors.add(new FieldError("service", "reason.notAPublishedService", named));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    // an item the CMDB knows is named by its reference (name@environment); free text stays as it is
    Optional<ConfigurationItem> item = cmdb.resolve(report.configurationItem(), null);
    if (named == null) {
      service = item.map(ConfigurationItem::service).flatMap(catalog::published);
    }
    Instant now = clock.instant();
    Incident incident = new Incident();
    incident.setNumber(recordNumbers.next(IncidentProcess.RECORD_PREFIX));
    incident.setTitle(report.title().strip());
    incident.setDescription(report.description());
    incident.setImpact(report.impact());
    incident.setUrgency(report.urgency());
    incident.setCategory(report.category());
    incident.setConfigurationItem(item.map(ConfigurationItem::reference).orElse(blankToNull(report.configurationItem())));
    incident.setService(service.map(CatalogEntry::name).orElse(null));
    incident.setReporter(reporter);
    incident.setSource(source == null ? "tasklist" : source);
    incident.setStatus(Status.REGISTERED);
    incident.setReportedAt(now);
    // a major incident is an outage of its service until triage says otherwise; the start is kept for every
    // incident, so that triage can mark one later
    incident.setOutage(Boolean.TRUE.equals(report.major()));
    incident.setOutageStart(report.outageStartTime() == null ? now : report.outageStartTime());
    incident.setUpdatedAt(now);
    incidents.insert(incident);
    timeline.record(incident.getNumber(), "REPORTED", "timeline.incident.reported", incident.getSource(), reporter,
        incident.getTitle());
    events.publishEvent(new IncidentRegistered(incident.getNumber(), incident.getTitle(), incident.getCategory(),
        incident.getConfigurationItem(), incident.getService()));
    return new Registered(incident, serviceContext(item, service));
  }

  /**
   * What the catalog and the CMDB say about a new incident.
   *
   * @param tier the tier of its service, null without one
   * @param suggestedGroup the owner group of its configuration item, else the support group of its service
   * @param affectedServices the services that depend on its configuration item, and its own service
   */
  public record ServiceContext(String tier, String suggestedGroup, List<String> affectedServices) {}

  private ServiceContext serviceContext(Optional<ConfigurationItem> item, Optional<CatalogEntry> service) {
    Set<String> affected = new TreeSet<>(item.map(cmdb::affectedServices).orElse(List.of()));
    service.ifPresent(s -> affected.add(s.name()));
    return new ServiceContext(service.map(CatalogEntry::tier).orElse(null),
        item.map(ConfigurationItem::ownerGroup).or(() -> service.map(CatalogEntry::supportGroup)).orElse(null),
        List.copyOf(affected));
  }

  /** The support group the DMN table incident-assignment gives the category, or null for an unknown one. */
  private String supportGroupFor(String category) {
    var result = decisionService.evaluateDecisionByKey("incident-assignment").variables(Map.of(Var.CATEGORY, category))
        .evaluate().getSingleResult();
    return result == null ? null : result.getSingleEntry();
  }

  // --- from outside the process: alerts and the service desk -------------------------------------------

  /**
   * Monitoring reports the alert behind the incident resolved. Recorded at once; the process moves the incident to
   * verification now if it is being worked on, or when the work would begin (it reads the record then). Repeats
   * change nothing.
   */
  @Transactional
  public void alertResolved(String number, String note) {
    if (!steps.alertResolved(number, note)) {
      return;
    }
    currentUser.asSystem(() -> {
      ProcessInstance instance = runtimeService.createProcessInstanceQuery()
          .processDefinitionKey(IncidentProcess.KEY).processInstanceBusinessKey(number).singleResult();
      if (instance != null) {
        runtimeService.setVariable(instance.getId(), Var.ALERT_RESOLVED, true);
        runtimeService.setVariable(instance.getId(), Var.ALERT_NOTE, note);
        // nobody waits while the incident is not being worked on: the process reads alertResolved when work begins
        runtimeService.createMessageCorrelation(IncidentProcess.MESSAGE_ALERT_RESOLVED)
            .processInstanceBusinessKey(number).correlateAllWithResult();
      }
      return null;
    });
  }

  /**
   * The alert behind the incident fired again; answers whether the incident takes the new firing (false: it is
   * closed, a new episode begins). Within the flapping window after its resolution (while the process waits for the
   * alert to stay resolved) the incident is reopened. Before anyone acted on the resolution (the incident was not
   * yet worked on), the resolution no longer holds: the incident goes on as if the alert had never resolved.
   */
  @Transactional
  public boolean alertRefired(String number) {
    Incident incident = steps.load(number);
    if (incident.getStatus() == Status.CLOSED) {
      return false;
    }
    boolean reopened = currentUser.asSystem(() -> !runtimeService
        .createMessageCorrelation(IncidentProcess.MESSAGE_ALERT_REFIRED).processInstanceBusinessKey(number)
        .setVariable(Var.REJECTION_REASON, "The alert fired again within the flapping window")
        .correlateAllWithResult().isEmpty());
    if (!reopened && incident.getAlertResolvedAt() != null) {
      steps.alertResolutionWithdrawn(incident);
      currentUser.asSystem(() -> {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(IncidentProcess.KEY)
            .processInstanceBusinessKey(number).unlimitedList()
            .forEach(instance -> runtimeService.setVariable(instance.getId(), Var.ALERT_RESOLVED, false));
        return null;
      });
    }
    return true;
  }

  /**
   * A mail from a user about the incident: kept on its timeline; if the engineer waits for the requester's answer
   * and the mail is the requester's, it is the answer (and the resolution clock runs again).
   */
  @Transactional
  public void replyByMail(String number, String userId, String text) {
    Incident incident = incidents.find(number).orElseThrow(() -> new InvalidRequestException("subject",
        "reason.notAnIncident", number));
    timeline.record(number, "MAIL", "timeline.incident.mail", userId, text);
    if (incident.getStatus() != Status.WAITING_FOR_REQUESTER || !incident.getReporter().equals(userId)) {
      return;
    }
    currentUser.asSystem(() -> {
      taskService.createTaskQuery().processInstanceBusinessKey(number)
          .taskDefinitionKey(IncidentProcess.Element.ANSWER_QUESTION).unlimitedList()
          .forEach(task -> taskService.complete(task.getId(), Map.of(Var.ANSWER,
              text.length() > IncidentReport.MAX_TEXT ? text.substring(0, IncidentReport.MAX_TEXT) : text)));
      return null;
    });
  }

  /** The service desk moves the incident to another group while it is being worked on. */
  @Transactional
  public void requestReassignment(String number, String group, String reason) {
    List<FieldError> errors = new ArrayList<>();
    if (group == null || !supportGroups.contains(group)) {
      errors.add(new FieldError("group", "reason.oneOf", supportGroups));
    }
    if (reason == null || reason.isBlank()) {
      errors.add(new FieldError("reason", "reason.required"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    view(number);
    // the caller is the service desk (checked by the API), which may move any incident being worked on
    boolean moved = currentUser.asSystem(() -> !runtimeService.createMessageCorrelation(IncidentProcess.MESSAGE_REASSIGN)
        .processInstanceBusinessKey(number).setVariable(Var.NEW_GROUP, group).setVariable(Var.REASSIGN_REASON, reason)
        .correlateAllWithResult().isEmpty());
    if (!moved) {
      throw new InvalidRequestException("number", "reason.incident.notInWork", number);
    }
  }

  List<String> supportGroups() {
    return supportGroups;
  }

  // --- reading ----------------------------------------------------------------------------------------

  /** The incident, if the current user reads it ({@link IncidentReadRule}). */
  @Transactional(readOnly = true)
  public Incident view(String number) {
    readRule.requireReads(number);
    return incidents.find(number).orElseThrow(() -> IncidentSteps.notFound(number));
  }

  /** The incidents the current user reads ({@link IncidentReadRule}) that match the filters. */
  @Transactional(readOnly = true)
  public Page<Incident> list(String status, String priority, String group, int page, int size) {
    return incidents.list(status, priority, group, readRule.listedFor(), page, size);
  }

  public List<Timeline.Entry> timelineOf(String number) {
    return timeline.of(number);
  }

}
