package org.itops.incident;

import java.time.Instant;

/** What an SLA timer of the incident process signals (the input parameter slaEvent of its step). */
enum SlaEvent {
  RESPONSE_BREACH,
  RESOLUTION_WARNING,
  RESOLUTION_BREACH;

  /** The text of the event on the incident's timeline; {0} is {@link #due}. */
  String timelineKey() {
    return switch (this) {
      case RESPONSE_BREACH -> "timeline.incident.responseBreach";
      case RESOLUTION_WARNING -> "timeline.incident.resolutionWarning";
      case RESOLUTION_BREACH -> "timeline.incident.resolutionBreach";
    };
  }

  /** The due time the event is about. */
  Instant due(Incident incident) {
    return this == RESPONSE_BREACH ? incident.getResponseDue() : incident.getResolutionDue();
  }
}
