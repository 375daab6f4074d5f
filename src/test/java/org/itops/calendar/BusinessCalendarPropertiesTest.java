package org.itops.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BusinessCalendar}'s arithmetic against the minute-by-minute reference ({@link MinuteByMinute}) over thousands
 * of random calendars, instants and working times across weekends, holidays, make-up days, midnight and the days
 * clocks change. A failure names its seed: run the case again with it.
 */
class BusinessCalendarPropertiesTest {

  private static final int CASES = 3000;
  private static final long SEED = new Random().nextLong();

  @Test
  void addingWorkingTimeEndsWhereTheReferenceDoes() {
    RandomCalendars draw = new RandomCalendars(SEED);
    for (int i = 0; i < CASES; i++) {
      BusinessCalendar calendar = draw.calendar();
      Instant from = draw.instant();
      long minutes = draw.random().nextInt(draw.random().nextBoolean() ? 600 : 3 * 24 * 60);

      assertThat(calendar.addWorkingTime(from, Duration.ofMinutes(minutes)))
          .as("seed %d case %d: %s (%s, %s, %s) + %d min from %s", SEED, i, calendar, calendar.zone(),
              calendar.week(), calendar.days(), minutes, from)
          .isEqualTo(MinuteByMinute.add(calendar, from, minutes));
    }
  }

  @Test
  void theWorkingTimeBetweenTwoInstantsIsTheReferencesCount() {
    RandomCalendars draw = new RandomCalendars(SEED);
    for (int i = 0; i < CASES; i++) {
      BusinessCalendar calendar = draw.calendar();
      Instant from = draw.instant();
      Instant to = from.plus(Duration.ofMinutes(draw.random().nextInt(6 * 24 * 60) - 60));

      assertThat(calendar.workingTimeBetween(from, to))
          .as("seed %d case %d: %s (%s, %s, %s) from %s to %s", SEED, i, calendar, calendar.zone(), calendar.week(),
              calendar.days(), from, to)
          .isEqualTo(Duration.ofMinutes(MinuteByMinute.between(calendar, from, to)));
    }
  }

  @Test
  void whatIsAddedIsTheWorkingTimeBetween() {
    RandomCalendars draw = new RandomCalendars(SEED);
    for (int i = 0; i < CASES; i++) {
      BusinessCalendar calendar = draw.calendar();
      Instant from = draw.instant();
      Duration added = Duration.ofSeconds(draw.random().nextInt(5 * 24 * 3600));

      assertThat(calendar.workingTimeBetween(from, calendar.addWorkingTime(from, added)))
          .as("seed %d case %d", SEED, i).isEqualTo(added);
    }
  }
}
