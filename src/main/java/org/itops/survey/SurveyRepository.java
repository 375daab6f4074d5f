package org.itops.survey;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The survey feature's table, {@code survey}. */
@Repository
class SurveyRepository {

  private static final Table<Survey> SURVEYS = Table.of("survey", Survey.class, "number");

  private final NamedParameterJdbcTemplate jdbc;

  SurveyRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Survey survey) {
    jdbc.update(SURVEYS.insert(), SURVEYS.parameters(survey));
  }

  /** Whether the respondent was asked about the record already. */
  boolean asked(String recordNumber, String respondent) {
    return jdbc.queryForObject("select count(*) from survey where record_number = :record and respondent = :respondent",
        Map.of("record", recordNumber, "respondent", respondent), Integer.class) > 0;
  }

  Optional<Survey> find(String number) {
    return first(" where number = :number", Map.of("number", number));
  }

  Optional<Survey> find(String recordNumber, String respondent) {
    return first(" where record_number = :record and respondent = :respondent",
        Map.of("record", recordNumber, "respondent", respondent));
  }

  Optional<Survey> withToken(String token) {
    return first(" where token = :token", Map.of("token", token));
  }

  /** The respondent's surveys not answered and not expired at {@code now}, newest first. */
  List<Survey> waitingFor(String respondent, Instant now) {
    return jdbc.query(SURVEYS.select() + " where respondent = :respondent and answered_at is null"
        + " and expires_at > :now order by created_at desc",
        Map.of("respondent", respondent, "now", Timestamp.from(now)), SURVEYS.rows());
  }

  /** Stores the answer unless the survey was answered already; false then. */
  boolean answer(String number, Instant at, int rating, String comment) {
    return jdbc.update("update survey set answered_at = :at, rating = :rating, comment = :comment"
        + " where number = :number and answered_at is null", new MapSqlParameterSource("at", Timestamp.from(at))
        .addValue("rating", rating).addValue("comment", comment).addValue("number", number)) > 0;
  }

  private Optional<Survey> first(String where, Map<String, ?> parameters) {
    return jdbc.query(SURVEYS.select() + where, parameters, SURVEYS.rows()).stream().findFirst();
  }
}
