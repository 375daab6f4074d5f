package org.itops.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.itops.calendar.BusinessCalendar;
import org.itops.calendar.MinuteByMinute;
import org.itops.calendar.MinuteByMinute.Pause;
import org.itops.calendar.RandomCalendars;
import org.junit.jupiter.api.Test;

/**
 * The SLA clock's due times against the minute-by-minute reference over thousands of random calendars, reports,
 * targets and pauses for the requester: the response due when its target of working time has passed since the
 * report, the resolution (and the warning at 80%) when its target of working time has passed outside the pauses.
 * A failure names its seed.
 */
class SlaClockPropertiesTest {

  private static final int CASES = 2000;
  private static final long SEED = new Random().nextLong();

  @Test
  void dueTimesAreWhenTheTargetsOfWorkingTimeOutsideThePausesHavePassed() {
    RandomCalendars draw = new RandomCalendars(SEED);
    Random random = draw.random();
    int compared = 0;
    for (int i = 0; i < CASES; i++) {
      BusinessCalendar calendar = draw.calendar();
      Instant reported = draw.instant();
      long response = 5L * (1 + random.nextInt(100));
      long resolution = 5L * (1 + random.nextInt(200));
      SlaClock clock = new SlaClock(reported, Duration.ofMinutes(response), Duration.ofMinutes(resolution), 0, null, 0,
          calendar);
      List<Pause> pauses = new ArrayList<>();
      Instant at = reported;
      for (int p = random.nextInt(4); p > 0; p--) {
        Pause pause = new Pause(at.plus(Duration.ofMinutes(random.nextInt(2000))),
            at.plus(Duration.ofMinutes(2000 + random.nextInt(2000))));
        clock = clock.pause(pause.start()).resume(pause.end());
        pauses.add(pause);
        at = pause.end();
      }
      String described = "seed %d case %d: %s (%s, %s, %s) reported %s, targets %d/%d min, pauses %s".formatted(SEED,
          i, calendar, calendar.zone(), calendar.week(), calendar.days(), reported, response, resolution, pauses);

      assertThat(clock.responseDue()).as(described).isEqualTo(MinuteByMinute.add(calendar, reported, response));
      Instant resolutionDue = MinuteByMinute.add(calendar, reported, resolution, pauses);
      Instant warningDue = MinuteByMinute.add(calendar, reported, resolution * 4 / 5, pauses);
      // a pause after the due time moves it on (as the clock always did); the reference counts up to the due time
      if (pauses.stream().allMatch(pause -> pause.start().isBefore(warningDue))) {
        assertThat(clock.resolutionDue()).as(described).isEqualTo(resolutionDue);
        assertThat(clock.warningDue()).as(described).isEqualTo(warningDue);
        compared++;
      }
    }
    assertThat(compared).as("cases whose pauses all began before the warning").isGreaterThan(CASES / 4);
  }
}
