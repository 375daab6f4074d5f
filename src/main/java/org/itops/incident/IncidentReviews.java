package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.itops.platform.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incidents of a period with the reviews they had, as an audit of incident management reads them (A.5.24): the IT
 * managers' reviews of their breaches (the engine's history of their task) and the root-cause reviews of the major
 * ones (their problem records).
 */
@Service
public class IncidentReviews {

  private final IncidentRepository incidents;
  private final HistoryService historyService;
  private final CurrentUser currentUser;

  IncidentReviews(IncidentRepository incidents, HistoryService historyService, CurrentUser currentUser) {
    this.incidents = incidents;
    this.historyService = historyService;
    this.currentUser = currentUser;
  }

  /** A breach review of an incident: who reviewed it, when, and the action the IT managers decided. */
  public record BreachReview(String by, Instant at, String action) {}

  /** The root-cause review of a major incident (its problem record). */
  public record RootCauseReview(String rootCause, String preventiveActions, String by, Instant at) {}

  /** An incident with its breach reviews and its root-cause review (null when it had none). */
  public record Reviewed(Incident incident, List<BreachReview> breachReviews, RootCauseReview rootCause) {}

  /** The incidents reported in {@code [from, to)}, by priority, with their breach and root-cause reviews. */
  @Transactional(readOnly = true)
  public List<Reviewed> reviewedBetween(Instant from, Instant to) {
    List<Incident> reported = incidents.reportedBetween(from, to);
    List<String> numbers = reported.stream().map(Incident::getNumber).toList();
    Map<String, RootCauseReview> rootCauses = incidents.rootCauseReviews(numbers);
    Map<String, List<BreachReview>> breachReviews = currentUser.asSystem(() -> breachReviews(numbers));
    return reported.stream().map(incident -> new Reviewed(incident,
        breachReviews.getOrDefault(incident.getNumber(), List.of()), rootCauses.get(incident.getNumber()))).toList();
  }

  private Map<String, List<BreachReview>> breachReviews(List<String> numbers) {
    Map<String, List<BreachReview>> reviews = new HashMap<>();
    if (numbers.isEmpty()) {
      return reviews;
    }
    String[] keys = numbers.toArray(String[]::new);
    Map<String, String> numberOfInstance = new HashMap<>();
    historyService.createHistoricProcessInstanceQuery().processDefinitionKey(IncidentProcess.KEY)
        .processInstanceBusinessKeyIn(keys).unlimitedList()
        .forEach(instance -> numberOfInstance.put(instance.getId(), instance.getBusinessKey()));
    if (numberOfInstance.isEmpty()) {
      return reviews;
    }
    Map<String, String> actionOfInstance = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(numberOfInstance.keySet().toArray(String[]::new)).variableName(Var.BREACH_ACTION)
        .disableBinaryFetching().unlimitedList()
        .forEach(variable -> actionOfInstance.put(variable.getProcessInstanceId(),
            String.valueOf(variable.getValue())));
    historyService.createHistoricTaskInstanceQuery().processDefinitionKey(IncidentProcess.KEY)
        .taskDefinitionKey(IncidentProcess.Element.REVIEW_BREACH).processInstanceBusinessKeyIn(keys).finished()
        .orderByHistoricTaskInstanceEndTime().asc().unlimitedList()
        .forEach(task -> reviews.computeIfAbsent(numberOfInstance.get(task.getProcessInstanceId()),
            number -> new ArrayList<>()).add(new BreachReview(task.getAssignee(), task.getEndTime().toInstant(),
                actionOfInstance.get(task.getProcessInstanceId()))));
    return reviews;
  }
}
