package org.itops.demand;

import java.time.Instant;
import java.time.LocalDate;

/** A demand as stored; {@code specVersion} is the version of its specification in force (0: not documented yet). */
public record Demand(String number, String title, String businessNeed, String expectedBenefit, LocalDate requestedDate,
    String costBand, String affectedServices, String requester, Status status, String feasibility, Integer effortDays,
    String risk, String approvalRoute, int rejections, int specVersion, Integer feedbackRating, String feedbackComment,
    Instant createdAt, Instant updatedAt, Instant closedAt) {

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
