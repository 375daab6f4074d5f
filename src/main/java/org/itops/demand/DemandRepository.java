package org.itops.demand;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itops.platform.Filters;
import org.itops.platform.Page;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Demands in {@code demand}, their specification versions and their delivery. */
@Repository
class DemandRepository {

  /** One version of a specification. */
  record Specification(int version, String text, String reason, String writtenBy, Instant writtenAt) {}

  /** Columns a step may set (the names come from this code, never from a request). */
  private static final Set<String> DEMAND_COLUMNS = Set.of("title", "business_need", "expected_benefit", "cost_band",
      "status", "feasibility", "effort_days", "risk", "approval_route", "rejections", "spec_version",
      "feedback_rating", "feedback_comment", "closed_at");
  private static final Set<String> DELIVERY_COLUMNS = Set.of("design_reference", "plan", "milestones", "people",
      "budget", "environments", "budget_approved_by", "qc_failures", "change_number", "delivery_package", "handover",
      "acceptance_rounds", "signed_off_by", "signed_off_at", "warranty_until", "warranty_incidents", "went_well",
      "to_improve", "lessons");

  private final NamedParameterJdbcTemplate jdbc;

  DemandRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Demand d) {
    jdbc.update("insert into demand (number, title, business_need, expected_benefit, requested_date, cost_band,"
        + " affected_services, requester, status, created_at, updated_at) values (:number, :title, :need, :benefit,"
        + " :date, :costBand, :services, :requester, :status, :now, :now)", new MapSqlParameterSource()
        .addValue("number", d.number()).addValue("title", d.title()).addValue("need", d.businessNeed())
        .addValue("benefit", d.expectedBenefit()).addValue("date", Date.valueOf(d.requestedDate()))
        .addValue("costBand", d.costBand()).addValue("services", d.affectedServices())
        .addValue("requester", d.requester()).addValue("status", d.status().name())
        .addValue("now", Timestamp.from(d.createdAt())));
    // its delivery row from the start: reading a demand then never writes
    jdbc.update("insert into demand_delivery (demand_number) values (:number)", Map.of("number", d.number()));
  }

  /** Sets the columns (of {@link #DEMAND_COLUMNS}) and the update time. */
  void update(String number, Map<String, Object> columns, Instant now) {
    set("demand", "number", number, DEMAND_COLUMNS, columns, now);
  }

  Optional<Demand> find(String number) {
    return jdbc.query("select * from demand where number = :number", Map.of("number", number),
        DemandRepository::demand).stream().findFirst();
  }

  Page<Demand> list(String status, String requester, int page, int size) {
    MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("limit", size)
        .addValue("offset", (long) page * size);
    String where = new Filters(parameters).equal("status", status).equal("requester", requester).where();
    long total = jdbc.queryForObject("select count(*) from demand" + where, parameters, Long.class);
    return new Page<>(jdbc.query("select * from demand" + where + " order by created_at desc, number desc"
        + " limit :limit offset :offset", parameters, DemandRepository::demand), total);
  }

  void addSpecification(String number, int version, String text, String reason, String by, Instant at) {
    jdbc.update("insert into demand_specification (demand_number, version, text, reason, written_by, written_at)"
        + " values (:number, :version, :text, :reason, :by, :at)", new MapSqlParameterSource("number", number)
        .addValue("version", version).addValue("text", text).addValue("reason", reason).addValue("by", by)
        .addValue("at", Timestamp.from(at)));
  }

  List<Specification> specifications(String number) {
    return jdbc.query("select * from demand_specification where demand_number = :number order by version",
        Map.of("number", number), (rs, row) -> new Specification(rs.getInt("version"), rs.getString("text"),
            rs.getString("reason"), rs.getString("written_by"), rs.getTimestamp("written_at").toInstant()));
  }

  /** The delivery's row (every demand has one, written with it). */
  Map<String, Object> delivery(String number) {
    List<Map<String, Object>> rows = jdbc.queryForList("select * from demand_delivery where demand_number = :number",
        Map.of("number", number));
    if (rows.isEmpty()) {
      throw new IllegalStateException("Demand " + number + " has no delivery row");
    }
    Map<String, Object> row = new LinkedHashMap<>();
    rows.get(0).forEach((column, value) -> row.put(column.toLowerCase(), value instanceof Timestamp t
        ? t.toInstant() : value));
    return row;
  }

  void updateDelivery(String number, Map<String, Object> columns) {
    set("demand_delivery", "demand_number", number, DELIVERY_COLUMNS, columns, null);
  }

  /** Incidents on any of the services reported in {@code [from, to)}: the warranty's incidents. */
  List<String> incidentsOn(List<String> services, Instant from, Instant to) {
    if (services.isEmpty()) {
      return List.of();
    }
    return jdbc.queryForList("select number from incident where service in (:services) and reported_at >= :from"
        + " and reported_at < :to order by number", new MapSqlParameterSource("services", services)
        .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)), String.class);
  }

  private void set(String table, String key, String number, Set<String> allowed, Map<String, Object> columns,
      Instant now) {
    if (columns.isEmpty() && now == null) {
      return;
    }
    MapSqlParameterSource parameters = new MapSqlParameterSource("key", number);
    StringBuilder set = new StringBuilder();
    columns.forEach((column, value) -> {
      if (!allowed.contains(column)) {
        throw new IllegalArgumentException("Column " + column + " of " + table + " is not set by steps");
      }
      set.append(set.length() == 0 ? "" : ", ").append(column).append(" = :").append(column);
      parameters.addValue(column, value instanceof Instant instant ? Timestamp.from(instant) : value);
    });
    if (now != null) {
      set.append(set.length() == 0 ? "" : ", ").append("updated_at = :updatedAt");
      parameters.addValue("updatedAt", Timestamp.from(now));
    }
    jdbc.update("update " + table + " set " + set + " where " + key + " = :key", parameters);
  }

  private static Demand demand(ResultSet rs, int row) throws SQLException {
    return new Demand(rs.getString("number"), rs.getString("title"), rs.getString("business_need"),
        rs.getString("expected_benefit"), rs.getDate("requested_date").toLocalDate(), rs.getString("cost_band"),
        rs.getString("affected_services"), rs.getString("requester"), Demand.Status.valueOf(rs.getString("status")),
        rs.getString("feasibility"), (Integer) rs.getObject("effort_days"), rs.getString("risk"),
        rs.getString("approval_route"), rs.getInt("rejections"), rs.getInt("spec_version"),
        (Integer) rs.getObject("feedback_rating"), rs.getString("feedback_comment"),
        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant());
  }
}
