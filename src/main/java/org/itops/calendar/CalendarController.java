package org.itops.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.itops.platform.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/calendars}: the business calendars, read by everyone logged in, changed by IT managers. A {@code PUT}
 * sets a calendar's zone and week, a day's {@code PUT} or {@code DELETE} one holiday or make-up working day, and a
 * {@code POST} of an iCalendar file ({@code text/calendar}, or multipart part {@code file}) adds its days; each says
 * the same twice without changing anything twice.
 */
@RestController
@RequestMapping("/api/calendars")
class CalendarController {

  private final Calendars calendars;

  CalendarController(Calendars calendars) {
    this.calendars = calendars;
  }

  @GetMapping
  List<Calendars.View> list() {
    return calendars.list();
  }

  @GetMapping("/{name}")
  Calendars.View one(@PathVariable String name) {
    return calendars.view(name);
  }

  @PutMapping("/{name}")
  Calendars.View save(@PathVariable String name, @RequestBody CalendarInput input) {
    return calendars.save(name, input);
  }

  @PutMapping("/{name}/days/{date}")
  Calendars.View putDay(@PathVariable String name, @PathVariable String date, @RequestBody CalendarInput.Day day) {
    return calendars.putDay(name, date, day);
  }

  @DeleteMapping("/{name}/days/{date}")
  Calendars.View removeDay(@PathVariable String name, @PathVariable String date) {
    return calendars.removeDay(name, date);
  }

  @PostMapping(path = "/{name}/days", consumes = "text/calendar")
  Calendars.View importDays(@PathVariable String name, @RequestBody byte[] iCalendar) {
    return calendars.importDays(name, new String(iCalendar, StandardCharsets.UTF_8));
  }

  @PostMapping(path = "/{name}/days", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Calendars.View importFile(@PathVariable String name,
      @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
    if (file == null || file.isEmpty()) {
      throw new InvalidRequestException("file", "reason.calendar.noFile");
    }
    return calendars.importDays(name, new String(file.getBytes(), StandardCharsets.UTF_8));
  }
}
