package org.itops.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.itops.platform.InvalidRequestException.FieldError;

/**
 * The SLA a service's owner agrees: the tier (the column of DMN {@code service-level-targets} that gives incidents
 * their response and resolution targets), the hours of service and the availability target in percent.
 */
public record ServiceLevel(String tier, String hours, BigDecimal availabilityTarget) {

  public static final List<String> TIERS = List.of("gold", "silver", "bronze");
  public static final List<String> HOURS = List.of("24x7", "business-hours");
  private static final BigDecimal MIN_AVAILABILITY = new BigDecimal("90");
  private static final BigDecimal MAX_AVAILABILITY = new BigDecimal("100");

  void addErrors(List<FieldError> errors) {
    if (tier == null || !TIERS.contains(tier)) {
      errors.add(new FieldError("tier", (tier == null ? "is required" : "'" + tier + "' is not a tier") + " (one of "
          + TIERS + ")"));
    }
    if (hours == null || !HOURS.contains(hours)) {
      errors.add(new FieldError("hours", (hours == null ? "is required" : "'" + hours + "' is not known")
          + " (one of " + HOURS + ")"));
    }
    if (availabilityTarget == null) {
      errors.add(new FieldError("availabilityTarget", "is required (percent, e.g. 99.9)"));
    } else if (availabilityTarget.compareTo(MIN_AVAILABILITY) < 0 || availabilityTarget.compareTo(MAX_AVAILABILITY) > 0
        || availabilityTarget.stripTrailingZeros().scale() > 3) {
      errors.add(new FieldError("availabilityTarget", "must be a percentage from 90 to 100 with at most 3 decimals"));
    }
  }

  /** Reads the number a form or JSON sends (a Long, Double or String). */
  static BigDecimal percent(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().strip());
    } catch (NumberFormatException notANumber) {
      return BigDecimal.valueOf(-1);
    }
  }

  @Override
  public String toString() {
    return tier + ", " + hours + ", " + availabilityTarget.stripTrailingZeros().toPlainString() + "% available";
  }
}
