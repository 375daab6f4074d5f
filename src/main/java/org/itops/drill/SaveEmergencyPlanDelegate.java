package org.itops.drill;

import static org.itops.platform.FormValues.integer;
import static org.itops.platform.FormValues.text;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.itops.platform.Times;
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
            .map(String::strip).filter(team -> !team.isEmpty()).toList(), integer(execution, "rtoMinutes"),
        integer(execution, "rpoMinutes"), integer(execution, "frequencyDays"), time(execution, "nextDrillAt")));
  }


  /** The form's date-time field; null when missing or unreadable (the plan is refused then). */
  private static Instant time(DelegateExecution execution, String name) {
    try {
      return Times.parse(execution.getVariable(name));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
