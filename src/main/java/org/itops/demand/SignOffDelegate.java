package org.itops.demand;

import static org.itops.demand.DemandProcess.Var;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Sign off": the requester accepted the delivery; its warranty runs for the input parameter {@code warrantyPeriod}
 * (ISO-8601 days, e.g. {@code P30D}), until the timer "Warranty ends".
 */
@Component("signOffDelegate")
class SignOffDelegate implements JavaDelegate {

  private final DemandService demands;
  private final Clock clock;

  SignOffDelegate(DemandService demands, Clock clock) {
    this.demands = demands;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String number = execution.getProcessBusinessKey();
    Instant now = clock.instant();
    Instant until = now.atOffset(ZoneOffset.UTC)
        .plus(Period.parse(String.valueOf(execution.getVariableLocal("warrantyPeriod")))).toInstant();
    String requester = demands.load(number).getRequester();
    demands.delivery(number, delivery -> {
      delivery.setSignedOffBy(requester);
      delivery.setSignedOffAt(now);
      delivery.setWarrantyUntil(until);
    }, "SIGNED_OFF", "timeline.demand.signedOff", until);
    demands.step(number, Demand.Status.WARRANTY, "WARRANTY", "timeline.demand.warranty", until);
    execution.setVariable(Var.WARRANTY_ENDS, Date.from(until));
  }
}
