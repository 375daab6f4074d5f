package org.itops.decision;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.itops.decision.DecisionInputs.Evaluation;
import org.itops.incident.SlaElapsed;
import org.itops.platform.CurrentUser;
import org.itops.platform.DeploymentGuard;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.ReportPeriod;
import org.springframework.stereotype.Service;

/**
 * Re-evaluates a changed decision table on the inputs recorded for its decision in a period ({@link DecisionInputs}),
 * beside the table in force (the latest deployed version), with a DMN engine configured as the process engine's:
 * deploys nothing, records nothing. For {@code service-level-targets}, also the breaches of the incidents' recorded
 * times that the changed targets add or remove.
 */
@Service
class WhatIf {

  static final String SLA_TARGETS = "service-level-targets";
  private static final String FILE = "file";

  private final DecisionInputs recorded;
  private final RepositoryService repositoryService;
  private final DeploymentGuard guard;
  private final CurrentUser currentUser;
  private final SlaElapsed slaElapsed;
  private volatile DmnEngine dmnEngine;

  WhatIf(DecisionInputs recorded, RepositoryService repositoryService, DeploymentGuard guard, CurrentUser currentUser,
      SlaElapsed slaElapsed) {
    this.recorded = recorded;
    this.repositoryService = repositoryService;
    this.guard = guard;
    this.currentUser = currentUser;
    this.slaElapsed = slaElapsed;
  }

  /** One outcome of the table in force that the changed table turns into another, and how often. */
  record Shift(String from, String to, long count) {}

  /** Breaches of incidents' recorded times that the changed targets add or remove (numbers, newest first). */
  record Breaches(List<String> responseAdded, List<String> responseRemoved, List<String> resolutionAdded,
      List<String> resolutionRemoved) {}

  /** A record whose outcome changes, and where the API shows it (null for a kind it does not show). */
  record Affected(String number, String view) {

    /** Where each kind of record is read in the API, by the prefix of its number. */
    private static final Map<String, String> VIEWS = Map.of("INC", "/api/incidents/", "CHG", "/api/changes/",
        "DMD", "/api/demands/", "SEC", "/api/security-incidents/", "ALR", "/api/alerts/");

    static Affected of(String number) {
      String prefix = VIEWS.get(number.length() < 3 ? number : number.substring(0, 3));
      return new Affected(number, prefix == null ? null : prefix + number);
    }
  }

  record Answer(String decisionKey, int inForceVersion, ReportPeriod period, int evaluated, int changed,
      List<Shift> matrix, List<Affected> affected, Breaches breaches) {}

  Answer of(String decisionKey, String fileName, byte[] file, ReportPeriod period) {
    if (!DecisionInputs.RECORDED.contains(decisionKey)) {
      throw new InvalidRequestException("key", "reason.whatIf.decision", decisionKey,
          String.join(", ", new TreeSet<>(DecisionInputs.RECORDED)));
    }
    DmnDecision changed = changedTable(decisionKey, fileName, file);
    DecisionDefinition definition = currentUser.asSystem(() -> repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(decisionKey).latestVersion().singleResult());
    DmnDecision inForce = parse(currentUser.asSystem(() -> repositoryService.getDecisionModel(definition.getId())))
        .stream().filter(decision -> decision.getKey().equals(decisionKey)).findFirst().orElseThrow();
    List<Evaluation> evaluations = recorded.of(decisionKey, period.from(), period.to());
    refuseUnknownInputs(changed, inForce, evaluations);

    Map<List<String>, Long> shifts = new LinkedHashMap<>();
    Set<String> affected = new LinkedHashSet<>();
    Map<String, List<Map<String, Object>>> oldOutcomes = new HashMap<>();
    Map<String, List<Map<String, Object>>> newOutcomes = new HashMap<>();
    int changedCount = 0;
    for (Evaluation evaluation : evaluations) {
      List<Map<String, Object>> before = evaluate(inForce, evaluation);
      List<Map<String, Object>> after = evaluate(changed, evaluation);
      oldOutcomes.put(evaluation.recordNumber(), before);
      newOutcomes.put(evaluation.recordNumber(), after);
      String from = Outcome.of(before);
      String to = Outcome.of(after);
      if (!from.equals(to)) {
        changedCount++;
        shifts.merge(List.of(from, to), 1L, Long::sum);
        affected.add(evaluation.recordNumber());
      }
    }
    List<Shift> matrix = shifts.entrySet().stream()
        .map(shift -> new Shift(shift.getKey().get(0), shift.getKey().get(1), shift.getValue()))
        .sorted((a, b) -> Long.compare(b.count(), a.count())).toList();
    Breaches breaches = decisionKey.equals(SLA_TARGETS) ? breaches(evaluations, oldOutcomes, newOutcomes) : null;
    return new Answer(decisionKey, definition.getVersion(), period, evaluations.size(), changedCount, matrix,
        affected.stream().map(Affected::of).toList(), breaches);
  }

  private DmnDecision changedTable(String decisionKey, String fileName, byte[] file) {
    List<DmnDecision> decisions;
    try {
      decisions = parse(new ByteArrayInputStream(file));
    } catch (RuntimeException e) {
      throw new InvalidRequestException(FILE, "reason.whatIf.notDmn", fileName, e.getMessage());
    }
    DmnDecision changed = decisions.stream().filter(decision -> decision.getKey().equals(decisionKey)).findFirst()
        .orElseThrow(() -> new InvalidRequestException(FILE, "reason.whatIf.otherDecision", fileName, decisionKey,
            String.join(", ", decisions.stream().map(DmnDecision::getKey).toList())));
    if (!changed.isDecisionTable()) {
      throw new InvalidRequestException(FILE, "reason.whatIf.notATable", fileName, decisionKey);
    }
    // checked as the deployment of a DMN file would be, whatever the upload's name
    guard.refuseCode(FILE, fileName.toLowerCase(Locale.ROOT).endsWith(".dmn") ? fileName : fileName + ".dmn", file);
    return changed;
  }

  /** Each input of the changed table must read a variable the recorded evaluations have (the table in force reads). */
  private static void refuseUnknownInputs(DmnDecision changed, DmnDecision inForce, List<Evaluation> evaluations) {
    Set<String> known = new TreeSet<>(variables(inForce));
    evaluations.forEach(evaluation -> known.addAll(evaluation.inputs().keySet()));
    for (DmnDecisionTableInputImpl input : inputs(changed)) {
      String expression = input.getExpression().getExpression();
      String variable = expression == null ? "" : expression.strip();
      if (!known.contains(variable)) {
        throw new InvalidRequestException(FILE, "reason.whatIf.unknownInput",
            input.getName() == null ? input.getId() : input.getName(), variable, String.join(", ", known));
      }
    }
  }

  private static List<String> variables(DmnDecision table) {
    return inputs(table).stream().map(input -> input.getExpression().getExpression())
        .filter(expression -> expression != null && DecisionInputs.VARIABLE.matcher(expression.strip()).matches())
        .map(String::strip).toList();
  }

  /** The inputs of a parsed table: the DMN engine shows them only on its implementation ({@code dmn.engine.impl}). */
  private static List<DmnDecisionTableInputImpl> inputs(DmnDecision table) {
    return ((DmnDecisionTableImpl) table.getDecisionLogic()).getInputs();
  }

  private List<Map<String, Object>> evaluate(DmnDecision table, Evaluation evaluation) {
    try {
      return engine().evaluateDecisionTable(table, new HashMap<>(evaluation.inputs())).getResultList();
    } catch (RuntimeException e) {
      throw new InvalidRequestException(FILE, "reason.whatIf.notEvaluable", evaluation.recordNumber(),
          e.getMessage());
    }
  }

  private Breaches breaches(List<Evaluation> evaluations, Map<String, List<Map<String, Object>>> oldOutcomes,
      Map<String, List<Map<String, Object>>> newOutcomes) {
    Map<String, SlaElapsed.Times> times = slaElapsed.of(oldOutcomes.keySet());
    List<List<String>> lists = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (Evaluation evaluation : evaluations) { // newest first
      SlaElapsed.Times taken = times.get(evaluation.recordNumber());
      if (taken == null) {
        continue;
      }
      String number = evaluation.recordNumber();
      compare(number, taken.response(), oldOutcomes.get(number), newOutcomes.get(number), "responseTarget",
          lists.get(0), lists.get(1));
      compare(number, taken.resolution(), oldOutcomes.get(number), newOutcomes.get(number), "resolutionTarget",
          lists.get(2), lists.get(3));
    }
    return new Breaches(lists.get(0), lists.get(1), lists.get(2), lists.get(3));
  }

  private static void compare(String number, Duration taken, List<Map<String, Object>> before,
      List<Map<String, Object>> after, String target, List<String> added, List<String> removed) {
    boolean breachedBefore = breached(taken, before, target);
    boolean breachedAfter = breached(taken, after, target);
    if (breachedAfter && !breachedBefore) {
      added.add(number);
    } else if (breachedBefore && !breachedAfter) {
      removed.add(number);
    }
  }

  /** Took longer than the target of the first matching rule (the incident process reads that one); none: no target. */
  private static boolean breached(Duration taken, List<Map<String, Object>> outcome, String target) {
    if (outcome.isEmpty() || !(outcome.get(0).get(target) instanceof String text)) {
      return false;
    }
    try {
      return taken.compareTo(Duration.parse(text)) > 0;
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidRequestException(FILE, "reason.whatIf.notADuration", target, text);
    }
  }

  private List<DmnDecision> parse(InputStream dmn) {
    return engine().parseDecisions(dmn);
  }

  private DmnEngine engine() {
    if (dmnEngine == null) {
      dmnEngine = recorded.sameConfiguration().buildEngine();
    }
    return dmnEngine;
  }
}
