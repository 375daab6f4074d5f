package org.itops.oncall;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.FormValues;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.NotAllowedException;
import org.itops.platform.NotFoundException;
import org.itops.platform.Times;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rotas of the support groups and their overrides: IT managers keep them, the staff read them; who is on duty
 * when, and who takes over from whom.
 */
@Service
public class Rotas {

  static final String MANAGERS = "it-managers";
  private static final int MAX_SHIFT_DAYS = 28;
  private static final int MAX_REASON = 500;

  private final OncallRepository repository;
  private final IdentityService identityService;
  private final CurrentUser currentUser;
  private final AccessProperties access;
  private final Clock clock;

  Rotas(OncallRepository repository, IdentityService identityService, CurrentUser currentUser,
      AccessProperties access, Clock clock) {
    this.repository = repository;
    this.identityService = identityService;
    this.currentUser = currentUser;
    this.access = access;
    this.clock = clock;
  }

  // --- reading ------------------------------------------------------------------------------------------------

  /** Every rota, for the staff. */
  @Transactional(readOnly = true)
  public List<Rota> list() {
    requireStaff();
    return repository.rotas();
  }

  /** The group's rota, for the staff. */
  @Transactional(readOnly = true)
  public Rota view(String group) {
    requireStaff();
    return find(group).orElseThrow(() -> new NotFoundException("detail.notFound.rota", group));
  }

  /** The group's rota, read without a user's rules: for the steps of a page. */
  Optional<Rota> find(String group) {
    return repository.rota(group);
  }

  // --- keeping ------------------------------------------------------------------------------------------------

  /** Creates or replaces the group's rota (its overrides stay); the same request twice leaves the same rota. */
  @Transactional
  public Rota save(String group, RotaRequest request) {
    requireManager();
    List<FieldError> errors = new ArrayList<>();
    requireGroup(group, errors);
    String manager = requireUser("manager", request.manager(), errors);
    ZoneId zone = zone(request.zone(), errors);
    LocalTime handover = handover(request.handover(), errors);
    if (request.shiftDays() == null || request.shiftDays() < 1 || request.shiftDays() > MAX_SHIFT_DAYS) {
      errors.add(new FieldError("shiftDays", "reason.rota.shiftDays", MAX_SHIFT_DAYS));
    }
    LocalDate startsOn = date(request.startsOn(), errors);
    List<String> members = request.members() == null ? List.of() : request.members();
    if (members.isEmpty()) {
      errors.add(new FieldError("members", "reason.rota.members"));
    } else if (new HashSet<>(members).size() != members.size()) {
      errors.add(new FieldError("members", "reason.rota.memberTwice"));
    }
    members.forEach(member -> requireUser("members", member, errors));
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    repository.save(new OncallRepository.RotaRow(group, manager, zone,
        handover.getHour() * 60 + handover.getMinute(), request.shiftDays(), startsOn, clock.instant(),
        currentUser.id()), members);
    return find(group).orElseThrow();
  }

  /** What {@link #addOverride} answers: the override, and whether it is new (else the same one was there). */
  public record Added(RotaOverride override, boolean created) {}

  /**
   * Adds an override to the group's rota. The same override again (person, from, to) changes nothing; one that
   * overlaps another of the group is refused.
   */
  @Transactional
  public Added addOverride(String group, OverrideRequest request) {
    requireManager();
    List<FieldError> errors = new ArrayList<>();
    String person = requireUser("person", request.person(), errors);
    Instant from = instant("from", request.from(), errors);
    Instant to = instant("to", request.to(), errors);
    if (from != null && to != null && !to.isAfter(from)) {
      errors.add(new FieldError("to", "reason.rota.endAfterStart"));
    }
    if (FormValues.isBlank(request.reason()) || request.reason().strip().length() > MAX_REASON) {
      errors.add(new FieldError("reason", "reason.requiredMaxLength", MAX_REASON));
    }
    Optional<Rota> rota = find(group);
    if (rota.isEmpty()) {
      errors.add(new FieldError("group", "reason.rota.noRota", group));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    // the rota's row is locked first, so that two overrides of the group added at once are checked one after another
    repository.lock(group);
    for (RotaOverride existing : find(group).orElseThrow().overrides()) {
      if (existing.person().equals(person) && existing.from().equals(from) && existing.to().equals(to)) {
        return new Added(existing, false);
      }
      if (existing.overlaps(from, to)) {
        throw new InvalidRequestException("from/to", "reason.rota.overlap", existing.person(), existing.from(),
            existing.to());
      }
    }
    repository.insertOverride(new OncallRepository.OverrideRow(0, group, person, from, to, request.reason().strip(),
        currentUser.id(), clock.instant()));
    RotaOverride added = find(group).orElseThrow().overrides().stream()
        .filter(o -> o.from().equals(from) && o.person().equals(person)).findFirst().orElseThrow();
    return new Added(added, true);
  }

  /** Removes an override; one that is not there (any more) changes nothing. */
  @Transactional
  public void removeOverride(String group, long id) {
    requireManager();
    repository.deleteOverride(group, id);
  }

  // --- rules ---------------------------------------------------------------------------------------------------

  private void requireStaff() {
    if (!currentUser.isAdministrator() && currentUser.groups().stream().noneMatch(access.staffGroups()::contains)) {
      throw new NotAllowedException("detail.forbidden.rotas");
    }
  }

  private void requireManager() {
    if (!currentUser.isAdministrator() && !currentUser.groups().contains(MANAGERS)) {
      throw new NotAllowedException("detail.forbidden.keepRotas");
    }
  }

  private void requireGroup(String group, List<FieldError> errors) {
    if (FormValues.isBlank(group)) {
      errors.add(new FieldError("group", "reason.required"));
    } else if (identityService.createGroupQuery().groupId(group).count() == 0) {
      errors.add(new FieldError("group", "reason.rota.unknownGroup", group));
    }
  }

  private String requireUser(String field, String user, List<FieldError> errors) {
    if (FormValues.isBlank(user)) {
      errors.add(new FieldError(field, "reason.required"));
      return null;
    }
    if (identityService.createUserQuery().userId(user.strip()).count() == 0) {
      errors.add(new FieldError(field, "reason.rota.unknownUser", user));
    }
    return user.strip();
  }

  private static ZoneId zone(String zone, List<FieldError> errors) {
    try {
      return ZoneId.of(zone == null ? "" : zone.strip());
    } catch (DateTimeException e) {
      errors.add(new FieldError("zone", "reason.rota.zone", zone));
      return null;
    }
  }

  private static LocalTime handover(String handover, List<FieldError> errors) {
    try {
      return LocalTime.parse(handover == null ? "" : handover.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("handover", "reason.rota.handover", handover));
      return null;
    }
  }

  private static LocalDate date(String date, List<FieldError> errors) {
    try {
      return LocalDate.parse(date == null ? "" : date.strip());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("startsOn", "reason.requiredDate", "2026-11-30"));
      return null;
    }
  }

  private static Instant instant(String field, String text, List<FieldError> errors) {
    try {
      Instant instant = Times.parse(text);
      if (instant == null) {
        errors.add(new FieldError(field, "reason.requiredDateTime"));
      }
      return instant;
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "reason.requiredDateTime"));
      return null;
    }
  }
}
