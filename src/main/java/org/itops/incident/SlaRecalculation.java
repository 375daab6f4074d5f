package org.itops.incident;

import static org.itops.incident.IncidentProcess.Element;
import static org.itops.incident.IncidentProcess.Var;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.itops.calendar.CalendarChanged;
import org.itops.catalog.ServiceCatalog;
import org.itops.platform.CurrentUser;
import org.itops.platform.Timeline;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A calendar changed: the open incidents of the services it serves count the rest of their SLA in it. The working
 * time up to the change stays as the calendar counted it then, only what remains counts in the changed calendar
 * ({@link SlaClock#recounted}); a due time already passed stays. The due times are written to the record and to the
 * process's due-time variables, the waiting SLA timers move to them (ManagementService.setJobDuedate, as a priority
 * change in triage moves the response timer), and so do the open tasks' due dates (their forms show the due times as
 * they are when read, platform.ValuesShownOnForms). Runs in the change's transaction; a second change to the same
 * finds nothing to count differently and changes nothing.
 */
@Component
class SlaRecalculation {

  private static final Map<String, String> TIMERS = Map.of(Element.RESPONSE_TARGET_MISSED, Var.RESPONSE_DUE,
      Element.RESOLUTION_WARNING_DUE, Var.WARNING_DUE, Element.RESOLUTION_TARGET_MISSED, Var.RESOLUTION_DUE);
  /** The user tasks whose due date is a due time (camunda:dueDate in the diagram). */
  private static final Map<String, String> TASKS = Map.of(Element.TRIAGE, Var.RESPONSE_DUE, Element.TAKE,
      Var.RESPONSE_DUE, Element.WORK, Var.RESOLUTION_DUE);

  private final IncidentRepository incidents;
  private final ServiceCatalog catalog;
  private final ServiceHours hours;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final Timeline timeline;
  private final CurrentUser currentUser;
  private final TaskService taskService;

  SlaRecalculation(IncidentRepository incidents, ServiceCatalog catalog, ServiceHours hours,
      RuntimeService runtimeService, ManagementService managementService, Timeline timeline,
      CurrentUser currentUser, TaskService taskService) {
    this.taskService = taskService;
    this.incidents = incidents;
    this.catalog = catalog;
    this.hours = hours;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.timeline = timeline;
    this.currentUser = currentUser;
  }

  @EventListener
  void calendarChanged(CalendarChanged change) {
    List<String> services = catalog.servedIn(change.name());
    for (Incident incident : incidents.openOfServices(services)) {
      if (incident.getResponseTarget() != null && recalculated(incident, change)) {
        // the one who changed the calendar (an IT manager) need not see the incident's instance to move its clock
        currentUser.asSystem(() -> moveTimers(incident));
      }
    }
  }

  /** Counts the rest of the incident's clock in the changed calendar; whether its due times moved. */
  private boolean recalculated(Incident incident, CalendarChanged change) {
    List<Object> before = clockState(incident);
    List<Instant> dueBefore = List.of(incident.getResponseDue(), incident.getWarningDue(), incident.getResolutionDue());
    incident.setSlaClock(incident.slaClock(change.before()).recounted(hours.of(incident), change.at()));
    // a due time that passed before the change stays: its timer has fired and the breach is on record
    incident.setResponseDue(passedOr(dueBefore.get(0), incident.getResponseDue(), change.at()));
    incident.setWarningDue(passedOr(dueBefore.get(1), incident.getWarningDue(), change.at()));
    incident.setResolutionDue(passedOr(dueBefore.get(2), incident.getResolutionDue(), change.at()));
    if (before.equals(clockState(incident))) {
      return false;
    }
    incidents.update(incident);
    if (dueBefore.equals(List.of(incident.getResponseDue(), incident.getWarningDue(), incident.getResolutionDue()))) {
      return false; // the change counts differently only time already counted
    }
    timeline.record(incident.getNumber(), "SLA_RECALCULATED", "timeline.incident.sla",
        Timeline.code("priority", incident.getPriority()), incident.getResponseDue(), incident.getResolutionDue());
    return true;
  }

  private static List<Object> clockState(Incident incident) {
    return Arrays.asList(incident.getResponseDue(), incident.getWarningDue(), incident.getResolutionDue(),
        incident.getPausedSeconds(), incident.getPausedSince(), incident.getSlaShiftSeconds());
  }

  private static Instant passedOr(Instant due, Instant recounted, Instant at) {
    return due.isAfter(at) ? recounted : due;
  }

  private boolean moveTimers(Incident incident) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(IncidentProcess.KEY)
        .processInstanceBusinessKey(incident.getNumber()).singleResult();
    if (instance == null) {
      return false;
    }
    Map<String, Date> due = Map.of(Var.RESPONSE_DUE, Date.from(incident.getResponseDue()), Var.WARNING_DUE,
        Date.from(incident.getWarningDue()), Var.RESOLUTION_DUE, Date.from(incident.getResolutionDue()));
    runtimeService.setVariables(instance.getId(), due);
    TIMERS.forEach((timer, variable) -> managementService.createJobQuery().processInstanceId(instance.getId())
        .timers().activityId(timer).unlimitedList()
        .forEach(job -> managementService.setJobDuedate(job.getId(), due.get(variable))));
    for (Task task : taskService.createTaskQuery().processInstanceId(instance.getId()).list()) {
      String dueVariable = TASKS.get(task.getTaskDefinitionKey());
      if (dueVariable != null) {
        task.setDueDate(due.get(dueVariable));
        taskService.saveTask(task);
      }
    }
    return true;
  }
}
