package org.itops.review;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.improvement.ImprovementService;
import org.springframework.stereotype.Component;

/** "Start the improvements": each action the review decided starts a continuous-improvement cycle. */
@Component("startImprovementsDelegate")
class StartImprovementsDelegate implements JavaDelegate {

  private final ReviewService reviews;
  private final ImprovementService improvements;

  StartImprovementsDelegate(ReviewService reviews, ImprovementService improvements) {
    this.reviews = reviews;
    this.improvements = improvements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    Object service = execution.getVariable("service");
    List<String> started = new ArrayList<>();
    for (String action : reviews.assessed(number, (String) execution.getVariable("assessment"),
        (String) execution.getVariable("improvementActions"))) {
      started.add(improvements.propose(action, "Decided in the service review " + number, number,
          service == null || service.toString().isBlank() ? null : service.toString(), execution.getVariable(
              "reviewer") == null ? "system" : execution.getVariable("reviewer").toString(), null, null));
    }
    execution.setVariable("improvements", String.join(", ", started));
  }
}
