/**
 * Business calendars: the hours of service of a service that is not served around the clock (working days, working
 * hours, its zone, public holidays and make-up working days), the arithmetic of working time that the SLA clocks of
 * incidents count in ({@link org.itops.calendar.BusinessCalendar}), {@code /api/calendars}, the import of holidays
 * from an iCalendar file and the {@code calendar-change} process of Tasklist.
 */
package org.itops.calendar;
