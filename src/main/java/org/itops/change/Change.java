package org.itops.change;

import java.time.Instant;
import java.util.List;

/** A change as stored, with the configuration items it touches ({@code name@environment}). */
public record Change(String number, String summary, String reason, String requestedType, String impact,
    String classification, String risk, String implementationPlan, String backoutPlan, String testEvidence,
    Instant plannedStart, Instant plannedEnd, String requester, String sourceRecord, Status status, String outcome,
    String outcomeNotes, Instant createdAt, Instant updatedAt, Instant closedAt, List<String> configurationItems) {

  public enum Status { REGISTERED, ASSESSMENT, APPROVAL, SCHEDULING, SCHEDULED, IMPLEMENTING, REVIEW, CLOSED }

  /** How a change ended. */
  public enum Outcome { SUCCESSFUL, FAILED, BACKED_OUT, CANCELLED, REJECTED }

  Change with(Status newStatus, Instant now) {
    return new Change(number, summary, reason, requestedType, impact, classification, risk, implementationPlan,
        backoutPlan, testEvidence, plannedStart, plannedEnd, requester, sourceRecord, newStatus, outcome, outcomeNotes,
        createdAt, now, closedAt, configurationItems);
  }

  Change classified(String newClassification, String newRisk, Instant now) {
    return new Change(number, summary, reason, requestedType, impact, newClassification, newRisk, implementationPlan,
        backoutPlan, testEvidence, plannedStart, plannedEnd, requester, sourceRecord, Status.ASSESSMENT, outcome,
        outcomeNotes, createdAt, now, closedAt, configurationItems);
  }

  Change rescheduled(Instant start, Instant end, Instant now) {
    return new Change(number, summary, reason, requestedType, impact, classification, risk, implementationPlan,
        backoutPlan, testEvidence, start, end, requester, sourceRecord, status, outcome, outcomeNotes, createdAt, now,
        closedAt, configurationItems);
  }

  Change closed(Outcome how, String notes, Instant now) {
    return new Change(number, summary, reason, requestedType, impact, classification, risk, implementationPlan,
        backoutPlan, testEvidence, plannedStart, plannedEnd, requester, sourceRecord, Status.CLOSED, how.name(), notes,
        createdAt, now, now, configurationItems);
  }

  /** The change with its configuration items, which {@code change_item} holds. */
  Change withItems(List<String> items) {
    return new Change(number, summary, reason, requestedType, impact, classification, risk, implementationPlan,
        backoutPlan, testEvidence, plannedStart, plannedEnd, requester, sourceRecord, status, outcome, outcomeNotes,
        createdAt, updatedAt, closedAt, items);
  }

  boolean isOpen() {
    return status != Status.CLOSED;
  }
}
