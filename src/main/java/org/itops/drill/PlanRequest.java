package org.itops.drill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.itops.platform.InvalidRequestException.FieldError;

/** A new or changed emergency plan, as {@code /api/emergency-plans} receives it. */
record PlanRequest(String name, String scenario, String ownerGroup, List<String> participatingTeams,
    Integer rtoMinutes, Integer rpoMinutes, Integer frequencyDays, Instant nextDrillAt) {

  /** The plan as stored: {@code id} null for a new one, which {@code createdBy} creates now. */
  EmergencyPlan toPlan(Long id, String createdBy, Instant createdAt, Instant now) {
    return new EmergencyPlan(id, name.strip(), scenario.strip(), ownerGroup, participatingTeams, rtoMinutes,
        rpoMinutes, frequencyDays, nextDrillAt, createdBy, createdAt, now);
  }

  /** Everything wrong with the plan; {@code groups} are the suite's staff groups, {@code now} the time. */
  List<FieldError> fieldErrors(Set<String> groups, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 100) {
      errors.add(new FieldError("name", "reason.requiredMaxLength", 100));
    }
    if (scenario == null || scenario.isBlank() || scenario.length() > 4000) {
      errors.add(new FieldError("scenario", "reason.requiredMaxLength", 4000));
    }
    if (ownerGroup == null || !groups.contains(ownerGroup)) {
      errors.add(new FieldError("ownerGroup", "reason.requiredGroup", groups));
    }
    if (participatingTeams == null || participatingTeams.isEmpty()) {
      errors.add(new FieldError("participatingTeams", "reason.teamRequired"));
    } else {
      participatingTeams.stream().filter(team -> team == null || !groups.contains(team)).forEach(team ->
          errors.add(new FieldError("participatingTeams", "reason.notAGroup", team)));
      if (Set.copyOf(participatingTeams.stream().filter(t -> t != null).toList()).size() != participatingTeams.size()) {
        errors.add(new FieldError("participatingTeams", "reason.teamTwice"));
      }
    }
    if (rtoMinutes == null || rtoMinutes < 1) {
      errors.add(new FieldError("rtoMinutes", "reason.plan.rto"));
    }
    if (rpoMinutes == null || rpoMinutes < 0) {
      errors.add(new FieldError("rpoMinutes", "reason.plan.rpo"));
    }
    if (frequencyDays == null || frequencyDays < 1 || frequencyDays > 3660) {
      errors.add(new FieldError("frequencyDays", "reason.plan.frequency"));
    }
    if (nextDrillAt == null || nextDrillAt.isBefore(now)) {
      errors.add(new FieldError("nextDrillAt", "reason.requiredNotPast"));
    }
    return errors;
  }
}
