package org.itops.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedInput;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records the inputs and the outcome of every evaluation of the tables process owners tune ({@link #RECORDED}) by the
 * process of a record, with the record's number (its business key) and the time, in the transaction of the step that
 * evaluated it: the engine keeps them only at history level full, which costs every step of every process
 * (docs/benchmarks.md). Kept {@link #KEPT} (the KPIs' longest period); a daily job removes older rows.
 *
 * <p>The engine offers its DMN configuration and the execution being run only through its plugin hook and its
 * command context ({@code impl.cfg}, {@code impl.context}), and a table's input expressions only on the parsed table
 * ({@code dmn.engine.impl}): there is no public way to listen to every evaluation, by a business rule task and by the
 * decision service a step calls alike.
 */
@Component
class DecisionInputs extends AbstractProcessEnginePlugin implements DmnDecisionTableEvaluationListener {

  static final Set<String> RECORDED = Set.of("incident-priority", "service-level-targets", "incident-assignment",
      "alert-routing", "alert-mapping", "change-classification", "demand-approval-routing", "breach-notification");
  static final Duration KEPT = Duration.ofDays(400);
  /** An input expression that names one variable: its value is the variable, which a changed table may read again. */
  static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final DecisionInputRepository recorded;
  private final ObjectMapper json;
  private final Clock clock;
  private volatile boolean feelLegacyBehavior;
  private volatile boolean blankOutputAsNull;

  DecisionInputs(DecisionInputRepository recorded, ObjectMapper json, Clock clock) {
    this.recorded = recorded;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getDmnEngineConfiguration() == null) {
      configuration.setDmnEngineConfiguration(
          (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration());
    }
    configuration.getDmnEngineConfiguration().getCustomPostDecisionTableEvaluationListeners().add(this);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    feelLegacyBehavior = configuration.isDmnFeelEnableLegacyBehavior();
    blankOutputAsNull = configuration.isDmnReturnBlankTableOutputAsNull();
  }

  /**
   * A DMN engine configured as the process engine's (the same FEEL), for tables that are not deployed: it records
   * nothing and reaches no bean.
   */
  DefaultDmnEngineConfiguration sameConfiguration() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setEnableFeelLegacyBehavior(feelLegacyBehavior);
    configuration.setReturnBlankTableOutputAsNull(blankOutputAsNull);
    return configuration;
  }

  @Override
  public void notify(DmnDecisionTableEvaluationEvent event) {
    DmnDecision decision = event.getDecision();
    String recordNumber = recordNumber();
    if (!RECORDED.contains(decision.getKey()) || recordNumber == null) {
      return; // a check of an input (a known category?) or a what-if: the decision for a record is its process's
    }
    Map<String, Object> inputs = new LinkedHashMap<>();
    List<DmnDecisionTableInputImpl> tableInputs = ((DmnDecisionTableImpl) decision.getDecisionLogic()).getInputs();
    for (int i = 0; i < tableInputs.size(); i++) {
      String expression = tableInputs.get(i).getExpression().getExpression();
      DmnEvaluatedInput input = event.getInputs().get(i);
      if (expression != null && VARIABLE.matcher(expression.strip()).matches()) {
        inputs.put(expression.strip(), input.getValue() == null ? null : input.getValue().getValue());
      }
    }
    recorded.insert(new DecisionInput(null, decision.getKey(), recordNumber, clock.instant(), write(inputs),
        Outcome.of(outcomes(event))));
  }

  private static List<Map<String, Object>> outcomes(DmnDecisionTableEvaluationEvent event) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
      Map<String, Object> outputs = new LinkedHashMap<>();
      rule.getOutputEntries().values().forEach(output -> outputs.put(output.getOutputName(),
          output.getValue() == null ? null : output.getValue().getValue()));
      rules.add(outputs);
    }
    return rules;
  }

  /** The business key of the process instance that evaluates the table, if a process of a record does. */
  private static String recordNumber() {
    var execution = Context.getCommandContext() == null ? null : Context.getBpmnExecutionContext();
    return execution == null || execution.getExecution() == null ? null
        : execution.getExecution().getProcessBusinessKey();
  }

  /** The evaluations of a table in a period: the latest of each record, newest first. */
  List<Evaluation> of(String decisionKey, Instant from, Instant to) {
    Set<String> seen = new HashSet<>();
    return recorded.of(decisionKey, from, to).stream()
        .map(evaluation -> new Evaluation(evaluation.recordNumber(), read(evaluation.inputs())))
        .filter(evaluation -> seen.add(evaluation.recordNumber())).toList();
  }

  record Evaluation(String recordNumber, Map<String, Object> inputs) {}

  /** Removes the evaluations older than {@link #KEPT}, daily; on every node of a cluster alike, which is harmless. */
  @Scheduled(cron = "0 20 1 * * *")
  void removeOld() {
    recorded.removeBefore(clock.instant().minus(KEPT));
  }

  private String write(Map<String, Object> inputs) {
    try {
      return json.writeValueAsString(inputs);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("inputs of a decision not writable as JSON", e);
    }
  }

  private Map<String, Object> read(String inputs) {
    try {
      return json.readValue(inputs, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("recorded inputs not readable: " + inputs, e);
    }
  }
}
