package org.itops.demand;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A demand (table {@code demand}); mapped by property name to the snake_case columns. A class with setters, as the
 * many steps of its processes each set a few of its fields. {@code specVersion} is the version of its specification
 * in force (0: not documented yet).
 */
public class Demand {

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

  private String number;
  private String title;
  private String businessNeed;
  private String expectedBenefit;
  private LocalDate requestedDate;
  private String costBand;
  private String affectedServices;
  private String requester;
  private Status status;
  private String feasibility;
  private Integer effortDays;
  private String risk;
  private String approvalRoute;
  private int rejections;
  private int specVersion;
  private Integer feedbackRating;
  private String feedbackComment;
  private Instant createdAt;
  private Instant updatedAt;
  private Instant closedAt;

  /** The demand at {@code newStatus} since {@code now}; an end status closes it. */
  void moveTo(Status newStatus, Instant now) {
    status = newStatus;
    updatedAt = now;
    if (newStatus.isEnd()) {
      closedAt = now;
    }
  }

  public String getNumber() { return number; }
  public void setNumber(String number) { this.number = number; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public String getBusinessNeed() { return businessNeed; }
  public void setBusinessNeed(String businessNeed) { this.businessNeed = businessNeed; }
  public String getExpectedBenefit() { return expectedBenefit; }
  public void setExpectedBenefit(String expectedBenefit) { this.expectedBenefit = expectedBenefit; }
  public LocalDate getRequestedDate() { return requestedDate; }
  public void setRequestedDate(LocalDate requestedDate) { this.requestedDate = requestedDate; }
  public String getCostBand() { return costBand; }
  public void setCostBand(String costBand) { this.costBand = costBand; }
  public String getAffectedServices() { return affectedServices; }
  public void setAffectedServices(String affectedServices) { this.affectedServices = affectedServices; }
  public String getRequester() { return requester; }
  public void setRequester(String requester) { this.requester = requester; }
  public Status getStatus() { return status; }
  public void setStatus(Status status) { this.status = status; }
  public String getFeasibility() { return feasibility; }
  public void setFeasibility(String feasibility) { this.feasibility = feasibility; }
  public Integer getEffortDays() { return effortDays; }
  public void setEffortDays(Integer effortDays) { this.effortDays = effortDays; }
  public String getRisk() { return risk; }
  public void setRisk(String risk) { this.risk = risk; }
  public String getApprovalRoute() { return approvalRoute; }
  public void setApprovalRoute(String approvalRoute) { this.approvalRoute = approvalRoute; }
  public int getRejections() { return rejections; }
  public void setRejections(int rejections) { this.rejections = rejections; }
  public int getSpecVersion() { return specVersion; }
  public void setSpecVersion(int specVersion) { this.specVersion = specVersion; }
  public Integer getFeedbackRating() { return feedbackRating; }
  public void setFeedbackRating(Integer feedbackRating) { this.feedbackRating = feedbackRating; }
  public String getFeedbackComment() { return feedbackComment; }
  public void setFeedbackComment(String feedbackComment) { this.feedbackComment = feedbackComment; }
  public Instant getCreatedAt() { return createdAt; }
  public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
  public Instant getClosedAt() { return closedAt; }
  public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
}
