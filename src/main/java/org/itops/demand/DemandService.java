package org.itops.demand;

import static org.itops.demand.DemandProcess.Var;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.catalog.ServiceCatalog;
import org.itops.demand.Demand.Status;
import org.itops.incident.IncidentQueries;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.NotAllowedException;
import org.itops.platform.NotFoundException;
import org.itops.platform.Page;
import org.itops.platform.RecordNumbers;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to demands and their delivery. The three processes call it through thin delegates and their task
 * listener; the API calls it for requests, demand changes and the tracking view.
 *
 * <p>One class of about 300 lines: a demand and its delivery are one record's life across three processes, each step
 * a few lines that set its fields, write the timeline and save; split by process, each part would repeat the loading,
 * the timeline and the read rule.
 */
@Service
public class DemandService {

  /** The budget a cost band allows without the IT managers' approval; a very large demand always needs it. */
  static final Map<String, BigDecimal> BUDGET_CEILINGS = Map.of("small", new BigDecimal("10000"),
      "medium", new BigDecimal("50000"), "large", new BigDecimal("200000"), "very-large", BigDecimal.ZERO);

  private final DemandRepository demands;
  private final RecordNumbers recordNumbers;
  private final Timeline timeline;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final ServiceCatalog catalog;
  private final CurrentUser currentUser;
  private final Set<String> staffGroups;
  private final DemandReadRule readRule;
  private final IncidentQueries incidentQueries;

  DemandService(DemandRepository demands, RecordNumbers recordNumbers, Timeline timeline, Clock clock,
      RuntimeService runtimeService, ServiceCatalog catalog, CurrentUser currentUser, AccessProperties access,
      DemandReadRule readRule, IncidentQueries incidentQueries) {
    this.demands = demands;
    this.recordNumbers = recordNumbers;
    this.timeline = timeline;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.catalog = catalog;
    this.currentUser = currentUser;
    this.staffGroups = access.staffGroups();
    this.readRule = readRule;
    this.incidentQueries = incidentQueries;
  }

  // --- intake ------------------------------------------------------------------------------------------

  /** Starts {@code service-demand} as the current user (the engine checks who may); answers the number. */
  @Transactional
  public String request(DemandRequest request) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.TITLE, request.title());
    variables.put(Var.BUSINESS_NEED, request.businessNeed());
    variables.put(Var.EXPECTED_BENEFIT, request.expectedBenefit());
    variables.put(Var.REQUESTED_DATE, request.requestedDate());
    variables.put(Var.COST_BAND, request.costBand());
    variables.put(Var.AFFECTED_SERVICES, String.join(", ", request.services()));
    return runtimeService.startProcessInstanceByKey(DemandProcess.KEY, variables).getBusinessKey();
  }

  /** Validates the request and creates the record; the process's first step. */
  @Transactional
  public Demand register(DemandRequest request, String requester) {
    List<FieldError> errors = new ArrayList<>(request.fieldErrors(LocalDate.now(clock.withZone(ZoneOffset.UTC))));
    request.services().stream().filter(s -> catalog.published(s).isEmpty()).forEach(s -> errors.add(
        new FieldError(Var.AFFECTED_SERVICES, "reason.notAPublishedService", s)));
    if (requester == null) {
      errors.add(new FieldError(Var.REQUESTER, "reason.requiredWithoutLogin"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Instant now = clock.instant();
    Demand demand = new Demand();
    demand.setNumber(recordNumbers.next(DemandProcess.RECORD_PREFIX));
    demand.setTitle(request.title().strip());
    demand.setBusinessNeed(request.businessNeed());
    demand.setExpectedBenefit(request.expectedBenefit());
    demand.setRequestedDate(request.date());
    demand.setCostBand(request.costBand());
    demand.setAffectedServices(String.join(", ", request.services()));
    demand.setRequester(requester);
    demand.setStatus(Status.SUBMITTED);
    demand.setCreatedAt(now);
    demand.setUpdatedAt(now);
    demands.insert(demand);
    timeline.record(demand.getNumber(), "SUBMITTED", "timeline.demand.submitted", requester, demand.getTitle(),
        Timeline.code("costBand", demand.getCostBand()), demand.getRequestedDate());
    return demand;
  }

  // --- analysis, specification, approval ---------------------------------------------------------------

  /** A step of the demand: its new status and what happened, on the timeline. */
  @Transactional
  public void step(String number, Status status, String type, String key, Object... arguments) {
    Demand demand = load(number);
    demand.moveTo(status, clock.instant());
    demands.update(demand);
    timeline.record(number, type, key, arguments);
  }

  /** Something a person decided or wrote, on the timeline (the record keeps its status). */
  @Transactional
  public void note(String number, String type, String key, Object... arguments) {
    load(number);
    timeline.record(number, type, key, arguments);
  }

  @Transactional
  public void analysed(String number, String feasibility, Integer effortDays, String risk, String notes) {
    Demand demand = load(number);
    demand.setFeasibility(feasibility);
    demand.setEffortDays(effortDays);
    demand.setRisk(risk);
    save(demand);
    timeline.record(number, "ANALYSED", "timeline.demand.analysed", feasibility, effortDays,
        Timeline.code("risk", risk), Timeline.because(notes));
  }

  /** A new version of the specification; answers its number. */
  @Transactional
  public int specify(String number, String text, String reason) {
    Demand demand = load(number);
    int version = demand.getSpecVersion() + 1;
    String by = currentUser.id() == null ? "system" : currentUser.id();
    demands.addSpecification(new DemandRepository.Specification(number, version, text, reason, by, clock.instant()));
    demand.setSpecVersion(version);
    save(demand);
    timeline.record(number, "SPECIFIED", "timeline.demand.specified", version, reason);
    return version;
  }

  @Transactional
  public void routed(String number, String route) {
    Demand demand = load(number);
    demand.setApprovalRoute(route);
    demand.moveTo(Status.APPROVAL, clock.instant());
    demands.update(demand);
    timeline.record(number, "APPROVAL_ROUTED", "timeline.demand.approvalRouted",
        Timeline.code("approvalRoute", route));
  }

  /** A rejection: the first one leaves the requester a revision, the second ends the demand. */
  @Transactional
  public Status rejected(String number, String reason) {
    Demand demand = load(number);
    Status status = demand.getRejections() == 0 ? Status.REVISION : Status.REJECTED;
    demand.setRejections(demand.getRejections() + 1);
    demand.moveTo(status, clock.instant());
    demands.update(demand);
    timeline.record(number, "REJECTED", status == Status.REVISION ? "timeline.demand.rejectedRevisable"
        : "timeline.typed", reason);
    return status;
  }

  /** The requester's revision after a rejection: the demand's fields as they now read. */
  @Transactional
  public void revised(String number, String title, String businessNeed, String expectedBenefit, String costBand) {
    Demand demand = load(number);
    demand.setTitle(title.strip());
    demand.setBusinessNeed(businessNeed);
    demand.setExpectedBenefit(expectedBenefit);
    demand.setCostBand(costBand);
    demand.moveTo(Status.ANALYSIS, clock.instant());
    demands.update(demand);
    timeline.record(number, "RESUBMITTED", "timeline.demand.resubmitted", title.strip());
  }

  /**
   * The requester (or staff) asks to change an approved demand (guide 2.3): it is analysed, re-approved when DMN
   * demand-approval-routing says so, and the specification's version goes up.
   */
  @Transactional
  public void requestChange(String number, String description) {
    Demand demand = view(number);
    if (description == null || description.isBlank() || description.length() > DemandRequest.MAX_TEXT) {
      throw new InvalidRequestException("description", "reason.requiredMaxLength", DemandRequest.MAX_TEXT);
    }
    if (!demand.getStatus().takesChanges()) {
      throw new InvalidRequestException("number", "reason.demand.noChange", number, demand.getStatus());
    }
    currentUser.asSystem(() -> runtimeService.createMessageCorrelation(DemandProcess.MESSAGE_CHANGE)
        .processInstanceBusinessKey(number)
        .setVariable(Var.CHANGE_DESCRIPTION, description.strip()).correlateWithResult());
    timeline.record(number, "CHANGE_REQUESTED", "timeline.typed", description.strip());
  }

  /** The analysis of a demand change: the demand's cost band and risk as they are with the change. */
  @Transactional
  public void changeAnalysed(String number, String costBand, String risk) {
    Demand demand = load(number);
    demand.setCostBand(costBand);
    demand.setRisk(risk);
    save(demand);
    timeline.record(number, "CHANGE_ANALYSED", "timeline.demand.changeAnalysed", Timeline.code("costBand", costBand),
        Timeline.code("risk", risk));
  }

  @Transactional
  public void feedback(String number, int rating, String comment) {
    Demand demand = load(number);
    demand.setFeedbackRating(rating);
    demand.setFeedbackComment(comment == null ? "" : comment);
    save(demand);
    timeline.record(number, "FEEDBACK", "timeline.rating", rating, Timeline.because(comment));
  }

  // --- delivery ----------------------------------------------------------------------------------------

  /**
   * A step of the delivery (implementation and acceptance): {@code step} sets the fields it changes, and what happened
   * goes on the timeline.
   */
  @Transactional
  public void delivery(String number, Consumer<Delivery> step, String type, String key, Object... arguments) {
    load(number);
    Delivery delivery = demands.delivery(number);
    step.accept(delivery);
    demands.update(delivery);
    timeline.record(number, type, key, arguments);
  }

  @Transactional(readOnly = true)
  public Delivery deliveryOf(String number) {
    return demands.delivery(number);
  }

  /** The milestones of the solution design, one per line: one implementation task each. */
  @Transactional
  public List<String> milestones(String number) {
    String text = demands.delivery(number).getMilestones();
    return text == null ? List.of() : Arrays.stream(text.split("\n")).map(String::strip)
        .filter(m -> !m.isEmpty()).toList();
  }

  /** The incidents on the demand's services reported during its warranty, kept with the delivery. */
  @Transactional
  public List<String> linkWarrantyIncidents(String number) {
    Demand demand = load(number);
    Delivery delivery = demands.delivery(number);
    List<String> incidents = incidentQueries.reportedOn(DemandRequest.splitServices(demand.getAffectedServices()),
        delivery.getSignedOffAt(), delivery.getWarrantyUntil());
    delivery.setWarrantyIncidents(String.join(", ", incidents));
    demands.update(delivery);
    timeline.record(number, "WARRANTY_ENDED", incidents.isEmpty() ? "timeline.demand.noWarrantyIncidents"
        : "timeline.demand.warrantyIncidents", incidents.size(), String.join(", ", incidents));
    return incidents;
  }

  // --- reading -----------------------------------------------------------------------------------------

  /** The demand, if the current user reads it ({@link DemandReadRule}). */
  @Transactional(readOnly = true)
  public Demand view(String number) {
    readRule.requireReads(number);
    return load(number);
  }

  /** The demands the current user reads ({@link DemandReadRule}), newest first. */
  @Transactional(readOnly = true)
  public Page<Demand> list(Status status, int page, int size) {
    return demands.list(status == null ? null : status.name(), readRule.onlyOf(), page, size);
  }

  public List<DemandRepository.Specification> specifications(String number) {
    return demands.specifications(number);
  }

  public List<Timeline.Entry> timelineOf(String number) {
    return timeline.of(number);
  }

  /** Writes the demand whose fields a step set, as updated now. */
  private void save(Demand demand) {
    demand.setUpdatedAt(clock.instant());
    demands.update(demand);
  }

  Demand load(String number) {
    return demands.find(number).orElseThrow(() -> new NotFoundException("detail.notFound.demand", number));
  }

  /** Whether the current user requested the demand (they may not approve it). */
  boolean isRequester(String number, String userId) {
    return userId != null && userId.equals(load(number).getRequester());
  }

  private boolean isStaff() {
    return currentUser.isAdministrator() || currentUser.groups().stream().anyMatch(staffGroups::contains);
  }

  void requireParticipant(String number) {
    if (!isRequester(number, currentUser.id()) && !isStaff()) {
      throw new NotAllowedException("detail.forbidden.changeDemand");
    }
  }
}
