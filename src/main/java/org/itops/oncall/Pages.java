package org.itops.oncall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.itops.oncall.OnCallPageProcess.Paged;
import org.itops.oncall.OnCallPageProcess.Var;
import org.itops.platform.CurrentUser;
import org.itops.platform.Hmac;
import org.itops.platform.NotAllowedException;
import org.itops.platform.NotFoundException;
import org.itops.platform.SuiteProperties;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The page of a P1 or major incident: one per incident, its escalation steps, its acknowledgement. Each step and
 * the acknowledgement go on the incident's timeline.
 */
@Service
public class Pages {

  /**
   * A page as {@code GET /api/incidents/{number}/page} shows it, to the user who asks: {@code status} OPEN or
   * ACKNOWLEDGED, {@code current} the step it is at (whom it pages now), and {@code canAcknowledge} whether they may
   * acknowledge it now (it is open, and it has reached them or they are an IT manager): the portal's button.
   */
  public record Page(String incident, String group, String priority, Instant pagedAt, Instant acknowledgedAt,
      String acknowledgedBy, List<Step> steps, String status, Step current, boolean canAcknowledge) {}

  /** One step of the escalation: a person, or the group {@code it-managers}. */
  public record Step(int step, String user, String group, Instant pagedAt) {}

  /** Whom the next step pages. */
  record Target(int step, String user, Paged as) {}

  private final OncallRepository repository;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Rotas rotas;
  private final Timeline timeline;
  private final CurrentUser currentUser;
  private final PagingProperties properties;
  private final SuiteProperties suite;
  private final Clock clock;

  Pages(OncallRepository repository, RuntimeService runtimeService, TaskService taskService, Rotas rotas,
      Timeline timeline, CurrentUser currentUser, PagingProperties properties, SuiteProperties suite, Clock clock) {
    this.repository = repository;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.rotas = rotas;
    this.timeline = timeline;
    this.currentUser = currentUser;
    this.properties = properties;
    this.suite = suite;
    this.clock = clock;
    // the embedded default's key starts with dev- and is published: anyone could forge acknowledge links with it
    if (suite.productionMode() && properties.linkSecret().startsWith("dev-")) {
      throw new IllegalStateException("Production mode refuses to start: itops.paging.link-secret is the embedded"
          + " default's published key. Set ITOPS_PAGING_SECRET to a random key of 16 characters or more.");
    }
  }

  /**
   * Starts {@code on-call-page} for the incident (business key: its number), unless it has been paged already: an
   * incident is paged once, whichever of incident-lifecycle and alert-handling asks first.
   *
   * @return whether this call started it
   */
  public boolean request(String incident, String group, String priority, String title) {
    if (repository.page(incident).isPresent()) {
      return false;
    }
    repository.insertPage(new OncallRepository.PageRow(incident, group, priority, clock.instant(), null, null));
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.GROUP, group);
    variables.put(Var.PRIORITY, priority);
    variables.put(Var.TITLE, title);
    variables.put(Var.ACKNOWLEDGE_WITHIN, properties.acknowledgeWithin(priority).toString());
    variables.put(Var.ACKNOWLEDGE_MINUTES, properties.acknowledgeWithin(priority).toMinutes());
    variables.put(Var.ACKNOWLEDGE_LINK, acknowledgeLink(incident));
    runtimeService.startProcessInstanceByKey(OnCallPageProcess.KEY, incident, variables);
    return true;
  }

  /**
   * The next step of the page after {@code previous} (null for the first): the person on duty of the group, the
   * next person of its rota, its manager, then {@code it-managers}, leaving out whom the page has reached already.
   * A group without a rota pages {@code it-managers} at once. Recorded, and written to the incident's timeline.
   */
  @Transactional
  public Target next(String incident, String group, Target previous, Duration waited) {
    Instant now = clock.instant();
    Optional<Rota> rota = group == null ? Optional.empty() : rotas.find(group);
    List<String> reached = repository.steps(incident).stream().map(OncallRepository.StepRow::userId)
        .filter(Objects::nonNull).toList();
    int step = previous == null ? 1 : previous.step() + 1;
    Target target;
    if (rota.isEmpty()) {
      target = new Target(step, null, Paged.IT_MANAGERS);
    } else if (previous == null) {
      target = new Target(step, rota.get().whoIsOnDuty(now), Paged.ON_DUTY);
    } else if (previous.as() == Paged.ON_DUTY && rota.get().nextAfter(previous.user(), now)
        .filter(next -> !reached.contains(next)).isPresent()) {
      target = new Target(step, rota.get().nextAfter(previous.user(), now).orElseThrow(), Paged.NEXT);
    } else if (previous.as().compareTo(Paged.MANAGER) < 0 && !reached.contains(rota.get().manager())) {
      target = new Target(step, rota.get().manager(), Paged.MANAGER);
    } else {
      target = new Target(step, null, Paged.IT_MANAGERS);
    }
    repository.insertStep(new OncallRepository.StepRow(incident, step, target.user(),
        target.user() == null ? Rotas.MANAGERS : null, now));
    String whom = target.user() == null ? "" : target.user();
    if (previous == null) {
      timeline.record(incident, "PAGED", "timeline.page." + target.as().name(), whom,
          Timeline.code("assignedGroup", rota.isEmpty() ? Rotas.MANAGERS : group));
    } else {
      timeline.record(incident, "PAGE_ESCALATED", "timeline.page.escalated", previous.user() == null
              ? Timeline.code("assignedGroup", Rotas.MANAGERS) : previous.user(), waited.toMinutes(),
          Timeline.text("timeline.page." + target.as().name(), whom, Timeline.code("assignedGroup",
              target.user() == null ? Rotas.MANAGERS : group)));
    }
    return target;
  }

  /**
   * The current user acknowledges the page (the API, the mailed link): anyone the page has reached, also at an
   * earlier step, and any IT manager. A page acknowledged already stays as it was.
   */
  @Transactional
  public Page acknowledge(String incident) {
    Page page = find(incident).orElseThrow(() -> new NotFoundException("detail.notFound.page", incident));
    if (!isReachedOrManager(page.steps())) {
      throw new NotAllowedException("detail.forbidden.acknowledgePage", incident);
    }
    if (page.acknowledgedAt() != null) {
      return page;
    }
    recordAcknowledgement(incident, currentUser.id());
    // the acknowledgement is the suite's to decide (an earlier person is no longer the task's assignee)
    currentUser.asSystem(() -> {
      for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(incident)
          .processDefinitionKey(OnCallPageProcess.KEY).taskDefinitionKey(OnCallPageProcess.Element.ACKNOWLEDGE)
          .list()) {
        taskService.complete(task.getId());
      }
      return null;
    });
    return find(incident).orElseThrow();
  }

  /** Whether the current user may acknowledge a page of these steps: it has reached them, or they are an IT manager. */
  private boolean isReachedOrManager(List<Step> steps) {
    String user = currentUser.id();
    return steps.stream().anyMatch(step -> user != null && user.equals(step.user()))
        || currentUser.groups().contains(Rotas.MANAGERS);
  }

  /** Records that the user acknowledged the page, unless it is acknowledged already; on the incident's timeline. */
  void recordAcknowledgement(String incident, String user) {
    Instant now = clock.instant();
    if (repository.acknowledge(incident, user, now)) {
      Instant pagedAt = repository.page(incident).orElseThrow().pagedAt();
      timeline.record(incident, "PAGE_ACKNOWLEDGED", "timeline.page.acknowledged", user,
          Duration.between(pagedAt, now).toMinutes());
    }
  }

  /** The page of the incident, for whoever reads the incident. */
  @Transactional(readOnly = true)
  public Optional<Page> find(String incident) {
    List<Step> steps = repository.steps(incident).stream().map(s -> new Step(s.step(), s.userId(), s.groupId(),
        s.pagedAt())).toList();
    return repository.page(incident).map(page -> new Page(incident, page.groupId(), page.priority(), page.pagedAt(),
        page.acknowledgedAt(), page.acknowledgedBy(), steps, page.acknowledgedAt() == null ? "OPEN" : "ACKNOWLEDGED",
        steps.isEmpty() ? null : steps.get(steps.size() - 1),
        page.acknowledgedAt() == null && isReachedOrManager(steps)));
  }

  /** The link in the page's mail: the acknowledge endpoint, signed so that a changed link is refused. */
  String acknowledgeLink(String incident) {
    return suite.baseUrlWithoutSlash() + "/api/incidents/" + incident + "/page/acknowledge?signature="
        + Hmac.forLink(properties.linkSecret(), incident);
  }

  boolean isGenuine(String incident, String signature) {
    return Hmac.isLinkSignature(properties.linkSecret(), incident, signature);
  }
}
