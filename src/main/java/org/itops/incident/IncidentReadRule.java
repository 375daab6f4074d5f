package org.itops.incident;

import java.util.Set;
import org.itops.platform.CurrentUser;
import org.itops.platform.ReadRule;
import org.springframework.stereotype.Component;

/**
 * Who reads incidents: those who watch incident-lifecycle ({@code itops.access}) read all; anybody else reads the
 * incidents they reported and those assigned to one of their groups (which work on them in Tasklist).
 */
@Component
class IncidentReadRule extends ReadRule {

  private final IncidentRepository incidents;

  IncidentReadRule(CurrentUser currentUser, IncidentRepository incidents) {
    super(currentUser, Set.of(IncidentProcess.RECORD_PREFIX), Set.of(), Set.of(IncidentProcess.KEY));
    this.incidents = incidents;
  }

  @Override
  protected boolean readsOne(String number) {
    return incidents.find(number).filter(incident -> currentUser.id().equals(incident.getReporter())
        || incident.getAssignedGroup() != null && currentUser.groups().contains(incident.getAssignedGroup()))
        .isPresent();
  }

  /**
   * Whether the current user reads the incident only as the one who reported it (neither reading all incidents nor
   * in its group): they get the requester's view of it.
   */
  boolean readsAsReporterOnly(Incident incident) {
    return !readsAll() && currentUser.id().equals(incident.getReporter())
        && (incident.getAssignedGroup() == null || !currentUser.groups().contains(incident.getAssignedGroup()));
  }

  /** Whose incidents a list shows: all (null), or the current user's reports and their groups' incidents. */
  IncidentRepository.Readers listedFor() {
    return readsAll() ? null : new IncidentRepository.Readers(currentUser.id(), currentUser.groups());
  }
}
