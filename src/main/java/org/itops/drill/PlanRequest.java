package org.itops.drill;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.itops.platform.InvalidRequestException.FieldError;

/** A new or changed emergency plan, as {@code /api/emergency-plans} receives it. */
record PlanRequest(String name, String scenario, String ownerGroup, List<String> participatingTeams,
    Integer rtoMinutes, Integer rpoMinutes, Integer frequencyDays, Instant nextDrillAt) {

  /** Everything wrong with the plan; {@code groups} are the suite's groups, {@code now} the time. */
  List<FieldError> fieldErrors(Set<String> groups, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 100) {
      errors.add(new FieldError("name", "is required (at most 100 characters)"));
    }
    if (scenario == null || scenario.isBlank() || scenario.length() > 4000) {
      errors.add(new FieldError("scenario", "is required (at most 4000 characters)"));
    }
    if (ownerGroup == null || !groups.contains(ownerGroup)) {
      errors.add(new FieldError("ownerGroup", "is required, one of the suite's groups " + groups));
    }
    if (participatingTeams == null || participatingTeams.isEmpty()) {
      errors.add(new FieldError("participatingTeams", "name at least one team (a group of the suite)"));
    } else {
      participatingTeams.stream().filter(team -> team == null || !groups.contains(team)).forEach(team ->
          errors.add(new FieldError("participatingTeams", "'" + team + "' is not a group of the suite")));
      if (Set.copyOf(participatingTeams.stream().filter(t -> t != null).toList()).size() != participatingTeams.size()) {
        errors.add(new FieldError("participatingTeams", "names a team twice"));
      }
    }
    if (rtoMinutes == null || rtoMinutes < 1) {
      errors.add(new FieldError("rtoMinutes", "is required: the recovery time objective in minutes, 1 or more"));
    }
    if (rpoMinutes == null || rpoMinutes < 0) {
      errors.add(new FieldError("rpoMinutes", "is required: the recovery point objective in minutes, 0 or more"));
    }
    if (frequencyDays == null || frequencyDays < 1 || frequencyDays > 3660) {
      errors.add(new FieldError("frequencyDays", "is required: days between drills, 1 to 3660"));
    }
    if (nextDrillAt == null || nextDrillAt.isBefore(now)) {
      errors.add(new FieldError("nextDrillAt", "is required and must not be in the past"));
    }
    return errors;
  }
}
