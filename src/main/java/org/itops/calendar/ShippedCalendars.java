package org.itops.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The days of the calendars the suite ships (created by migration V20): {@code cn-working-days} gets China's public
 * holidays and make-up working days from {@code calendars/cn-working-days.ics} at its first start, and keeps what IT
 * managers change afterwards (a later year is imported like any file, {@code POST /api/calendars/{name}/days}).
 */
@Component
class ShippedCalendars {

  static final String CHINA = "cn-working-days";

  private final Calendars calendars;

  ShippedCalendars(Calendars calendars) {
    this.calendars = calendars;
  }

  @EventListener(ApplicationReadyEvent.class)
  void importShippedDays() {
    try (InputStream file = new ClassPathResource("calendars/" + CHINA + ".ics").getInputStream()) {
      calendars.importOnce(CHINA, new String(file.readAllBytes(), StandardCharsets.UTF_8));
    } catch (DataIntegrityViolationException importedByAnotherNode) {
      // two nodes started at once and the other one imported the days first: they are there
    } catch (IOException e) {
      throw new UncheckedIOException("The suite's calendar file calendars/" + CHINA + ".ics cannot be read", e);
    }
  }
}
