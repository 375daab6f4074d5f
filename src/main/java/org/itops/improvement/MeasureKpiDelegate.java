package org.itops.improvement;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Measure the baseline" and "Measure the effect" (input parameter {@code baseline}): the target KPI over the 30
 * days before now.
 */
@Component("measureKpiDelegate")
class MeasureKpiDelegate implements JavaDelegate {

  private final ImprovementService improvements;

  MeasureKpiDelegate(ImprovementService improvements) {
    this.improvements = improvements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean baseline = Boolean.parseBoolean(String.valueOf(execution.getVariableLocal("baseline")));
    BigDecimal value = improvements.measure(execution.getProcessBusinessKey(), baseline);
    execution.setVariable(baseline ? "kpiBefore" : "kpiAfter", value == null ? "nothing to measure" : value.toString());
  }
}
