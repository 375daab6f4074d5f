package org.itops.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** What happened to a record, when and by whom: the timeline that GET /api/.../{number} shows. */
@Service
public class Timeline {

  /** One entry; {@code actor} is a user id or {@code system} for timers and jobs. */
  public record Entry(Instant at, String type, String actor, String detail) {}

  private static final int MAX_DETAIL = 4000;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final CurrentUser currentUser;

  Timeline(JdbcTemplate jdbc, Clock clock, CurrentUser currentUser) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.currentUser = currentUser;
  }

  /** Records an entry by the current user (or {@code system}) in the caller's transaction. */
  public void record(String recordNumber, String type, String detail) {
    String actor = currentUser.id() == null ? "system" : currentUser.id();
    String shortened = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    jdbc.update("insert into record_event (record_number, at, type, actor, detail) values (?, ?, ?, ?, ?)",
        recordNumber, Timestamp.from(clock.instant()), type, actor, shortened);
  }

  public List<Entry> of(String recordNumber) {
    return jdbc.query("select at, type, actor, detail from record_event where record_number = ? order by id",
        (rs, row) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("type"), rs.getString("actor"),
            rs.getString("detail")), recordNumber);
  }
}
