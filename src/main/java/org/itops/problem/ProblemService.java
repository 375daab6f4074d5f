package org.itops.problem;

import static org.itops.problem.ProblemProcess.Var;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.cmdb.CmdbService;
import org.itops.cmdb.ConfigurationItem;
import org.itops.incident.IncidentQueries;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.NotAllowedException;
import org.itops.platform.NotFoundException;
import org.itops.platform.Page;
import org.itops.platform.RecordNumbers;
import org.itops.platform.Timeline;
import org.itops.problem.Problem.Source;
import org.itops.problem.Problem.Status;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to problems: raising them (by hand, by a major incident's review, by recurring incidents), linking
 * incidents, and the state changes of the steps of {@code problem-management}.
 */
@Service
public class ProblemService {

  private final ProblemRepository problems;
  private final RecordNumbers recordNumbers;
  private final Timeline timeline;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final CurrentUser currentUser;
  private final ProblemReadRule readRule;
  private final CmdbService cmdb;
  private final IncidentQueries incidentQueries;
  /** A savepoint around the insert of a problem: a problem opened meanwhile for the same item is joined instead. */
  private final TransactionTemplate savepoint;

  ProblemService(ProblemRepository problems, RecordNumbers recordNumbers, Timeline timeline, Clock clock,
      RuntimeService runtimeService, CurrentUser currentUser, ProblemReadRule readRule, CmdbService cmdb,
      PlatformTransactionManager transactions, IncidentQueries incidentQueries) {
    this.problems = problems;
    this.incidentQueries = incidentQueries;
    this.recordNumbers = recordNumbers;
    this.timeline = timeline;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
    this.readRule = readRule;
    this.cmdb = cmdb;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  // --- raising ----------------------------------------------------------------------------------------

  /** A staff member raises a problem (API); answers its number. */
  @Transactional
  public String raise(ProblemRequest request) {
    requireStaff();
    List<FieldError> errors = new ArrayList<>(request.fieldErrors());
    for (String incident : request.incidentList()) {
      if (!incidentQueries.exists(incident)) {
        errors.add(new FieldError("incidents", "reason.notAnIncident", incident));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    String item = Optional.ofNullable(request.configurationItem()).filter(name -> !name.isBlank())
        .map(name -> cmdb.resolve(name, null).map(ConfigurationItem::reference).orElse(name.strip())).orElse(null);
    return open(new Draft(request.title().strip(), request.description(), request.category(), item,
        request.service(), Source.MANUAL, null), currentUser.id(), request.incidentList());
  }

  /** What a new problem is about. */
  record Draft(String title, String description, String category, String configurationItem, String service,
      Source source, String rootCause) {}

  /**
   * Opens a problem with its incidents linked and starts its process, unless one is open for the same item (or
   * service) and category: then the incidents are linked to that one. Answers the problem's number. Two incidents
   * registered at the same moment open one problem (the unique index on the open key; the insert of the second fails
   * within a savepoint, and it joins the first's problem).
   */
  String open(Draft draft, String raisedBy, List<String> incidents) {
    String key = Problem.openKey(draft.configurationItem(), draft.service(), draft.category());
    Instant now = clock.instant();
    String number = recordNumbers.next(ProblemProcess.RECORD_PREFIX);
    Problem problem = new Problem(number, draft.title(), draft.description(), draft.category(),
        draft.configurationItem(), draft.service(), draft.source(), Status.INVESTIGATING, draft.rootCause(), null,
        null, null, null, raisedBy, now, draft.rootCause() == null ? null : now, null, false, now, null, List.of());
    try {
      savepoint.executeWithoutResult(tx -> problems.insert(problem));
    } catch (DuplicateKeyException openMeanwhile) {
      String open = openProblem(key).orElseThrow(() -> openMeanwhile);
      incidents.forEach(incident -> link(open, incident, raisedBy));
      return open;
    }
    timeline.record(number, "RAISED", "timeline.problem.raised",
        Timeline.text("timeline.problem.source." + draft.source()), raisedBy, draft.title());
    incidents.forEach(incident -> link(number, incident, raisedBy));
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.RECORD_NUMBER, number);
    variables.put(Var.TITLE, draft.title());
    variables.put(Var.PRIORITY, null);
    variables.put(Var.DESCRIPTION, draft.description());
    variables.put(Var.CATEGORY, draft.category());
    variables.put(Var.CONFIGURATION_ITEM, draft.configurationItem());
    variables.put(Var.SERVICE, draft.service());
    variables.put(Var.ROOT_CAUSE, draft.rootCause());
    variables.put(Var.KNOWN_ERROR_ARTICLE, null);
    variables.put(Var.WATCH_PERIOD, ProblemProcess.DEFAULT_WATCH_PERIOD);
    // the suite raises it for whoever caused it (an alert, a requester's incident): nobody's start permission
    currentUser.asSystem(() -> runtimeService.startProcessInstanceByKey(ProblemProcess.KEY, number, variables));
    return number;
  }

  private Optional<String> openProblem(String key) {
    return key == null ? Optional.empty() : problems.openProblem(key);
  }

  // --- incidents --------------------------------------------------------------------------------------

  /** Links an incident by hand (API); a second link of the same incident does nothing. */
  @Transactional
  public void linkByHand(String number, String incident) {
    requireStaff();
    Problem problem = view(number);
    if (!incidentQueries.exists(incident)) {
      throw new InvalidRequestException("incident", "reason.notAnIncident", incident);
    }
    if (problem.status() == Status.CLOSED) {
      throw new InvalidRequestException("number", "reason.problem.closed", number);
    }
    link(number, incident, currentUser.id());
  }

  /** Unlinks an incident by hand (API); unlinking one that is not linked does nothing. */
  @Transactional
  public void unlinkByHand(String number, String incident) {
    requireStaff();
    view(number);
    unlink(number, incident);
  }

  /**
   * Links the incident to the problem (once: a retried registration or request links it once) and says so on both
   * timelines; an incident linked while the fix is watched is a recurrence, which reopens the investigation. The
   * problem's instance is left alone otherwise (its form reads the linked incidents when its task is created), so
   * that incidents registered at the same moment do not contend for it.
   */
  void link(String number, String incident, String by) {
    if (!problems.link(number, incident, by == null ? "system" : by, clock.instant())) {
      return;
    }
    timeline.record(incident, "PROBLEM_LINKED", "timeline.incident.linkedToProblem", number);
    timeline.record(number, "INCIDENT_LINKED", "timeline.problem.incidentLinked", incident);
    if (load(number).status() == Status.WATCHING) {
      currentUser.asSystem(() -> runtimeService.createMessageCorrelation(ProblemProcess.MESSAGE_RECURRED)
          .processInstanceBusinessKey(number).setVariable("recurringIncident", incident).correlateAllWithResult());
    }
  }

  void unlink(String number, String incident) {
    if (problems.unlink(number, incident)) {
      timeline.record(incident, "PROBLEM_UNLINKED", "timeline.incident.unlinkedFromProblem", number);
      timeline.record(number, "INCIDENT_UNLINKED", "timeline.problem.incidentUnlinked", incident);
    }
  }

  // --- steps of the process ---------------------------------------------------------------------------

  /** The investigation's findings; the first root cause is dated (time to root cause). */
  @Transactional
  public Problem investigated(String number, String rootCause, String contributingFactors, String workaround) {
    Instant now = clock.instant();
    save(load(number), Status.INVESTIGATING, p -> {
      p.rootCause = rootCause;
      p.factors = contributingFactors;
      p.workaround = workaround;
      p.rootCauseAt = p.rootCauseAt == null ? now : p.rootCauseAt;
    });
    timeline.record(number, "ROOT_CAUSE", "timeline.problem.rootCause", rootCause,
        workaround == null ? "" : Timeline.text("timeline.problem.workaround", workaround));
    return load(number);
  }

  @Transactional
  public void knownErrorProposed(String number, String article) {
    save(load(number), Status.INVESTIGATING, p -> p.article = article);
    timeline.record(number, "KNOWN_ERROR", "timeline.problem.knownError", article);
  }

  @Transactional
  public void fixChangeRaised(String number, String change) {
    save(load(number), Status.FIXING, p -> p.change = change);
    timeline.record(number, "FIX_CHANGE", "timeline.problem.fixChange", change);
  }

  /** The fix change closed: a successful one starts the watch, any other outcome returns to the investigation. */
  @Transactional
  public boolean fixChangeClosed(String number, String outcome) {
    boolean succeeded = "SUCCESSFUL".equals(outcome);
    Problem problem = load(number);
    save(problem, succeeded ? Status.WATCHING : Status.INVESTIGATING, p -> p.fixedAt = succeeded ? clock.instant()
        : null);
    timeline.record(number, "FIX_CHANGE_CLOSED", succeeded ? "timeline.problem.watching"
        : "timeline.problem.fixFailed", problem.fixChange(), Timeline.code("outcome", outcome));
    return succeeded;
  }

  /** An incident recurred while the fix was watched. */
  @Transactional
  public void reopen(String number, String incident) {
    save(load(number), Status.INVESTIGATING, p -> p.recurred = true);
    timeline.record(number, "REOPENED", "timeline.problem.reopened", incident);
  }

  @Transactional
  public void close(String number) {
    save(load(number), Status.CLOSED, p -> p.closedAt = clock.instant());
    timeline.record(number, "CLOSED", "timeline.problem.closed");
  }

  /** The fields a step changes besides the status. */
  private static final class Changes {
    String rootCause;
    String factors;
    String workaround;
    Instant rootCauseAt;
    String article;
    String change;
    Instant fixedAt;
    boolean recurred;
    Instant closedAt;
  }

  private void save(Problem problem, Status status, Consumer<Changes> change) {
    Changes changes = new Changes();
    changes.rootCause = problem.rootCause();
    changes.factors = problem.contributingFactors();
    changes.workaround = problem.workaround();
    changes.rootCauseAt = problem.rootCauseAt();
    changes.article = problem.knownErrorArticle();
    changes.change = problem.fixChange();
    changes.fixedAt = problem.fixedAt();
    changes.recurred = problem.recurredAfterFix();
    change.accept(changes);
    problems.update(new Problem(problem.number(), problem.title(), problem.description(), problem.category(),
        problem.configurationItem(), problem.service(), problem.source(), status, changes.rootCause, changes.factors,
        changes.workaround, changes.article, changes.change, problem.raisedBy(), problem.createdAt(),
        changes.rootCauseAt, changes.fixedAt, changes.recurred, clock.instant(), changes.closedAt,
        problem.incidents()));
  }

  // --- reading ----------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public Problem view(String number) {
    readRule.requireReads(number);
    return load(number);
  }

  @Transactional(readOnly = true)
  public Page<Problem> list(Status status, int page, int size) {
    requireStaff();
    return problems.list(status == null ? null : status.name(), page, size);
  }

  public List<Timeline.Entry> timelineOf(String number) {
    return timeline.of(number);
  }

  Problem load(String number) {
    return problems.find(number).orElseThrow(() -> new NotFoundException("detail.notFound.problem", number));
  }

  private void requireStaff() {
    if (!readRule.readsAll()) {
      throw new NotAllowedException("detail.forbidden.problems");
    }
  }
}
