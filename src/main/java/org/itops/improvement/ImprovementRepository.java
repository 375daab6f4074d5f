package org.itops.improvement;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The improvement feature's tables: {@code improvement} and {@code training_record}. Each step of the cycle sets its
 * own columns, so that a step never writes back what another step set meanwhile.
 */
@Repository
class ImprovementRepository {

  private static final Table<Improvement> IMPROVEMENTS = Table.of("improvement", Improvement.class, "number");
  /** Keyed by improvement, user and topic together: a training is only ever inserted. */
  private static final Table<TrainingRecord> TRAININGS = Table.of("training_record", TrainingRecord.class,
      "improvementNumber");

  private final NamedParameterJdbcTemplate jdbc;

  ImprovementRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Improvement improvement) {
    jdbc.update(IMPROVEMENTS.insert(), IMPROVEMENTS.parameters(improvement));
  }

  Optional<Improvement> find(String number) {
    return jdbc.query(IMPROVEMENTS.select() + " where number = :number", Map.of("number", number),
        IMPROVEMENTS.rows()).stream().findFirst();
  }

  void status(String number, String status) {
    jdbc.update("update improvement set status = :status where number = :number",
        Map.of("status", status, "number", number));
  }

  void evaluated(String number, String targetKpi) {
    jdbc.update("update improvement set target_kpi = :targetKpi, status = 'EVALUATED' where number = :number",
        new MapSqlParameterSource("targetKpi", targetKpi).addValue("number", number));
  }

  /** The KPI measured before the Do step: a new cycle begins. */
  void baseline(String number, BigDecimal measured) {
    jdbc.update("update improvement set baseline = :measured, cycle = cycle + 1, status = 'DOING'"
        + " where number = :number", new MapSqlParameterSource("measured", measured).addValue("number", number));
  }

  /** The KPI measured after the effect period. */
  void result(String number, BigDecimal measured) {
    jdbc.update("update improvement set result = :measured, status = 'CHECKING' where number = :number",
        new MapSqlParameterSource("measured", measured).addValue("number", number));
  }

  void closed(String number, String outcome, Instant at) {
    jdbc.update("update improvement set status = 'CLOSED', outcome = :outcome, closed_at = :at where number = :number",
        new MapSqlParameterSource("outcome", outcome).addValue("at", Timestamp.from(at)).addValue("number", number));
  }

  void insert(TrainingRecord training) {
    jdbc.update(TRAININGS.insert(), TRAININGS.parameters(training));
  }
}
