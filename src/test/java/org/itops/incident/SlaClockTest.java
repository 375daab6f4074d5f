package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.itops.calendar.BusinessCalendar;
import org.itops.calendar.WorkingSpan;
import org.junit.jupiter.api.Test;

class SlaClockTest {

  private final Instant reported = Instant.parse("2026-03-02T08:00:00Z");
  private final SlaClock clock = new SlaClock(reported, Duration.ofHours(4), Duration.ofDays(3), 0, null, 0,
      BusinessCalendar.ALWAYS);

  @Test
  void dueTimesRunFromTheReport() {
    assertThat(clock.responseDue()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
    assertThat(clock.resolutionDue()).isEqualTo(Instant.parse("2026-03-05T08:00:00Z"));
    assertThat(clock.warningDue()).as("80% of 72 h").isEqualTo(Instant.parse("2026-03-04T17:36:00Z"));
  }

  @Test
  void aCalendarChangeCountsOnlyTheRemainingTimeInTheChangedCalendar() {
    BusinessCalendar nineToFive = new BusinessCalendar("nine-to-five", ZoneOffset.UTC,
        Map.of(DayOfWeek.MONDAY, List.of(new WorkingSpan(LocalTime.of(9, 0), LocalTime.of(17, 0)))), List.of());
    Instant ten = reported.plus(Duration.ofHours(2));

    SlaClock recounted = clock.recounted(nineToFive, ten);

    assertThat(recounted.responseDue()).as("two hours counted around the clock, two hours left from ten")
        .isEqualTo(reported.plus(Duration.ofHours(4)));
    assertThat(recounted.recounted(nineToFive, ten.plusSeconds(60))).as("the same calendar again changes nothing")
        .isEqualTo(recounted);
  }

  @Test
  void aPauseUnderWayAtACalendarChangeKeepsItsTimeCountedAsItWas() {
    BusinessCalendar noWork = new BusinessCalendar("no-work", ZoneOffset.UTC, Map.of(), List.of());
    SlaClock paused = clock.pause(reported.plus(Duration.ofHours(1)));

    SlaClock recounted = paused.recounted(noWork, reported.plus(Duration.ofHours(3)));

    assertThat(recounted.pausedSeconds()).as("two hours paused around the clock").isEqualTo(2 * 3600);
    assertThat(recounted.pausedSince()).isEqualTo(reported.plus(Duration.ofHours(3)));
  }

  @Test
  void aPauseMovesResolutionAndWarningButNotTheResponse() {
    SlaClock resumed = clock.pause(reported.plus(Duration.ofHours(1)))
        .resume(reported.plus(Duration.ofHours(1)).plus(Duration.ofMinutes(42)));

    assertThat(resumed.pausedSeconds()).isEqualTo(42 * 60);
    assertThat(resumed.isPaused()).isFalse();
    assertThat(resumed.resolutionDue()).isEqualTo(clock.resolutionDue().plus(Duration.ofMinutes(42)));
    assertThat(resumed.warningDue()).isEqualTo(clock.warningDue().plus(Duration.ofMinutes(42)));
    assertThat(resumed.responseDue()).isEqualTo(clock.responseDue());
  }

  @Test
  void pausesAddUpAndPausingTwiceKeepsTheFirstStart() {
    Instant t = reported;
    SlaClock twice = clock.pause(t).pause(t.plusSeconds(600)).resume(t.plusSeconds(1200))
        .pause(t.plusSeconds(3000)).resume(t.plusSeconds(3300)).resume(t.plusSeconds(9999));

    assertThat(twice.pausedSeconds()).isEqualTo(1200 + 300);
  }

  @Test
  void newTargetsKeepThePausedTime() {
    SlaClock changed = clock.pause(reported).resume(reported.plusSeconds(600))
        .withTargets(Duration.ofMinutes(15), Duration.ofHours(4));

    assertThat(changed.responseDue()).isEqualTo(reported.plus(Duration.ofMinutes(15)));
    assertThat(changed.resolutionDue()).isEqualTo(reported.plus(Duration.ofHours(4)).plusSeconds(600));
  }

  @Test
  void aTargetThatIsNoDurationSaysWhereToFixIt() {
    assertThatThrownBy(() -> SlaClock.duration("4 hours")).hasMessageContaining("service-level-targets");
  }
}
