package org.itops.alert;

import java.time.Instant;

/** The row of an alert (table {@code alert}): its identity and its current episode. */
public class AlertRecord {

  /** Whether the alert fires now. */
  public enum Status { FIRING, RESOLVED }

  private String number;
  private String source;
  private String identity;
  private Status status;
  private String level;
  private String alertName;
  private String severity;
  private String service;
  private String environment;
  private String instance;
  private String summary;
  private String description;
  private String labels;
  private String generatorUrl;
  private Instant startsAt;
  private Instant endsAt;
  private Instant firstSeen;
  private Instant lastSeen;
  private long occurrences;
  private int episodes;
  private String incidentNumber;
  private Instant resolvedAt;

  public String getNumber() { return number; }
  public void setNumber(String number) { this.number = number; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
  public String getIdentity() { return identity; }
  public void setIdentity(String identity) { this.identity = identity; }
  public Status getStatus() { return status; }
  public void setStatus(Status status) { this.status = status; }
  public String getLevel() { return level; }
  public void setLevel(String level) { this.level = level; }
  public String getAlertName() { return alertName; }
  public void setAlertName(String alertName) { this.alertName = alertName; }
  public String getSeverity() { return severity; }
  public void setSeverity(String severity) { this.severity = severity; }
  public String getService() { return service; }
  public void setService(String service) { this.service = service; }
  public String getEnvironment() { return environment; }
  public void setEnvironment(String environment) { this.environment = environment; }
  public String getInstance() { return instance; }
  public void setInstance(String instance) { this.instance = instance; }
  public String getSummary() { return summary; }
  public void setSummary(String summary) { this.summary = summary; }
  public String getDescription() { return description; }
  public void setDescription(String description) { this.description = description; }
  public String getLabels() { return labels; }
  public void setLabels(String labels) { this.labels = labels; }
  public String getGeneratorUrl() { return generatorUrl; }
  public void setGeneratorUrl(String generatorUrl) { this.generatorUrl = generatorUrl; }
  public Instant getStartsAt() { return startsAt; }
  public void setStartsAt(Instant startsAt) { this.startsAt = startsAt; }
  public Instant getEndsAt() { return endsAt; }
  public void setEndsAt(Instant endsAt) { this.endsAt = endsAt; }
  public Instant getFirstSeen() { return firstSeen; }
  public void setFirstSeen(Instant firstSeen) { this.firstSeen = firstSeen; }
  public Instant getLastSeen() { return lastSeen; }
  public void setLastSeen(Instant lastSeen) { this.lastSeen = lastSeen; }
  public long getOccurrences() { return occurrences; }
  public void setOccurrences(long occurrences) { this.occurrences = occurrences; }
  public int getEpisodes() { return episodes; }
  public void setEpisodes(int episodes) { this.episodes = episodes; }
  public String getIncidentNumber() { return incidentNumber; }
  public void setIncidentNumber(String incidentNumber) { this.incidentNumber = incidentNumber; }
  public Instant getResolvedAt() { return resolvedAt; }
  public void setResolvedAt(Instant resolvedAt) { this.resolvedAt = resolvedAt; }
}
