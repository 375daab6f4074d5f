package org.itops.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is on duty when: the rotation's handovers, overrides, and who takes over from whom. */
class RotaTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Test
  void aHandoverAtMidnightChangesThePersonOnDutyBetween235959And0000() {
    Rota daily = rota(LocalTime.MIDNIGHT, 1, List.of());

    assertThat(daily.whoIsOnDuty(at("2026-12-01T23:59:59"))).isEqualTo("ann");
    assertThat(daily.whoIsOnDuty(at("2026-12-02T00:00:00"))).isEqualTo("bob");
    assertThat(daily.whoIsOnDuty(at("2026-12-03T00:00:00"))).isEqualTo("cy");
    assertThat(daily.whoIsOnDuty(at("2026-12-04T00:00:00"))).as("the rotation wraps").isEqualTo("ann");
  }

  @Test
  void aWeeklyShiftHandsOverAtItsTimeInTheRotasZone() {
    Rota weekly = rota(LocalTime.of(9, 0), 7, List.of());

    assertThat(weekly.whoIsOnDuty(at("2026-12-08T08:59:59"))).isEqualTo("ann");
    assertThat(weekly.whoIsOnDuty(at("2026-12-08T09:00:00"))).isEqualTo("bob");
    assertThat(weekly.whoIsOnDuty(at("2026-11-30T08:59:59"))).as("before the first shift: the last member's")
        .isEqualTo("cy");
  }

  @Test
  void anOverrideOverAHolidayPutsItsPersonOnDutyForItsTimeOnly() {
    RotaOverride christmas = new RotaOverride(1, "dee", at("2026-12-24T18:00:00"), at("2026-12-27T09:00:00"),
        "holiday of ann", "manager");
    Rota daily = rota(LocalTime.of(9, 0), 1, List.of(christmas));

    assertThat(daily.whoIsOnDuty(at("2026-12-24T17:59:59"))).isNotEqualTo("dee");
    assertThat(daily.whoIsOnDuty(at("2026-12-24T18:00:00"))).isEqualTo("dee");
    assertThat(daily.whoIsOnDuty(at("2026-12-25T12:00:00"))).isEqualTo("dee");
    assertThat(daily.whoIsOnDuty(at("2026-12-27T08:59:59"))).isEqualTo("dee");
    assertThat(daily.whoIsOnDuty(at("2026-12-27T09:00:00"))).as("the end is not covered")
        .isEqualTo(rota(LocalTime.of(9, 0), 1, List.of()).whoIsOnDuty(at("2026-12-27T09:00:00")));
  }

  @Test
  void theNextPersonIsTheFollowingMemberOrForAnOverridesPersonTheRotations() {
    Rota daily = rota(LocalTime.MIDNIGHT, 1, List.of());

    assertThat(daily.nextAfter("ann", at("2026-12-01T12:00:00"))).contains("bob");
    assertThat(daily.nextAfter("cy", at("2026-12-01T12:00:00"))).contains("ann");
    assertThat(daily.nextAfter("dee", at("2026-12-02T12:00:00"))).contains("bob");
    assertThat(new Rota("g", "boss", SHANGHAI, LocalTime.MIDNIGHT, 1, LocalDate.of(2026, 12, 1), List.of("ann"),
        List.of()).nextAfter("ann", at("2026-12-01T12:00:00"))).as("nobody else").isEmpty();
  }

  @Test
  void overridesOverlapWhenTheyShareAnInstantAndTouchingOnesDoNot() {
    RotaOverride first = new RotaOverride(1, "dee", at("2026-12-24T00:00:00"), at("2026-12-26T00:00:00"), "x", "m");

    assertThat(first.overlaps(at("2026-12-25T00:00:00"), at("2026-12-27T00:00:00"))).isTrue();
    assertThat(first.overlaps(at("2026-12-26T00:00:00"), at("2026-12-27T00:00:00"))).isFalse();
    assertThat(first.overlaps(at("2026-12-23T00:00:00"), at("2026-12-24T00:00:00"))).isFalse();
  }

  /** Members ann, bob, cy; ann's first shift starts on 2026-12-01 (a Tuesday) at the handover, Shanghai time. */
  private static Rota rota(LocalTime handover, int shiftDays, List<RotaOverride> overrides) {
    return new Rota("ops", "boss", SHANGHAI, handover, shiftDays, LocalDate.of(2026, 12, 1),
        List.of("ann", "bob", "cy"), overrides);
  }

  private static Instant at(String shanghaiTime) {
    return LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant();
  }
}
