package org.itops.drill;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Save emergency plan" of the process emergency-plan: the start form's plan, new or (same name) changed, with the
 * rules of /api/emergency-plans; a refused plan fails the start and Tasklist shows why.
 */
@Component("saveEmergencyPlanDelegate")
class SaveEmergencyPlanDelegate implements JavaDelegate {

  private final DrillService drills;

  SaveEmergencyPlanDelegate(DrillService drills) {
    this.drills = drills;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object teams = execution.getVariable("participatingTeams");
    drills.savePlan(new PlanRequest(text(execution, "name"), text(execution, "scenario"),
        text(execution, "ownerGroup"), teams == null ? List.of() : Arrays.stream(teams.toString().split(","))
            .map(String::strip).filter(team -> !team.isEmpty()).toList(), number(execution, "rtoMinutes"),
        number(execution, "rpoMinutes"), number(execution, "frequencyDays"), time(execution, "nextDrillAt")));
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  private static Integer number(DelegateExecution execution, String name) {
    return execution.getVariable(name) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        ? n.intValue() : null;
  }

  /** The form's date-time field (ISO text with Z) or a Date; null when missing or unreadable (refused then). */
  private static Instant time(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value instanceof Date date) {
      return date.toInstant();
    }
    try {
      return value == null ? null : OffsetDateTime.parse(value.toString().strip()).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
