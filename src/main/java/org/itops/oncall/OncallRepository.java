package org.itops.oncall;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Rotas in {@code oncall_rota}, {@code oncall_rota_member} and {@code oncall_override}; pages in {@code oncall_page}
 * and {@code oncall_page_step}. The rows are kept as stored here; {@link Rota} and {@link Pages.Page} are what the
 * rest of the suite and the API see of them.
 */
@Repository
class OncallRepository {

  /** A rota's row: the handover in minutes after midnight. */
  record RotaRow(String groupId, String managerId, ZoneId zone, int handoverMinute, int shiftDays, LocalDate startsOn,
      Instant updatedAt, String updatedBy) {}

  record MemberRow(String groupId, int position, String userId) {}

  record OverrideRow(long id, String groupId, String userId, Instant startsAt, Instant endsAt, String reason,
      String createdBy, Instant createdAt) {}

  record PageRow(String incidentNumber, String groupId, String priority, Instant pagedAt, Instant acknowledgedAt,
      String acknowledgedBy) {}

  record StepRow(String incidentNumber, int step, String userId, String groupId, Instant pagedAt) {}

  private static final Table<RotaRow> ROTAS = Table.of("oncall_rota", RotaRow.class, "groupId");
  /** Keyed by group and position; a rota's members are replaced, never updated. */
  private static final Table<MemberRow> MEMBERS = Table.of("oncall_rota_member", MemberRow.class, "groupId");
  /** Inserted with a generated id; read through the table. */
  private static final Table<OverrideRow> OVERRIDES = Table.of("oncall_override", OverrideRow.class, "id");
  private static final Table<PageRow> PAGES = Table.of("oncall_page", PageRow.class, "incidentNumber");
  /** Keyed by page and step; a step is never updated. */
  private static final Table<StepRow> STEPS = Table.of("oncall_page_step", StepRow.class, "incidentNumber");

  private final NamedParameterJdbcTemplate jdbc;

  OncallRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // --- rotas ---------------------------------------------------------------------------------------------------

  List<Rota> rotas() {
    return jdbc.query(ROTAS.select() + " order by group_id", ROTAS.rows()).stream().map(this::rota).toList();
  }

  Optional<Rota> rota(String group) {
    return jdbc.query(ROTAS.select() + " where group_id = :group", Map.of("group", group), ROTAS.rows()).stream()
        .findFirst().map(this::rota);
  }

  /** Creates or replaces the rota's row and its members (its overrides stay). */
  void save(RotaRow rota, List<String> members) {
    if (jdbc.update(ROTAS.update(), ROTAS.parameters(rota)) == 0) {
      jdbc.update(ROTAS.insert(), ROTAS.parameters(rota));
    }
    jdbc.update("delete from oncall_rota_member where group_id = :group", Map.of("group", rota.groupId()));
    for (int position = 0; position < members.size(); position++) {
      jdbc.update(MEMBERS.insert(), MEMBERS.parameters(new MemberRow(rota.groupId(), position, members.get(position))));
    }
  }

  /** Locks the rota's row until the transaction ends, so that its overrides are checked one after another. */
  void lock(String group) {
    jdbc.queryForList("select group_id from oncall_rota where group_id = :group for update", Map.of("group", group),
        String.class);
  }

  /** Adds the override (its id is generated). */
  void insertOverride(OverrideRow override) {
    jdbc.update(OVERRIDES.insertGeneratingKey(), OVERRIDES.parameters(override));
  }

  void deleteOverride(String group, long id) {
    jdbc.update("delete from oncall_override where group_id = :group and id = :id", Map.of("group", group, "id", id));
  }

  private Rota rota(RotaRow row) {
    List<String> members = jdbc.queryForList("select user_id from oncall_rota_member where group_id = :group"
        + " order by position", Map.of("group", row.groupId()), String.class);
    List<RotaOverride> overrides = jdbc.query(OVERRIDES.select() + " where group_id = :group order by starts_at",
        Map.of("group", row.groupId()), OVERRIDES.rows()).stream().map(o -> new RotaOverride(o.id(), o.userId(),
            o.startsAt(), o.endsAt(), o.reason(), o.createdBy())).toList();
    return new Rota(row.groupId(), row.managerId(), row.zone(),
        LocalTime.of(row.handoverMinute() / 60, row.handoverMinute() % 60), row.shiftDays(), row.startsOn(), members,
        overrides);
  }

  // --- pages ---------------------------------------------------------------------------------------------------

  void insertPage(PageRow page) {
    jdbc.update(PAGES.insert(), PAGES.parameters(page));
  }

  Optional<PageRow> page(String incident) {
    return jdbc.query(PAGES.select() + " where incident_number = :incident", Map.of("incident", incident),
        PAGES.rows()).stream().findFirst();
  }

  /** Records the acknowledgement unless the page has one already; answers whether it did. */
  boolean acknowledge(String incident, String user, Instant at) {
    return jdbc.update("update oncall_page set acknowledged_at = :at, acknowledged_by = :user"
        + " where incident_number = :incident and acknowledged_at is null",
        new MapSqlParameterSource("at", Timestamp.from(at)).addValue("user", user).addValue("incident", incident)) == 1;
  }

  void insertStep(StepRow step) {
    jdbc.update(STEPS.insert(), STEPS.parameters(step));
  }

  List<StepRow> steps(String incident) {
    return jdbc.query(STEPS.select() + " where incident_number = :incident order by step",
        Map.of("incident", incident), STEPS.rows());
  }
}
