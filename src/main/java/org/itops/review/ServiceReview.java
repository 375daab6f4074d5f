package org.itops.review;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A service review as stored, and as {@code GET /api/reviews/{number}} shows it: its columns' names, its times as
 * clients have always read them ({@code 2030-01-01T00:00:00.000+00:00}), the KPI report as the JSON text it was kept.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ServiceReview(
    String number,
    @JsonFormat(pattern = ServiceReview.TIME, timezone = "UTC") Instant periodFrom,
    @JsonFormat(pattern = ServiceReview.TIME, timezone = "UTC") Instant periodTo,
    String service,
    String kpis,
    String assessment,
    String actions,
    String status,
    @JsonFormat(pattern = ServiceReview.TIME, timezone = "UTC") Instant createdAt,
    @JsonFormat(pattern = ServiceReview.TIME, timezone = "UTC") Instant closedAt) {

  /** How the API wrote the review's times when it answered the table's row as it came. */
  static final String TIME = "yyyy-MM-dd'T'HH:mm:ss.SSSxxx";
}
