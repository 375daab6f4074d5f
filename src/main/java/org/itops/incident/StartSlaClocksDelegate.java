package org.itops.incident;

import static org.itops.incident.IncidentProcess.Var;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.calendar.BusinessCalendar;
import org.itops.platform.SuiteTime;
import org.springframework.stereotype.Component;

/**
 * "Start SLA clocks" and "Recalculate SLA due times": takes the priority and the targets of the DMN tables and
 * sets the due times that the process's timers wait for. A P1 is a major incident.
 */
@Component("startSlaClocksDelegate")
class StartSlaClocksDelegate implements JavaDelegate {

  private final IncidentSteps steps;
  private final ManagementService managementService;
  private final ServiceHours hours;

  StartSlaClocksDelegate(IncidentSteps steps, ManagementService managementService, ServiceHours hours) {
    this.steps = steps;
    this.managementService = managementService;
    this.hours = hours;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String priority = (String) execution.getVariable(Var.PRIORITY);
    @SuppressWarnings("unchecked")
    Map<String, Object> targets = (Map<String, Object>) execution.getVariable(Var.SLA_TARGETS);
    if (priority == null || targets == null) {
      throw new IllegalStateException("The DMN tables incident-priority and service-level-targets gave no result for"
          + " priority '" + priority + "': add a rule for it");
    }
    Incident incident = steps.startClocks(execution.getProcessBusinessKey(), priority,
        (String) targets.get("responseTarget"), (String) targets.get("resolutionTarget"));
    setDueTimes(execution, incident);
    showDueTimesInTheZoneOfTheServicesHours(execution, incident);
    moveRunningResponseTimer(execution, incident);
    if (execution.getVariable(Var.COMPUTED_PRIORITY) == null) {
      execution.setVariable(Var.COMPUTED_PRIORITY, incident.getComputedPriority());
    }
    boolean wanted = "P1".equals(priority) || Boolean.TRUE.equals(execution.getVariable("declareMajor"));
    if (wanted && steps.declareMajor(incident.getNumber())) {
      MajorIncident.declare(execution);
      // the triage form's Outage box starts ticked for a major incident
      execution.setVariable(Var.OUTAGE, true);
    }
  }

  /** Tasklist and mail show the due times in the zone of the service's calendar (24x7: the suite's zone). */
  private void showDueTimesInTheZoneOfTheServicesHours(DelegateExecution execution, Incident incident) {
    BusinessCalendar calendar = hours.of(incident);
    if (!calendar.isAlways()) {
      execution.setVariable(SuiteTime.ZONE_VARIABLE, calendar.zone().getId());
    }
  }

  /** After a priority change in triage the response timer already waits: it moves to the new due time. */
  private void moveRunningResponseTimer(DelegateExecution execution, Incident incident) {
    managementService.createJobQuery().processInstanceId(execution.getProcessInstanceId()).timers()
        .activityId(IncidentProcess.Element.RESPONSE_TARGET_MISSED).unlimitedList()
        .forEach(timer -> managementService.setJobDuedate(timer.getId(), Date.from(incident.getResponseDue())));
  }

  static void setDueTimes(DelegateExecution execution, Incident incident) {
    execution.setVariable(Var.RESPONSE_DUE, Date.from(incident.getResponseDue()));
    execution.setVariable(Var.WARNING_DUE, Date.from(incident.getWarningDue()));
    execution.setVariable(Var.RESOLUTION_DUE, Date.from(incident.getResolutionDue()));
  }
}
