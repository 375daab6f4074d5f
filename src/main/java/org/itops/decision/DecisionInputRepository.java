package org.itops.decision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The decision feature's table, {@code decision_input}. */
@Repository
class DecisionInputRepository {

  private static final Table<DecisionInput> DECISION_INPUTS = Table.of("decision_input", DecisionInput.class, "id");

  private final NamedParameterJdbcTemplate jdbc;

  DecisionInputRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(DecisionInput evaluation) {
    jdbc.update(DECISION_INPUTS.insertGeneratingKey(), DECISION_INPUTS.parameters(evaluation));
  }

  /** The evaluations of a table in {@code [from, to)}, newest first. */
  List<DecisionInput> of(String decisionKey, Instant from, Instant to) {
    return jdbc.query(DECISION_INPUTS.select() + " where decision_key = :key and evaluated_at >= :from"
        + " and evaluated_at < :to order by evaluated_at desc, id desc",
        Map.of("key", decisionKey, "from", Timestamp.from(from), "to", Timestamp.from(to)), DECISION_INPUTS.rows());
  }

  void removeBefore(Instant before) {
    jdbc.update("delete from decision_input where evaluated_at < :before", Map.of("before", Timestamp.from(before)));
  }
}
