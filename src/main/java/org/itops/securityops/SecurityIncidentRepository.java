package org.itops.securityops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.RecordParameters;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Security incidents in {@code security_incident}. */
@Repository
class SecurityIncidentRepository {

  private static final String COLUMNS = "number, summary, description, severity, affected_assets, reporter, source,"
      + " detected_at, reported_at, status, personal_data, records_affected, data_category, notify_regulator,"
      + " notify_subjects, notification_deadline, notified_at, lessons_learned, updated_at, closed_at";
  private static final String PARAMETERS = ":number, :summary, :description, :severity, :affectedAssets, :reporter,"
      + " :source, :detectedAt, :reportedAt, :status, :personalData, :recordsAffected, :dataCategory,"
      + " :notifyRegulator, :notifySubjects, :notificationDeadline, :notifiedAt, :lessonsLearned, :updatedAt,"
      + " :closedAt";
  private static final String UPDATE =
      "update security_incident set " + RecordParameters.updateSet(COLUMNS, PARAMETERS) + " where number = :number";

  private final NamedParameterJdbcTemplate jdbc;

  SecurityIncidentRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(SecurityIncident incident) {
    jdbc.update("insert into security_incident (" + COLUMNS + ") values (" + PARAMETERS + ")", parameters(incident));
  }

  void update(SecurityIncident incident) {
    jdbc.update(UPDATE, parameters(incident));
  }

  Optional<SecurityIncident> find(String number) {
    return jdbc.query("select * from security_incident where number = :number", Map.of("number", number),
        SecurityIncidentRepository::incident).stream().findFirst();
  }

  /** The newest incidents first; only those of {@code reporter} when it is given. */
  List<SecurityIncident> list(String reporter, int limit) {
    MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
    String where = "";
    if (reporter != null) {
      where = " where reporter = :reporter";
      parameters.addValue("reporter", reporter);
    }
    return jdbc.query("select * from security_incident" + where + " order by reported_at desc, number desc"
        + " limit :limit", parameters, SecurityIncidentRepository::incident);
  }

  private static MapSqlParameterSource parameters(SecurityIncident i) {
    return new MapSqlParameterSource()
        .addValue("number", i.number())
        .addValue("summary", i.summary())
        .addValue("description", i.description())
        .addValue("severity", i.severity())
        .addValue("affectedAssets", i.affectedAssets())
        .addValue("reporter", i.reporter())
        .addValue("source", i.source())
        .addValue("detectedAt", timestamp(i.detectedAt()))
        .addValue("reportedAt", timestamp(i.reportedAt()))
        .addValue("status", i.status().name())
        .addValue("personalData", i.personalDataInvolved())
        .addValue("recordsAffected", i.recordsAffected())
        .addValue("dataCategory", i.dataCategory())
        .addValue("notifyRegulator", i.notifyRegulator())
        .addValue("notifySubjects", i.notifySubjects())
        .addValue("notificationDeadline", timestamp(i.notificationDeadline()))
        .addValue("notifiedAt", timestamp(i.notifiedAt()))
        .addValue("lessonsLearned", i.lessonsLearned())
        .addValue("updatedAt", timestamp(i.updatedAt()))
        .addValue("closedAt", timestamp(i.closedAt()));
  }

  private static SecurityIncident incident(ResultSet rs, int row) throws SQLException {
    return new SecurityIncident(rs.getString("number"), rs.getString("summary"), rs.getString("description"),
        rs.getString("severity"), rs.getString("affected_assets"), rs.getString("reporter"), rs.getString("source"),
        instant(rs, "detected_at"), instant(rs, "reported_at"), SecurityIncident.Status.valueOf(rs.getString("status")),
        rs.getObject("personal_data", Boolean.class), rs.getObject("records_affected", Long.class),
        rs.getString("data_category"), rs.getObject("notify_regulator", Boolean.class),
        rs.getObject("notify_subjects", Boolean.class), instant(rs, "notification_deadline"),
        instant(rs, "notified_at"), rs.getString("lessons_learned"), instant(rs, "updated_at"),
        instant(rs, "closed_at"));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
