package org.itops.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.itops.platform.InvalidRequestException.FieldError;

/**
 * The SLA a service's owner agrees: the tier (the column of DMN {@code service-level-targets} that gives incidents
 * their response and resolution targets), the hours of service ({@code 24x7} or the name of a business calendar, in
 * whose working time the incidents' SLA clocks count) and the availability target in percent.
 */
public record ServiceLevel(String tier, String hours, BigDecimal availabilityTarget) {

  public static final List<String> TIERS = List.of("gold", "silver", "bronze");
  /** The hours the onboarding forms offer: 24x7 and the calendars the suite ships (others through the API). */
  public static final List<String> HOURS = List.of("24x7", "business-hours", "cn-working-days");
  private static final BigDecimal MIN_AVAILABILITY = new BigDecimal("90");
  private static final BigDecimal MAX_AVAILABILITY = new BigDecimal("100");

  /** Adds what is wrong; the hours must be one of {@code hoursNames} (24x7 and the calendars'). */
  void addErrors(List<FieldError> errors, List<String> hoursNames) {
    if (tier == null || !TIERS.contains(tier)) {
      errors.add(tier == null ? new FieldError("tier", "reason.requiredOneOf", TIERS)
          : new FieldError("tier", "reason.notOneOf", tier, TIERS));
    }
    if (hours == null || !hoursNames.contains(hours)) {
      errors.add(hours == null ? new FieldError("hours", "reason.requiredOneOf", hoursNames)
          : new FieldError("hours", "reason.notOneOf", hours, hoursNames));
    }
    if (availabilityTarget == null) {
      errors.add(new FieldError("availabilityTarget", "reason.service.availabilityRequired"));
    } else if (availabilityTarget.compareTo(MIN_AVAILABILITY) < 0 || availabilityTarget.compareTo(MAX_AVAILABILITY) > 0
        || availabilityTarget.stripTrailingZeros().scale() > 3) {
      errors.add(new FieldError("availabilityTarget", "reason.availability"));
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
