package org.itops.oncall;

import java.time.Duration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.oncall.OnCallPageProcess.Paged;
import org.itops.oncall.OnCallPageProcess.Var;
import org.springframework.stereotype.Component;

/** "Choose whom to page" of on-call-page: the first step, or the next one after a page nobody acknowledged. */
@Component("pageNextDelegate")
class PageNextDelegate implements JavaDelegate {

  private final Pages pages;

  PageNextDelegate(Pages pages) {
    this.pages = pages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Integer step = (Integer) execution.getVariable(Var.STEP);
    Pages.Target previous = step == null ? null : new Pages.Target(step, (String) execution.getVariable(Var.PAGED_USER),
        Paged.valueOf((String) execution.getVariable(Var.PAGED_AS)));
    Pages.Target next = pages.next(execution.getProcessBusinessKey(), (String) execution.getVariable(Var.GROUP),
        previous, Duration.parse((String) execution.getVariable(Var.ACKNOWLEDGE_WITHIN)));
    execution.setVariable(Var.STEP, next.step());
    execution.setVariable(Var.PAGED_USER, next.user());
    execution.setVariable(Var.PAGED_AS, next.as().name());
  }
}
