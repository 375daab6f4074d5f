package org.itops.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.ReportPeriod;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Controls, audits, their evidence and findings ({@code compliance_control}, {@code compliance_audit}, ...). */
@Repository
class AuditRepository {

  /** A control an audit may cover, and the group that owns it. */
  record Control(String code, String name, String ownerGroup) {}

  /** An audit; the period its generated evidence covers, if it was started with one, is not shown in the API. */
  record Audit(String number, String title, String status, String startedBy, String conclusion, Instant createdAt,
      Instant closedAt, @JsonIgnore Instant periodFrom, @JsonIgnore Instant periodTo) {

    Audit with(String newStatus) {
      return new Audit(number, title, newStatus, startedBy, conclusion, createdAt, closedAt, periodFrom, periodTo);
    }

    Audit closed(String newConclusion, Instant now) {
      return new Audit(number, title, "CLOSED", startedBy, newConclusion, createdAt, now, periodFrom, periodTo);
    }
  }

  /** A control in an audit's scope and the evidence its owner gave (the API shows it as {@code control}). */
  record Evidence(@JsonIgnore String auditNumber, @JsonProperty("control") String controlCode, String evidence,
      String submittedBy, Instant submittedAt) {}

  /** A finding of an audit (the API shows its control as {@code control}). */
  record Finding(Long id, @JsonIgnore String auditNumber, @JsonProperty("control") String controlCode,
      String description, Instant dueAt, String status, String closedBy, Instant closedAt, String notes) {

    /** A new finding of the audit, open until closed. */
    static Finding open(String auditNumber, String controlCode, String description, Instant dueAt) {
      return new Finding(null, auditNumber, controlCode, description, dueAt, "OPEN", null, null, null);
    }
  }

  private static final Table<Control> CONTROLS = Table.of("compliance_control", Control.class, "code");
  private static final Table<Audit> AUDITS = Table.of("compliance_audit", Audit.class, "number");
  /** Keyed by audit and control: evidence is submitted by both (see {@link #submitEvidence}). */
  private static final Table<Evidence> EVIDENCE = Table.of("audit_control", Evidence.class, "auditNumber");
  /** Inserted with a generated id; read through the table. */
  private static final Table<Finding> FINDINGS = Table.of("audit_finding", Finding.class, "id");

  private final NamedParameterJdbcTemplate jdbc;

  AuditRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Control> controls() {
    return jdbc.query(CONTROLS.select() + " order by code", CONTROLS.rows());
  }

  /** The audit and its scope. */
  void insert(Audit audit, List<String> controls) {
    jdbc.update(AUDITS.insert(), AUDITS.parameters(audit));
    controls.forEach(code -> jdbc.update(EVIDENCE.insert(), EVIDENCE.parameters(new Evidence(audit.number(), code,
        null, null, null))));
  }

  void update(Audit audit) {
    jdbc.update(AUDITS.update(), AUDITS.parameters(audit));
  }

  Optional<Audit> audit(String number) {
    return jdbc.query(AUDITS.select() + " where number = :number", Map.of("number", number), AUDITS.rows()).stream()
        .findFirst();
  }

  /** The period the audit was started with, if it was. */
  Optional<ReportPeriod> period(String number) {
    return audit(number).filter(audit -> audit.periodFrom() != null)
        .map(audit -> new ReportPeriod(audit.periodFrom(), audit.periodTo()));
  }

  boolean submitEvidence(String number, String control, String evidence, String user, Instant now) {
    return jdbc.update("update audit_control set evidence = :evidence, submitted_by = :user, submitted_at = :now"
        + " where audit_number = :number and control_code = :control", new MapSqlParameterSource("number", number)
        .addValue("control", control).addValue("evidence", evidence).addValue("user", user)
        .addValue("now", Timestamp.from(now))) == 1;
  }

  List<Evidence> evidence(String number) {
    return jdbc.query(EVIDENCE.select() + " where audit_number = :number order by control_code",
        Map.of("number", number), EVIDENCE.rows());
  }

  /** The owner groups of the controls in the audit's scope. */
  List<String> ownerGroups(String number) {
    return jdbc.queryForList("select distinct c.owner_group from audit_control a join compliance_control c"
        + " on c.code = a.control_code where a.audit_number = :number", Map.of("number", number), String.class);
  }

  void insert(Finding finding) {
    jdbc.update(FINDINGS.insertGeneratingKey(), FINDINGS.parameters(finding));
  }

  boolean closeFinding(String number, String control, String description, String user, Instant now, String notes) {
    return jdbc.update("update audit_finding set status = 'CLOSED', closed_by = :user, closed_at = :now, notes = :notes"
        + " where audit_number = :number and control_code = :control and description = :description"
        + " and status = 'OPEN'", new MapSqlParameterSource("number", number).addValue("control", control)
        .addValue("description", description).addValue("user", user).addValue("now", Timestamp.from(now))
        .addValue("notes", notes)) == 1;
  }

  List<Finding> findings(String number) {
    return jdbc.query(FINDINGS.select() + " where audit_number = :number order by id", Map.of("number", number),
        FINDINGS.rows());
  }
}
