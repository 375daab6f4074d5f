package org.itops.problem;

import java.time.Instant;
import java.util.List;

/** A problem: the cause behind one or more incidents, from investigation to its fix and watch. */
public record Problem(String number, String title, String description, String category, String configurationItem,
    String service, Source source, Status status, String rootCause, String contributingFactors, String workaround,
    String knownErrorArticle, String fixChange, String raisedBy, Instant createdAt, Instant rootCauseAt,
    Instant fixedAt, boolean recurredAfterFix, Instant updatedAt, Instant closedAt, List<String> incidents) {

  /** How the problem was raised. */
  public enum Source { MANUAL, RECURRENCE, MAJOR_INCIDENT }

  public enum Status { INVESTIGATING, FIXING, WATCHING, CLOSED }

  /** The problem with its incidents, which {@code problem_incident} holds. */
  Problem withIncidents(List<String> linked) {
    return new Problem(number, title, description, category, configurationItem, service, source, status, rootCause,
        contributingFactors, workaround, knownErrorArticle, fixChange, raisedBy, createdAt, rootCauseAt, fixedAt,
        recurredAfterFix, updatedAt, closedAt, linked);
  }

  /**
   * What incidents recur on: their configuration item, or their service when they name no item; null when they
   * name neither (nothing to count on).
   */
  static String openKey(String configurationItem, String service, String category) {
    if (configurationItem != null) {
      return "item:" + configurationItem + "|" + category;
    }
    return service == null ? null : "service:" + service + "|" + category;
  }
}
