package org.itops.incident;

import java.time.Instant;
import org.itops.calendar.BusinessCalendar;

/** An incident record (table {@code incident}); mapped by property name to the snake_case columns. */
public class Incident {

  /** Where an incident is in its life. */
  public enum Status { REGISTERED, ASSIGNED, IN_PROGRESS, WAITING_FOR_REQUESTER, RESOLVED, CLOSED }

  private String number;
  private String title;
  private String description;
  private String impact;
  private String urgency;
  private String category;
  private String configurationItem;
  private String service;
  private String causedByChange;
  private String reporter;
  private String source;
  private Status status;
  private String priority;
  private String computedPriority;
  private String priorityReason;
  private boolean major;
  private boolean outage;
  private Instant outageStart;
  private String assignedGroup;
  private String engineer;
  private String responseTarget;
  private String resolutionTarget;
  private Instant responseDue;
  private Instant warningDue;
  private Instant resolutionDue;
  private Instant respondedAt;
  private boolean responseBreached;
  private boolean resolutionWarned;
  private boolean resolutionBreached;
  private Instant pausedSince;
  private long pausedSeconds;
  private long slaShiftSeconds;
  private Instant reportedAt;
  private Instant resolvedAt;
  private Instant closedAt;
  private String resolutionCode;
  private String resolutionNotes;
  private String closureCode;
  private int reopenCount;
  private boolean knowledgeProposed;
  private Instant alertResolvedAt;
  private Instant updatedAt;

  public String getNumber() { return number; }
  public void setNumber(String number) { this.number = number; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public String getDescription() { return description; }
  public void setDescription(String description) { this.description = description; }
  public String getImpact() { return impact; }
  public void setImpact(String impact) { this.impact = impact; }
  public String getUrgency() { return urgency; }
  public void setUrgency(String urgency) { this.urgency = urgency; }
  public String getCategory() { return category; }
  public void setCategory(String category) { this.category = category; }
  public String getConfigurationItem() { return configurationItem; }
  public void setConfigurationItem(String configurationItem) { this.configurationItem = configurationItem; }
  public String getService() { return service; }
  public void setService(String service) { this.service = service; }
  public String getCausedByChange() { return causedByChange; }
  public void setCausedByChange(String causedByChange) { this.causedByChange = causedByChange; }
  public String getReporter() { return reporter; }
  public void setReporter(String reporter) { this.reporter = reporter; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
  public Status getStatus() { return status; }
  public void setStatus(Status status) { this.status = status; }
  public String getPriority() { return priority; }
  public void setPriority(String priority) { this.priority = priority; }
  public String getComputedPriority() { return computedPriority; }
  public void setComputedPriority(String computedPriority) { this.computedPriority = computedPriority; }
  public String getPriorityReason() { return priorityReason; }
  public void setPriorityReason(String priorityReason) { this.priorityReason = priorityReason; }
  public boolean isMajor() { return major; }
  public void setMajor(boolean major) { this.major = major; }
  public boolean isOutage() { return outage; }
  public void setOutage(boolean outage) { this.outage = outage; }
  public Instant getOutageStart() { return outageStart; }
  public void setOutageStart(Instant outageStart) { this.outageStart = outageStart; }
  public String getAssignedGroup() { return assignedGroup; }
  public void setAssignedGroup(String assignedGroup) { this.assignedGroup = assignedGroup; }
  public String getEngineer() { return engineer; }
  public void setEngineer(String engineer) { this.engineer = engineer; }
  public String getResponseTarget() { return responseTarget; }
  public void setResponseTarget(String responseTarget) { this.responseTarget = responseTarget; }
  public String getResolutionTarget() { return resolutionTarget; }
  public void setResolutionTarget(String resolutionTarget) { this.resolutionTarget = resolutionTarget; }
  public Instant getResponseDue() { return responseDue; }
  public void setResponseDue(Instant responseDue) { this.responseDue = responseDue; }
  public Instant getWarningDue() { return warningDue; }
  public void setWarningDue(Instant warningDue) { this.warningDue = warningDue; }
  public Instant getResolutionDue() { return resolutionDue; }
  public void setResolutionDue(Instant resolutionDue) { this.resolutionDue = resolutionDue; }
  public Instant getRespondedAt() { return respondedAt; }
  public void setRespondedAt(Instant respondedAt) { this.respondedAt = respondedAt; }
  public boolean isResponseBreached() { return responseBreached; }
  public void setResponseBreached(boolean responseBreached) { this.responseBreached = responseBreached; }
  public boolean isResolutionWarned() { return resolutionWarned; }
  public void setResolutionWarned(boolean resolutionWarned) { this.resolutionWarned = resolutionWarned; }
  public boolean isResolutionBreached() { return resolutionBreached; }
  public void setResolutionBreached(boolean resolutionBreached) { this.resolutionBreached = resolutionBreached; }
  public Instant getPausedSince() { return pausedSince; }
  public void setPausedSince(Instant pausedSince) { this.pausedSince = pausedSince; }
  public long getPausedSeconds() { return pausedSeconds; }
  public void setPausedSeconds(long pausedSeconds) { this.pausedSeconds = pausedSeconds; }
  public long getSlaShiftSeconds() { return slaShiftSeconds; }
  public void setSlaShiftSeconds(long slaShiftSeconds) { this.slaShiftSeconds = slaShiftSeconds; }
  public Instant getReportedAt() { return reportedAt; }
  public void setReportedAt(Instant reportedAt) { this.reportedAt = reportedAt; }
  public Instant getResolvedAt() { return resolvedAt; }
  public void setResolvedAt(Instant resolvedAt) { this.resolvedAt = resolvedAt; }
  public Instant getClosedAt() { return closedAt; }
  public void setClosedAt(Instant closedAt) { this.closedAt = closedAt; }
  public String getResolutionCode() { return resolutionCode; }
  public void setResolutionCode(String resolutionCode) { this.resolutionCode = resolutionCode; }
  public String getResolutionNotes() { return resolutionNotes; }
  public void setResolutionNotes(String resolutionNotes) { this.resolutionNotes = resolutionNotes; }
  public String getClosureCode() { return closureCode; }
  public void setClosureCode(String closureCode) { this.closureCode = closureCode; }
  public int getReopenCount() { return reopenCount; }
  public void setReopenCount(int reopenCount) { this.reopenCount = reopenCount; }
  public boolean isKnowledgeProposed() { return knowledgeProposed; }
  public void setKnowledgeProposed(boolean knowledgeProposed) { this.knowledgeProposed = knowledgeProposed; }
  public Instant getAlertResolvedAt() { return alertResolvedAt; }
  public void setAlertResolvedAt(Instant alertResolvedAt) { this.alertResolvedAt = alertResolvedAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }

  /** The SLA clock of this incident, counting the hours of its service's calendar. */
  SlaClock slaClock(BusinessCalendar calendar) {
    return new SlaClock(reportedAt, SlaClock.duration(responseTarget), SlaClock.duration(resolutionTarget),
        pausedSeconds, pausedSince, slaShiftSeconds, calendar);
  }

  /** Takes over the clock's state and due times. */
  void setSlaClock(SlaClock clock) {
    pausedSeconds = clock.pausedSeconds();
    pausedSince = clock.pausedSince();
    slaShiftSeconds = clock.shiftSeconds();
    responseDue = clock.responseDue();
    warningDue = clock.warningDue();
    resolutionDue = clock.resolutionDue();
  }
}
