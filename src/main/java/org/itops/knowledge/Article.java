package org.itops.knowledge;

import static org.itops.platform.FormValues.blankToNull;

import java.time.Instant;

/**
 * A knowledge article (table {@code knowledge_article}): the version being written or the latest published one;
 * mapped by property name to the snake_case columns.
 */
public class Article {

  /** Where an article is in its life. A revision of a published article is DRAFT or IN_REVIEW again. */
  public enum Status { DRAFT, IN_REVIEW, PUBLISHED, RETIRED }

  private String number;
  private String title;
  private String symptoms;
  private String cause;
  private String resolution;
  private String service;
  private String configurationItem;
  private String category;
  private String owningGroup;
  private Status status;
  private int version;
  private Integer publishedVersion;
  private String author;
  private String reviewers;
  private String sourceIncident;
  private long useCount;
  private Instant createdAt;
  private Instant updatedAt;
  private Instant publishedAt;

  /** Whether everybody logged in reads its published version: it has one and is not retired. */
  boolean readByEverybody() {
    return publishedVersion != null && status != Status.RETIRED;
  }

  /** Takes over the content fields of a proposal or of the author's edit. */
  void setContent(ArticleContent content) {
    title = content.title().strip();
    symptoms = blankToNull(content.symptoms());
    cause = blankToNull(content.cause());
    resolution = content.resolution().strip();
    service = blankToNull(content.service());
    configurationItem = blankToNull(content.configurationItem());
    category = blankToNull(content.category());
  }

  ArticleContent content() {
    return new ArticleContent(title, symptoms, cause, resolution, service, configurationItem, category);
  }

  public String getNumber() { return number; }
  public void setNumber(String number) { this.number = number; }
  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public String getSymptoms() { return symptoms; }
  public void setSymptoms(String symptoms) { this.symptoms = symptoms; }
  public String getCause() { return cause; }
  public void setCause(String cause) { this.cause = cause; }
  public String getResolution() { return resolution; }
  public void setResolution(String resolution) { this.resolution = resolution; }
  public String getService() { return service; }
  public void setService(String service) { this.service = service; }
  public String getConfigurationItem() { return configurationItem; }
  public void setConfigurationItem(String configurationItem) { this.configurationItem = configurationItem; }
  public String getCategory() { return category; }
  public void setCategory(String category) { this.category = category; }
  public String getOwningGroup() { return owningGroup; }
  public void setOwningGroup(String owningGroup) { this.owningGroup = owningGroup; }
  public Status getStatus() { return status; }
  public void setStatus(Status status) { this.status = status; }
  public int getVersion() { return version; }
  public void setVersion(int version) { this.version = version; }
  public Integer getPublishedVersion() { return publishedVersion; }
  public void setPublishedVersion(Integer publishedVersion) { this.publishedVersion = publishedVersion; }
  public String getAuthor() { return author; }
  public void setAuthor(String author) { this.author = author; }
  public String getReviewers() { return reviewers; }
  public void setReviewers(String reviewers) { this.reviewers = reviewers; }
  public String getSourceIncident() { return sourceIncident; }
  public void setSourceIncident(String sourceIncident) { this.sourceIncident = sourceIncident; }
  public long getUseCount() { return useCount; }
  public void setUseCount(long useCount) { this.useCount = useCount; }
  public Instant getCreatedAt() { return createdAt; }
  public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
  public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
  public Instant getPublishedAt() { return publishedAt; }
  public void setPublishedAt(Instant publishedAt) { this.publishedAt = publishedAt; }
}
