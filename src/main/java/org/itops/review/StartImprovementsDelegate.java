package org.itops.review;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.improvement.ImprovementService;
import org.itops.kpi.Kpis;
import org.itops.platform.SuiteText;
import org.springframework.stereotype.Component;

/**
 * "Start the improvements": each action the review decided starts a continuous-improvement cycle, and so does each
 * service below its availability target in the month reviewed (once per service and month).
 */
@Component("startImprovementsDelegate")
class StartImprovementsDelegate implements JavaDelegate {

  private final ReviewService reviews;
  private final ImprovementService improvements;
  private final SuiteText text;

  StartImprovementsDelegate(ReviewService reviews, ImprovementService improvements, SuiteText text) {
    this.reviews = reviews;
    this.improvements = improvements;
    this.text = text;
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
    for (ReviewService.BelowTarget below : reviews.belowTargetInItsMonth(number)) {
      Kpis.ServiceAvailability a = below.availability();
      String improvement = improvements.propose(text.get("review.availability.improvement", a.service(),
          below.month().toString(), String.valueOf(a.availabilityPercent()), String.valueOf(a.targetPercent())),
          text.get("review.availability.improvementDescription", number, String.valueOf(a.availabilityPercent()),
              a.service(), String.valueOf(a.outageMinutes()), String.valueOf(a.serviceMinutes()),
              String.valueOf(a.targetPercent())), number, a.service(), "system", null, null);
      reviews.improvementStarted(a.service(), number, improvement);
      started.add(improvement);
    }
    execution.setVariable("improvements", String.join(", ", started));
  }
}
