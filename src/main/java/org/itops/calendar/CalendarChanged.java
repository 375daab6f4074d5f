package org.itops.calendar;

import java.time.Instant;

/**
 * A calendar's hours or days changed: what counts in it (the SLA clocks of open incidents) counts again, the working
 * time up to the change as the calendar was, what remains in the changed one. Published in the transaction of the
 * change, so a listener's work commits or rolls back with it.
 *
 * @param before the calendar as it was (the changed one for a calendar just created)
 * @param at the moment of the change
 */
public record CalendarChanged(String name, BusinessCalendar before, Instant at) {}
