package org.itops.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** A service of the catalog, as stored; the SLA columns are what is in force once it is published. */
public record CatalogEntry(String number, String name, String description, String owner, String supportGroup,
    String tier, String hours, BigDecimal availabilityTarget, Status status, int slaVersion, Instant publishedAt,
    Instant lastReviewedAt, Instant createdAt, Instant updatedAt) {

  public enum Status { DRAFT, PUBLISHED, WITHDRAWN, RETIRED }

  /** The target as a number without trailing zeros: its column's 99.900 reads as 99.9, as the SLA was agreed. */
  public CatalogEntry {
    availabilityTarget = availabilityTarget == null ? null : availabilityTarget.stripTrailingZeros();
  }

  ServiceLevel level() {
    return new ServiceLevel(tier, hours, availabilityTarget);
  }
}
