package org.itops.problem;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.itops.incident.IncidentQueries;
import org.itops.incident.IncidentRegistered;
import org.itops.incident.RootCauseReviewed;
import org.itops.platform.CurrentUser;
import org.itops.problem.Problem.Source;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Problems raised by incidents, in the transaction of the incident's step: a recurrence (DMN problem-detection on the
 * count of incidents on the same item, or service, and category within the window of DMN problem-detection-window)
 * and a major incident's root-cause review.
 */
@Component
class RecurrenceDetection {

  static final String OPEN = "open";
  static final String LINK = "link";

  private final ProblemService problems;
  private final ProblemRepository repository;
  private final IncidentQueries incidents;
  private final DecisionService decisionService;
  private final CurrentUser currentUser;
  private final Clock clock;

  RecurrenceDetection(ProblemService problems, ProblemRepository repository, DecisionService decisionService,
      CurrentUser currentUser, Clock clock, IncidentQueries incidents) {
    this.problems = problems;
    this.incidents = incidents;
    this.repository = repository;
    this.decisionService = decisionService;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @EventListener
  void incidentRegistered(IncidentRegistered incident) {
    if (Problem.openKey(incident.configurationItem(), incident.service(), incident.category()) == null) {
      return;
    }
    Instant since = clock.instant().minus(Duration.ofDays(windowDays(incident.category())));
    List<String> recurring = incidents.recurrences(incident.configurationItem(), incident.service(),
        incident.category(), since);
    String openProblem = repository.openProblem(Problem.openKey(incident.configurationItem(), incident.service(),
        incident.category())).orElse(null);
    String action = decide(recurring.size(), openProblem != null);
    if (LINK.equals(action)) {
      problems.link(openProblem, incident.number(), null);
    } else if (OPEN.equals(action)) {
      // the incidents that recurred, this one among them (linked to a problem opened meanwhile, if one was)
      problems.open(new ProblemService.Draft(incident.title(), null, incident.category(),
          incident.configurationItem(), incident.service(), Source.RECURRENCE, null), "system", recurring);
    }
  }

  /** The review's root cause is the first finding of a new problem, or joins the one open for the item. */
  @EventListener
  void rootCauseReviewed(RootCauseReviewed review) {
    problems.open(new ProblemService.Draft(review.title(), null, review.category(),
        review.configurationItem(), review.service(), Source.MAJOR_INCIDENT, review.rootCause()),
        currentUser.id() == null ? "system" : currentUser.id(), List.of(review.number()));
  }

  int windowDays(String category) {
    Map<String, Object> input = Map.of("category", category);
    Object days = currentUser.asSystem(() -> decisionService.evaluateDecisionByKey(ProblemProcess.WINDOW_KEY)
        .variables(input).evaluate().getSingleResult().getSingleEntry());
    return ((Number) days).intValue();
  }

  String decide(int incidents, boolean openProblem) {
    Map<String, Object> input = new HashMap<>();
    input.put("incidentCount", incidents);
    input.put("openProblem", openProblem);
    var result = currentUser.asSystem(() -> decisionService.evaluateDecisionByKey(ProblemProcess.DETECTION_KEY)
        .variables(input).evaluate().getFirstResult());
    return result == null ? null : (String) result.getEntry("action");
  }
}
