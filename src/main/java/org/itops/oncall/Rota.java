package org.itops.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A support group's rota: its members take turns of {@code shiftDays} days, handing over at {@code handover} local
 * time in {@code zone}; the first member starts the first shift on {@code startsOn}. An override puts someone else
 * on duty for its time.
 *
 * @param manager who is paged when neither the person on duty nor the next one acknowledges a page
 */
public record Rota(String group, String manager, ZoneId zone, LocalTime handover, int shiftDays, LocalDate startsOn,
    List<String> members, List<RotaOverride> overrides) {

  /** Who is on duty at the instant: the person of an override that covers it, else the rotation's member. */
  public String whoIsOnDuty(Instant instant) {
    return overrides.stream().filter(override -> override.covers(instant)).map(RotaOverride::person).findFirst()
        .orElseGet(() -> members.get(shiftAt(instant)));
  }

  /**
   * The member who takes over from the person: the one after them in the rotation; for someone who is not a member
   * (on duty by an override), the rotation's member at the instant. Empty when there is nobody else.
   */
  public Optional<String> nextAfter(String person, Instant instant) {
    int position = members.indexOf(person);
    String next = position < 0 ? members.get(shiftAt(instant)) : members.get((position + 1) % members.size());
    return next.equals(person) ? Optional.empty() : Optional.of(next);
  }

  /** The position of the rotation's member on duty: a shift begins at the handover, so before it the day before's. */
  private int shiftAt(Instant instant) {
    var local = instant.atZone(zone);
    LocalDate shiftDay = local.toLocalTime().isBefore(handover) ? local.toLocalDate().minusDays(1)
        : local.toLocalDate();
    long shifts = Math.floorDiv(ChronoUnit.DAYS.between(startsOn, shiftDay), shiftDays);
    return (int) Math.floorMod(shifts, members.size());
  }
}
