package org.itops.calendar;

import java.time.LocalDate;

/** A date that a calendar takes out of its working week (a holiday) or adds to it (a make-up working day). */
public record CalendarDay(LocalDate date, Kind kind, String name) {

  /** A public holiday, or a working day on a date the week does not work (China's make-up days). */
  public enum Kind { HOLIDAY, WORKING }
}
