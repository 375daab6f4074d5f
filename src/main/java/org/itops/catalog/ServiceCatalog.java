package org.itops.catalog;

import static org.itops.catalog.OnboardingProcess.Var;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.calendar.BusinessCalendar;
import org.itops.calendar.Calendars;
import org.itops.catalog.CatalogEntry.Status;
import org.itops.platform.NotAllowedException;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.NotFoundException;
import org.itops.platform.RecordNumbers;
import org.itops.platform.Timeline;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to the services of the catalog. The {@code service-onboarding} process calls it through thin
 * delegates; the API calls it for proposals and SLA changes; incidents and the CMDB ask it about services.
 */
@Service
public class ServiceCatalog {

  /** Groups that may ask for an SLA change of any service (its owner always may). */
  private static final Set<String> SLA_CHANGERS = Set.of("service-owners", "it-managers", AccessProperties.ADMIN_GROUP);

  private final ServiceRepository services;
  private final RecordNumbers recordNumbers;
  private final Timeline timeline;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final Set<String> supportGroups;
  private final Calendars calendars;
  private final ApplicationEventPublisher events;

  ServiceCatalog(ServiceRepository services, RecordNumbers recordNumbers, Timeline timeline, Clock clock,
      RuntimeService runtimeService, IdentityService identityService, CurrentUser currentUser,
      AccessProperties access, Calendars calendars, ApplicationEventPublisher events) {
    this.events = events;
    this.services = services;
    this.recordNumbers = recordNumbers;
    this.timeline = timeline;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.currentUser = currentUser;
    this.supportGroups = access.staffGroups();
    this.calendars = calendars;
  }

  // --- onboarding -------------------------------------------------------------------------------------

  /** Starts {@code service-onboarding} as the current user (the engine checks who may); answers the number. */
  @Transactional
  public String propose(ServiceProposal proposal) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.SERVICE_NAME, proposal.name());
    variables.put(Var.DESCRIPTION, proposal.description());
    variables.put(Var.OWNER, proposal.owner());
    variables.put(Var.SUPPORT_GROUP, proposal.supportGroup());
    variables.put(Var.TIER, proposal.level().tier());
    variables.put(Var.HOURS, proposal.level().hours());
    variables.put(Var.AVAILABILITY_TARGET, proposal.level().availabilityTarget() == null ? null
        : proposal.level().availabilityTarget().doubleValue());
    return runtimeService.startProcessInstanceByKey(OnboardingProcess.KEY, variables).getBusinessKey();
  }

  /** Validates the proposal and creates the draft record; the process's first step. */
  @Transactional
  public CatalogEntry register(ServiceProposal proposal) {
    List<FieldError> errors = new ArrayList<>(proposal.fieldErrors(calendars.hoursNames()));
    if (proposal.name() != null && !proposal.name().isBlank()
        && services.findByName(proposal.name().strip()).isPresent()) {
      errors.add(new FieldError("name", "reason.service.nameTaken", proposal.name().strip()));
    }
    if (proposal.owner() != null && !proposal.owner().isBlank()
        && identityService.createUserQuery().userId(proposal.owner().strip()).count() == 0) {
      errors.add(new FieldError("owner", "reason.notAUser", proposal.owner()));
    }
    if (proposal.supportGroup() == null || !supportGroups.contains(proposal.supportGroup())) {
      errors.add(new FieldError("supportGroup", "reason.oneOf", supportGroups));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Instant now = clock.instant();
    ServiceLevel level = proposal.level();
    CatalogEntry entry = new CatalogEntry(recordNumbers.next(OnboardingProcess.RECORD_PREFIX), proposal.name().strip(),
        proposal.description(), proposal.owner().strip(), proposal.supportGroup(), level.tier(), level.hours(),
        level.availabilityTarget(), Status.DRAFT, 0, null, null, now, now);
    services.insert(entry);
    timeline.record(entry.number(), "PROPOSED", "timeline.service.proposed", entry.name(), entry.owner(),
        Timeline.code("supportGroup", entry.supportGroup()), level);
    return entry;
  }

  /**
   * The owner's answer to the proposed SLA: agreed (with their changes), or declined, which withdraws a new service
   * and drops the change of a published one. Answers the service as it is now.
   */
  @Transactional
  public CatalogEntry ownerAnswered(String number, ServiceLevel level, boolean agreed, String notes) {
    CatalogEntry entry = load(number);
    Object because = Timeline.because(notes);
    if (agreed) {
      timeline.record(number, "SLA_AGREED", "timeline.withNotes", level, because);
      return entry;
    }
    if (entry.status() == Status.DRAFT) {
      timeline.record(number, "WITHDRAWN", "timeline.service.withdrawn", because);
      CatalogEntry withdrawn = withStatus(entry, Status.WITHDRAWN);
      save(withdrawn);
      return withdrawn;
    }
    timeline.record(number, "SLA_CHANGE_DECLINED", "timeline.service.slaStays", entry.level(), because);
    return entry;
  }

  @Transactional
  public void approvalRefused(String number, String comments) {
    load(number);
    timeline.record(number, "APPROVAL_REFUSED", "timeline.typed", comments);
  }

  /** Puts the agreed SLA in force; each publication is a new SLA version. */
  @Transactional
  public CatalogEntry publish(String number, ServiceLevel level) {
    CatalogEntry e = load(number);
    Instant now = clock.instant();
    CatalogEntry published = new CatalogEntry(e.number(), e.name(), e.description(), e.owner(), e.supportGroup(),
        level.tier(), level.hours(), level.availabilityTarget(), Status.PUBLISHED, e.slaVersion() + 1, now,
        e.lastReviewedAt(), e.createdAt(), now);
    services.update(published);
    timeline.record(number, "PUBLISHED", "timeline.service.published", published.slaVersion(), level);
    events.publishEvent(new ServicePublished(published.name()));
    return published;
  }

  @Transactional
  public void reviewed(String number, String notes) {
    CatalogEntry e = load(number);
    Instant now = clock.instant();
    services.update(new CatalogEntry(e.number(), e.name(), e.description(), e.owner(), e.supportGroup(), e.tier(),
        e.hours(), e.availabilityTarget(), e.status(), e.slaVersion(), e.publishedAt(), now, e.createdAt(), now));
    timeline.record(number, "REVIEWED", "timeline.typed", notes);
  }

  @Transactional
  public void retire(String number, String notes) {
    save(withStatus(load(number), Status.RETIRED));
    timeline.record(number, "RETIRED", "timeline.typed", notes);
  }

  /**
   * The owner, service owners or IT managers ask for a new SLA of a published service: it goes through the owner's
   * agreement and the approvals again, and the SLA in force stays until then.
   */
  @Transactional
  public void requestSlaChange(String number, ServiceLevel level, String reason) {
    CatalogEntry entry = view(number);
    if (!entry.owner().equals(currentUser.id()) && currentUser.groups().stream().noneMatch(SLA_CHANGERS::contains)) {
      throw new NotAllowedException("detail.forbidden.serviceSla");
    }
    List<FieldError> errors = new ArrayList<>();
    level.addErrors(errors, calendars.hoursNames());
    if (reason == null || reason.isBlank()) {
      errors.add(new FieldError("reason", "reason.required"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Map<String, Object> proposal = new HashMap<>();
    proposal.put(Var.TIER, level.tier());
    proposal.put(Var.HOURS, level.hours());
    proposal.put(Var.AVAILABILITY_TARGET, level.availabilityTarget().doubleValue());
    proposal.put(Var.CHANGE_REASON, reason);
    boolean waiting = currentUser.asSystem(() -> !runtimeService
        .createMessageCorrelation(OnboardingProcess.MESSAGE_SLA_CHANGE).processInstanceBusinessKey(number)
        .setVariables(proposal).correlateAllWithResult().isEmpty());
    if (!waiting) {
      throw new InvalidRequestException("number", entry.status() == Status.PUBLISHED
          ? "reason.service.changeUnderWay" : "reason.service.notWaitingForReview", number, entry.status());
    }
    timeline.record(number, "SLA_CHANGE_REQUESTED", "timeline.labelled", level, reason);
  }

  // --- reading ----------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public CatalogEntry view(String number) {
    return services.find(number).orElseThrow(() -> new NotFoundException("detail.notFound.service", number));
  }

  @Transactional(readOnly = true)
  public List<CatalogEntry> list(Status status) {
    return services.list(status == null ? null : status.name());
  }

  public List<org.itops.platform.Timeline.Entry> timelineOf(String number) {
    return timeline.of(number);
  }

  /** Whether configuration items may name the service: it is in the catalog and not withdrawn or retired. */
  @Transactional(readOnly = true)
  public boolean isInCatalog(String name) {
    return services.findByName(name)
        .filter(s -> s.status() == Status.DRAFT || s.status() == Status.PUBLISHED).isPresent();
  }

  /** The published service of that name, whose SLA is in force. */
  @Transactional(readOnly = true)
  public Optional<CatalogEntry> published(String name) {
    return services.findByName(name).filter(s -> s.status() == Status.PUBLISHED);
  }

  /** The hours of the published service of that name, which its SLA clocks count; 24x7 for none. */
  @Transactional(readOnly = true)
  public BusinessCalendar hoursOf(String name) {
    return name == null ? BusinessCalendar.ALWAYS
        : published(name).map(CatalogEntry::hours).map(calendars::hours).orElse(BusinessCalendar.ALWAYS);
  }

  /** The names of the published services whose hours are the calendar's. */
  @Transactional(readOnly = true)
  public List<String> servedIn(String calendar) {
    return services.list(Status.PUBLISHED.name()).stream().filter(s -> calendar.equals(s.hours()))
        .map(CatalogEntry::name).toList();
  }

  private CatalogEntry load(String number) {
    return services.find(number).orElseThrow(() -> new NotFoundException("detail.notFound.service", number));
  }

  private void save(CatalogEntry entry) {
    services.update(entry);
  }

  private CatalogEntry withStatus(CatalogEntry e, Status status) {
    return new CatalogEntry(e.number(), e.name(), e.description(), e.owner(), e.supportGroup(), e.tier(), e.hours(),
        e.availabilityTarget(), status, e.slaVersion(), e.publishedAt(), e.lastReviewedAt(), e.createdAt(),
        clock.instant());
  }
}
