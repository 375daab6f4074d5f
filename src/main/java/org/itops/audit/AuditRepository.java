package org.itops.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.ReportPeriod;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Controls, audits, their evidence and findings ({@code compliance_control}, {@code compliance_audit}, ...). */
@Repository
class AuditRepository {

  /** A control an audit may cover, and the group that owns it. */
  record Control(String code, String name, String ownerGroup) {}

  record Audit(String number, String title, String status, String startedBy, String conclusion, Instant createdAt,
      Instant closedAt) {}

  /** A control in an audit's scope and the evidence its owner gave. */
  record Evidence(String control, String evidence, String submittedBy, Instant submittedAt) {}

  record Finding(long id, String control, String description, Instant dueAt, String status, String closedBy,
      Instant closedAt, String notes) {}

  private final NamedParameterJdbcTemplate jdbc;

  AuditRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Control> controls() {
    return jdbc.query("select * from compliance_control order by code", (rs, row) -> new Control(rs.getString("code"),
        rs.getString("name"), rs.getString("owner_group")));
  }

  /** The audit and its scope; {@code period}, when given, is what its generated evidence covers. */
  void insert(Audit audit, List<String> controls, ReportPeriod period) {
    jdbc.update("insert into compliance_audit (number, title, status, started_by, created_at, period_from, period_to)"
        + " values (:number, :title, :status, :startedBy, :createdAt, :periodFrom, :periodTo)",
        new MapSqlParameterSource("number", audit.number()).addValue("title", audit.title())
        .addValue("status", audit.status()).addValue("startedBy", audit.startedBy())
        .addValue("createdAt", Timestamp.from(audit.createdAt()))
        .addValue("periodFrom", period == null ? null : Timestamp.from(period.from()))
        .addValue("periodTo", period == null ? null : Timestamp.from(period.to())));
    controls.forEach(code -> jdbc.update("insert into audit_control (audit_number, control_code) values (:number,"
        + " :code)", Map.of("number", audit.number(), "code", code)));
  }

  /** The period the audit was started with, if it was. */
  Optional<ReportPeriod> period(String number) {
    return jdbc.query("select period_from, period_to from compliance_audit where number = :number"
        + " and period_from is not null", Map.of("number", number),
        (rs, row) -> new ReportPeriod(instant(rs, "period_from"), instant(rs, "period_to"))).stream().findFirst();
  }

  Optional<Audit> audit(String number) {
    return jdbc.query("select * from compliance_audit where number = :number", Map.of("number", number),
        (rs, row) -> new Audit(rs.getString("number"), rs.getString("title"), rs.getString("status"),
            rs.getString("started_by"), rs.getString("conclusion"), instant(rs, "created_at"),
            instant(rs, "closed_at"))).stream().findFirst();
  }

  void setStatus(String number, String status, String conclusion, Instant closedAt) {
    jdbc.update("update compliance_audit set status = :status, conclusion = coalesce(:conclusion, conclusion),"
        + " closed_at = :closedAt where number = :number", new MapSqlParameterSource("number", number)
        .addValue("status", status).addValue("conclusion", conclusion)
        .addValue("closedAt", closedAt == null ? null : Timestamp.from(closedAt)));
  }

  boolean submitEvidence(String number, String control, String evidence, String user, Instant now) {
    return jdbc.update("update audit_control set evidence = :evidence, submitted_by = :user, submitted_at = :now"
        + " where audit_number = :number and control_code = :control", new MapSqlParameterSource("number", number)
        .addValue("control", control).addValue("evidence", evidence).addValue("user", user)
        .addValue("now", Timestamp.from(now))) == 1;
  }

  List<Evidence> evidence(String number) {
    return jdbc.query("select * from audit_control where audit_number = :number order by control_code",
        Map.of("number", number), (rs, row) -> new Evidence(rs.getString("control_code"), rs.getString("evidence"),
            rs.getString("submitted_by"), instant(rs, "submitted_at")));
  }

  /** The owner groups of the controls in the audit's scope. */
  List<String> ownerGroups(String number) {
    return jdbc.queryForList("select distinct c.owner_group from audit_control a join compliance_control c"
        + " on c.code = a.control_code where a.audit_number = :number", Map.of("number", number), String.class);
  }

  void insertFinding(String number, String control, String description, Instant due) {
    jdbc.update("insert into audit_finding (audit_number, control_code, description, due_at, status) values (:number,"
        + " :control, :description, :due, 'OPEN')", new MapSqlParameterSource("number", number)
        .addValue("control", control).addValue("description", description).addValue("due", Timestamp.from(due)));
  }

  boolean closeFinding(String number, String control, String description, String user, Instant now, String notes) {
    return jdbc.update("update audit_finding set status = 'CLOSED', closed_by = :user, closed_at = :now, notes = :notes"
        + " where audit_number = :number and control_code = :control and description = :description"
        + " and status = 'OPEN'", new MapSqlParameterSource("number", number).addValue("control", control)
        .addValue("description", description).addValue("user", user).addValue("now", Timestamp.from(now))
        .addValue("notes", notes)) == 1;
  }

  List<Finding> findings(String number) {
    return jdbc.query("select * from audit_finding where audit_number = :number order by id", Map.of("number", number),
        (rs, row) -> new Finding(rs.getLong("id"), rs.getString("control_code"), rs.getString("description"),
            instant(rs, "due_at"), rs.getString("status"), rs.getString("closed_by"), instant(rs, "closed_at"),
            rs.getString("notes")));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
