package org.itops.change;

import static org.itops.change.ChangeProcess.Var;
import static org.itops.platform.FormValues.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.change.Change.Outcome;
import org.itops.change.Change.Status;
import org.itops.cmdb.CmdbProperties;
import org.itops.cmdb.CmdbService;
import org.itops.cmdb.ConfigurationItem;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.IncidentsOfChanges;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.NotAllowedException;
import org.itops.platform.NotFoundException;
import org.itops.platform.Page;
import org.itops.platform.RecordNumbers;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to changes. The {@code change-management} process calls it through thin delegates and its task
 * listener; the API calls it for requests, cancellations and the calendar. A change's window (freezes, conflicts,
 * rescheduling) is {@link ChangeSchedule}'s.
 */
@Service
public class ChangeService {

  /** Groups that keep the freeze calendar and may cancel any change (its requester always may). */
  static final Set<String> CHANGE_MANAGERS = Set.of("change-managers", AccessProperties.ADMIN_GROUP);

  /** What the CMDB says about a new change: it feeds DMN change-classification and the CAB's forms. */
  public record Registered(Change change, String ciCriticality, List<String> affectedServices) {}

  private final ChangeRepository changes;
  private final RecordNumbers recordNumbers;
  private final Timeline timeline;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final DecisionService decisionService;
  private final CmdbService cmdb;
  private final CurrentUser currentUser;
  private final ChangeReadRule readRule;
  private final IncidentsOfChanges incidents;

  ChangeService(ChangeRepository changes, RecordNumbers recordNumbers, Timeline timeline, Clock clock,
      RuntimeService runtimeService, DecisionService decisionService, CmdbService cmdb, CurrentUser currentUser,
      ChangeReadRule readRule, IncidentsOfChanges incidents) {
    this.changes = changes;
    this.recordNumbers = recordNumbers;
    this.timeline = timeline;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.decisionService = decisionService;
    this.cmdb = cmdb;
    this.currentUser = currentUser;
    this.readRule = readRule;
    this.incidents = incidents;
  }

  // --- requesting -------------------------------------------------------------------------------------

  /** Starts {@code change-management} as the current user (the engine checks who may); answers the number. */
  @Transactional
  public String request(ChangeRequest request) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.SUMMARY, request.summary());
    variables.put(Var.REASON, request.reason());
    variables.put(Var.CHANGE_TYPE, request.type());
    variables.put(Var.IMPACT, request.impact());
    variables.put(Var.CONFIGURATION_ITEMS, String.join("\n", request.items()));
    variables.put(Var.IMPLEMENTATION_PLAN, request.implementationPlan());
    variables.put(Var.BACKOUT_PLAN, request.backoutPlan());
    variables.put(Var.TEST_EVIDENCE, request.testEvidence());
    variables.put(Var.PLANNED_START, request.plannedStart());
    variables.put(Var.PLANNED_END, request.plannedEnd());
    variables.put(Var.SOURCE_RECORD, request.sourceRecord());
    return runtimeService.startProcessInstanceByKey(ChangeProcess.KEY, variables).getBusinessKey();
  }

  /**
   * Validates the request against the CMDB and DMN change-classification (a normal or emergency change needs a
   * backout plan) and creates the record; the process's first step.
   */
  @Transactional
  public Registered register(ChangeRequest request, String requester) {
    List<FieldError> errors = new ArrayList<>(request.fieldErrors(clock.instant()));
    Map<Long, String> items = new LinkedHashMap<>();
    String criticality = null;
    Set<String> services = new TreeSet<>();
    for (String reference : request.items()) {
      Optional<ConfigurationItem> item = cmdb.resolve(reference, null);
      if (item.isEmpty()) {
        errors.add(new FieldError(Var.CONFIGURATION_ITEMS, "reason.notAnItem", reference));
        continue;
      }
      items.put(item.get().id(), item.get().reference());
      criticality = highest(criticality, item.get().criticality());
      services.addAll(cmdb.affectedServices(item.get()));
    }
    if (requester == null) {
      errors.add(new FieldError(Var.REQUESTER, "reason.requiredWithoutLogin"));
    }
    if (errors.isEmpty() && !request.hasBackoutPlan()
        && !"standard".equals(classify(request, criticality).get(Var.CLASSIFICATION))) {
      errors.add(new FieldError(Var.BACKOUT_PLAN, "reason.change.backoutPlan"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Instant now = clock.instant();
    Change change = new Change(recordNumbers.next(ChangeProcess.RECORD_PREFIX), request.summary().strip(),
        request.reason(), request.type(), request.impact(), null, null, request.implementationPlan(),
        blankToNull(request.backoutPlan()), blankToNull(request.testEvidence()), request.start(), request.end(),
        requester, blankToNull(request.sourceRecord()), Status.REGISTERED, null, null, now, now, null,
        List.copyOf(items.values()));
    changes.insert(change, items);
    timeline.record(change.number(), "REQUESTED", "timeline.change.requested",
        Timeline.code("classification", request.type()), requester, items.values(), change.plannedStart(),
        change.plannedEnd(), change.sourceRecord() == null ? ""
        : Timeline.text("timeline.change.raisedBy", change.sourceRecord()));
    return new Registered(change, criticality, List.copyOf(services));
  }

  /** The classification DMN change-classification gives the request (the process evaluates it as well). */
  private Map<String, Object> classify(ChangeRequest request, String criticality) {
    Map<String, Object> input = new HashMap<>();
    input.put(Var.CHANGE_TYPE, request.type());
    input.put(Var.CI_CRITICALITY, criticality);
    input.put(Var.IMPACT, request.impact());
    input.put(Var.HAS_BACKOUT_PLAN, request.hasBackoutPlan());
    input.put(Var.HAS_TEST_EVIDENCE, request.hasTestEvidence());
    DmnDecisionResultEntries result = currentUser.asSystem(() -> decisionService
        .evaluateDecisionByKey("change-classification").variables(input).evaluate().getFirstResult());
    return result == null ? Map.of() : result.getEntryMap();
  }

  private static String highest(String a, String b) {
    List<String> order = CmdbProperties.CRITICALITIES;
    return a == null || order.indexOf(b) < order.indexOf(a) ? b : a;
  }

  // --- assessment and approval ------------------------------------------------------------------------

  @Transactional
  public Change classified(String number, String classification, String risk) {
    Change change = load(number).classified(classification, risk, clock.instant());
    changes.update(change);
    timeline.record(number, "CLASSIFIED", "timeline.change.classified", Timeline.code("classification",
        classification), Timeline.code("risk", risk));
    return change;
  }

  /** A decision of a person on the change (review, vote, approval), on its timeline. */
  @Transactional
  public void recordDecision(String number, String type, String key, Object... arguments) {
    load(number);
    timeline.record(number, type, key, arguments);
  }

  @Transactional
  public void approved(String number) {
    save(load(number).with(Status.SCHEDULING, clock.instant()));
    timeline.record(number, "APPROVED", "timeline.change.approved");
  }

  // --- implementation, review and closing ---------------------------------------------------------------

  @Transactional
  public void moveTo(String number, Status status, String type, String key, Object... arguments) {
    save(load(number).with(status, clock.instant()));
    timeline.record(number, type, key, arguments);
  }

  @Transactional
  public Change close(String number, Outcome outcome, String notes) {
    Change closed = load(number).closed(outcome, notes, clock.instant());
    changes.update(closed);
    timeline.record(number, "CLOSED", "timeline.withNotes", Timeline.code("outcome", outcome),
        Timeline.because(notes));
    return closed;
  }

  /**
   * Cancels a change that is not being implemented yet (message {@code change.cancel}): its requester, change
   * managers and administrators may.
   */
  @Transactional
  public void cancel(String number, String reason) {
    Change change = view(number);
    if (!change.requester().equals(currentUser.id()) && currentUser.groups().stream().noneMatch(CHANGE_MANAGERS::contains)) {
      throw new NotAllowedException("detail.forbidden.cancelChange");
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException("reason", "reason.required");
    }
    boolean waiting = currentUser.asSystem(() -> !runtimeService.createMessageCorrelation(ChangeProcess.MESSAGE_CANCEL)
        .processInstanceBusinessKey(number).setVariable(Var.CANCEL_REASON, reason.strip())
        .correlateAllWithResult().isEmpty());
    if (!waiting) {
      throw new InvalidRequestException("number", "reason.change.notCancellable", number, change.status());
    }
  }

  // --- reading ----------------------------------------------------------------------------------------

  /** The change, if the current user reads it ({@link ChangeReadRule}). */
  @Transactional(readOnly = true)
  public Change view(String number) {
    readRule.requireReads(number);
    return load(number);
  }

  /** The changes the current user reads ({@link ChangeReadRule}), newest first. */
  @Transactional(readOnly = true)
  public Page<Change> list(Status status, int page, int size) {
    return changes.list(status == null ? null : status.name(), readRule.onlyOf(), page, size);
  }

  /** The open changes whose window overlaps {@code [from, to)} that the current user reads. */
  @Transactional(readOnly = true)
  public List<Change> calendar(Instant from, Instant to) {
    return changes.inWindow(from, to, readRule.onlyOf());
  }

  /**
   * Every change closed in {@code [from, to)}, whoever reads it: the evidence of change management (control A.8.32)
   * that a compliance audit keeps, which the readers of the audit read (package audit).
   */
  @Transactional(readOnly = true)
  public List<Change> closedBetween(Instant from, Instant to) {
    return changes.closedBetween(from, to);
  }

  public List<Timeline.Entry> timelineOf(String number) {
    return timeline.of(number);
  }

  public List<String> incidentsCausedBy(String number) {
    return incidents.causedBy(number);
  }

  /** Whether a change of that number exists (incidents name the change that caused them). */
  @Transactional(readOnly = true)
  public boolean exists(String number) {
    return changes.find(number).isPresent();
  }

  Change load(String number) {
    return changes.find(number).orElseThrow(() -> new NotFoundException("detail.notFound.change", number));
  }

  private void save(Change change) {
    changes.update(change);
  }
}
