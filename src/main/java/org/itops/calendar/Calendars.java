package org.itops.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.NotAllowedException;
import org.itops.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business calendars: read by everyone who works with services, changed by IT managers (through the API or the
 * {@code calendar-change} process). Each change publishes {@link CalendarChanged}.
 */
@Service
public class Calendars {

  static final Set<String> KEEPERS = Set.of("it-managers", AccessProperties.ADMIN_GROUP);

  /** A calendar as the API shows it. */
  public record View(String name, String zone, String description, Map<DayOfWeek, List<String>> week,
      List<CalendarDay> days, String updatedBy, Instant updatedAt) {}

  private final CalendarRepository repository;
  private final CurrentUser currentUser;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Calendars(CalendarRepository repository, CurrentUser currentUser, Clock clock, ApplicationEventPublisher events) {
    this.repository = repository;
    this.currentUser = currentUser;
    this.clock = clock;
    this.events = events;
  }

  /** The hours of service named: {@link BusinessCalendar#ALWAYS} for 24x7 (and for none). */
  @Transactional(readOnly = true)
  public BusinessCalendar hours(String name) {
    if (name == null || BusinessCalendar.ALWAYS_NAME.equals(name)) {
      return BusinessCalendar.ALWAYS;
    }
    return repository.find(name).orElseThrow(() -> new IllegalStateException("The hours of service '" + name
        + "' name no calendar: create it (PUT /api/calendars/" + name + ") or correct the service's hours"));
  }

  /** The names a service's hours may take: 24x7 and the calendars'. */
  @Transactional(readOnly = true)
  public List<String> hoursNames() {
    return Stream.concat(Stream.of(BusinessCalendar.ALWAYS_NAME),
        repository.rows().stream().map(CalendarRepository.Row::name)).toList();
  }

  @Transactional(readOnly = true)
  public List<View> list() {
    return repository.rows().stream().map(row -> view(row.name())).toList();
  }

  @Transactional(readOnly = true)
  public View view(String name) {
    CalendarRepository.Row row = repository.row(name).orElseThrow(() -> notFound(name));
    BusinessCalendar calendar = repository.find(name).orElseThrow();
    Map<DayOfWeek, List<String>> week = new EnumMap<>(DayOfWeek.class);
    calendar.week().forEach((day, spans) -> week.put(day, spans.stream().map(WorkingSpan::toString).toList()));
    return new View(name, row.zone().getId(), row.description(), week, calendar.days(), row.updatedBy(),
        row.updatedAt());
  }

  /** Creates the calendar or replaces its zone, week and description (its days stay). */
  @Transactional
  public View save(String name, CalendarInput input) {
    mayChange();
    input.validate(name);
    Optional<BusinessCalendar> before = repository.find(name);
    repository.save(name, input.zoneId(), blankToNull(input.description()), input.spans(), currentUser.id(),
        clock.instant());
    changed(name, before.orElseGet(() -> repository.find(name).orElseThrow()));
    return view(name);
  }

  /** Adds the days of an iCalendar file ({@link HolidayFile}), each replacing what its date was. */
  @Transactional
  public View importDays(String name, String iCalendar) {
    return changeDays(name, () -> repository.putDays(name, HolidayFile.days(iCalendar)));
  }

  /** Makes the date a holiday or a make-up working day. */
  @Transactional
  public View putDay(String name, String date, CalendarInput.Day day) {
    return changeDays(name, () -> repository.putDays(name, List.of(day.on(date))));
  }

  /** The date is back to what its weekday is. */
  @Transactional
  public View removeDay(String name, String date) {
    return changeDays(name, () -> {
      try {
        repository.removeDay(name, LocalDate.parse(date));
      } catch (DateTimeParseException notADate) {
        throw new InvalidRequestException("date", "reason.calendar.date", date);
      }
    });
  }

  /** A change of an existing calendar's days by an IT manager; what counts in the calendar counts again. */
  private View changeDays(String name, Runnable change) {
    mayChange();
    BusinessCalendar before = repository.find(name).orElseThrow(() -> notFound(name));
    change.run();
    changed(name, before);
    return view(name);
  }

  /** Imports the shipped file into the calendar once: when it has no days yet (its first start). */
  @Transactional
  void importOnce(String name, String iCalendar) {
    if (repository.row(name).isPresent() && !repository.hasDays(name)) {
      repository.putDays(name, HolidayFile.days(iCalendar));
    }
  }

  private void changed(String name, BusinessCalendar before) {
    Instant at = clock.instant();
    repository.touch(name, currentUser.id(), at);
    events.publishEvent(new CalendarChanged(name, before, at));
  }

  private void mayChange() {
    if (currentUser.groups().stream().noneMatch(KEEPERS::contains)) {
      throw new NotAllowedException("detail.forbidden.calendars");
    }
  }

  private static NotFoundException notFound(String name) {
    return new NotFoundException("detail.notFound.calendar", name);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
