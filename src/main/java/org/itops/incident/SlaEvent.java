package org.itops.incident;

/** What an SLA timer of the incident process signals (the input parameter slaEvent of its step). */
enum SlaEvent {
  RESPONSE_BREACH,
  RESOLUTION_WARNING,
  RESOLUTION_BREACH;

  String describe(Incident incident) {
    return switch (this) {
      case RESPONSE_BREACH -> "Nobody took the incident by " + incident.getResponseDue();
      case RESOLUTION_WARNING -> "80% of the resolution target used; due " + incident.getResolutionDue();
      case RESOLUTION_BREACH -> "Not resolved by " + incident.getResolutionDue();
    };
  }
}
