package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlaClockTest {

  private final Instant reported = Instant.parse("2026-03-02T08:00:00Z");
  private final SlaClock clock = new SlaClock(reported, Duration.ofHours(4), Duration.ofDays(3), 0, null);

  @Test
  void dueTimesRunFromTheReport() {
    assertThat(clock.responseDue()).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
    assertThat(clock.resolutionDue()).isEqualTo(Instant.parse("2026-03-05T08:00:00Z"));
    assertThat(clock.warningDue()).as("80% of 72 h").isEqualTo(Instant.parse("2026-03-04T17:36:00Z"));
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
