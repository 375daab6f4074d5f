package org.itops.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The review feature's tables: {@code service_review} and {@code availability_improvement} (V25). */
@Repository
class ReviewRepository {

  private static final Table<ServiceReview> REVIEWS = Table.of("service_review", ServiceReview.class, "number");
  /** Keyed by service and month together: a row is inserted, then only its improvement set. */
  private static final Table<AvailabilityImprovement> AVAILABILITY_IMPROVEMENTS = Table.of("availability_improvement",
      AvailabilityImprovement.class, "service");

  private final NamedParameterJdbcTemplate jdbc;

  ReviewRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ServiceReview review) {
    jdbc.update(REVIEWS.insert(), REVIEWS.parameters(review));
  }

  Optional<ServiceReview> find(String number) {
    return jdbc.query(REVIEWS.select() + " where number = :number", Map.of("number", number), REVIEWS.rows())
        .stream().findFirst();
  }

  /** The reviewers' assessment and actions: the review is done. */
  void reviewed(String number, String assessment, String actions, Instant at) {
    jdbc.update("update service_review set assessment = :assessment, actions = :actions, status = 'REVIEWED',"
        + " closed_at = :at where number = :number", new MapSqlParameterSource("assessment", assessment)
        .addValue("actions", actions).addValue("at", Timestamp.from(at)).addValue("number", number));
  }

  /** Whether an improvement of the service's availability was started for the month that begins at {@code month}. */
  boolean improvementNoted(String service, Instant month) {
    return jdbc.queryForObject("select count(*) from availability_improvement where service = :service"
        + " and period_from = :month", Map.of("service", service, "month", Timestamp.from(month)), Long.class) > 0;
  }

  void insert(AvailabilityImprovement noted) {
    jdbc.update(AVAILABILITY_IMPROVEMENTS.insert(), AVAILABILITY_IMPROVEMENTS.parameters(noted));
  }

  void improvementStarted(String service, String reviewNumber, String improvement) {
    jdbc.update("update availability_improvement set improvement_number = :improvement where service = :service"
        + " and review_number = :review", new MapSqlParameterSource("improvement", improvement)
        .addValue("service", service).addValue("review", reviewNumber));
  }
}
