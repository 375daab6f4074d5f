package org.itops.improvement;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.itops.platform.ExpressionHelper;
import org.springframework.stereotype.Component;

/**
 * The people the plan says need training: "Complete the training" reads {@code ${improvementTrainees.of(execution)}},
 * one task each. Public, so that the expression language can call {@link #of}.
 */
@ExpressionHelper
@Component("improvementTrainees")
public class ImprovementTrainees {

  private final ImprovementService improvements;

  ImprovementTrainees(ImprovementService improvements) {
    this.improvements = improvements;
  }

  public List<String> of(DelegateExecution execution) {
    Object trainees = execution.getVariable("trainees");
    return improvements.trainees(trainees == null ? null : trainees.toString());
  }
}
