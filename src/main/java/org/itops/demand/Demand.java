package org.itops.demand;

import java.time.Instant;
import java.time.LocalDate;

/** A demand as stored; {@code specVersion} is the version of its specification in force (0: not documented yet). */
public record Demand(String number, String title, String businessNeed, String expectedBenefit, LocalDate requestedDate,
    String costBand, String affectedServices, String requester, Status status, String feasibility, Integer effortDays,
    String risk, String approvalRoute, int rejections, int specVersion, Integer feedbackRating, String feedbackComment,
    Instant createdAt, Instant updatedAt, Instant closedAt) {

  /** The demand at {@code status}; an end status closes it. */
  Demand with(Status newStatus, Instant now) {
    return new Demand(number, title, businessNeed, expectedBenefit, requestedDate, costBand, affectedServices,
        requester, newStatus, feasibility, effortDays, risk, approvalRoute, rejections, specVersion, feedbackRating,
        feedbackComment, createdAt, now, newStatus.isEnd() ? now : closedAt);
  }

  Demand analysed(String newFeasibility, Integer newEffortDays, String newRisk, Instant now) {
    return new Demand(number, title, businessNeed, expectedBenefit, requestedDate, costBand, affectedServices,
        requester, status, newFeasibility, newEffortDays, newRisk, approvalRoute, rejections, specVersion,
        feedbackRating, feedbackComment, createdAt, now, closedAt);
  }

  Demand specified(int version, Instant now) {
    return new Demand(number, title, businessNeed, expectedBenefit, requestedDate, costBand, affectedServices,
        requester, status, feasibility, effortDays, risk, approvalRoute, rejections, version, feedbackRating,
        feedbackComment, createdAt, now, closedAt);
  }

  /** Sent to approval by {@code route}. */
  Demand routed(String route, Instant now) {
    return new Demand(number, title, businessNeed, expectedBenefit, requestedDate, costBand, affectedServices,
        requester, Status.APPROVAL, feasibility, effortDays, risk, route, rejections, specVersion, feedbackRating,
        feedbackComment, createdAt, now, closedAt);
  }

  /** One more rejection, which leaves the demand at {@code newStatus}. */
  Demand rejected(Status newStatus, Instant now) {
    return new Demand(number, title, businessNeed, expectedBenefit, requestedDate, costBand, affectedServices,
        requester, newStatus, feasibility, effortDays, risk, approvalRoute, rejections + 1, specVersion,
        feedbackRating, feedbackComment, createdAt, now, newStatus.isEnd() ? now : closedAt);
  }

  /** The requester's revision after a rejection, analysed again. */
  Demand revised(String newTitle, String newBusinessNeed, String newExpectedBenefit, String newCostBand, Instant now) {
    return new Demand(number, newTitle, newBusinessNeed, newExpectedBenefit, requestedDate, newCostBand,
        affectedServices, requester, Status.ANALYSIS, feasibility, effortDays, risk, approvalRoute, rejections,
        specVersion, feedbackRating, feedbackComment, createdAt, now, closedAt);
  }

  /** The cost band and risk as they are with a demand change. */
  Demand changeAnalysed(String newCostBand, String newRisk, Instant now) {
    return new Demand(number, title, businessNeed, expectedBenefit, requestedDate, newCostBand, affectedServices,
        requester, status, feasibility, effortDays, newRisk, approvalRoute, rejections, specVersion, feedbackRating,
        feedbackComment, createdAt, now, closedAt);
  }

  Demand withFeedback(int rating, String comment, Instant now) {
    return new Demand(number, title, businessNeed, expectedBenefit, requestedDate, costBand, affectedServices,
        requester, status, feasibility, effortDays, risk, approvalRoute, rejections, specVersion, rating, comment,
        createdAt, now, closedAt);
  }

  /** Where the demand is; the last four end it. */
  public enum Status {
    SUBMITTED, ANALYSIS, APPROVAL, REVISION, APPROVED, IMPLEMENTATION, ACCEPTANCE, WARRANTY, FEEDBACK,
    DELIVERED, REJECTED, WITHDRAWN, CANCELLED;

    boolean isEnd() {
      return ordinal() >= DELIVERED.ordinal();
    }

    /** A change of the demand is taken while it is approved and being delivered. */
    boolean takesChanges() {
      return ordinal() >= APPROVED.ordinal() && ordinal() <= WARRANTY.ordinal();
    }
  }
}
