package org.itops.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The records a person asked for, of every kind at once (the portal's "My requests"): each kind says in a
 * {@link Source} which of its records are the user's and what of them a list shows; this class pages through all of
 * them in one query, newest first. A requester reads each of these records through its kind's read rule (the
 * reporter, requester or respondent reads their own), so the list shows nothing the record's own API would not.
 */
@Component
public class RequesterRecords {

  /** The largest page. */
  public static final int MAX_LIMIT = 100;

  /**
   * The records of one kind that a user asked for: a select of the columns {@code number, title, status, priority,
   * created_at, due_at, closed_at} (null where the kind has none, {@code closed_at} null while the record is open)
   * restricted to {@code :user}; {@code :now} is the suite's time.
   */
  public record Source(String prefix, String select) {}

  /** One line of the list; {@code kind} is the prefix of the number ({@code INC}). */
  public record Item(String kind, String number, String title, String status, String priority, Instant createdAt,
      Instant dueAt, Instant closedAt) {}

  /** A page of the list, where it starts and how long it may be (the portal pages by offset), and the whole count. */
  public record Slice(List<Item> items, int offset, int limit, long total) {}

  /** Which records: the open ones (not closed), the closed ones, or all. */
  public enum State { OPEN, CLOSED, ALL }

  private final NamedParameterJdbcTemplate jdbc;
  private final List<Source> sources;
  private final Clock clock;

  RequesterRecords(NamedParameterJdbcTemplate jdbc, List<Source> sources, Clock clock) {
    this.jdbc = jdbc;
    this.sources = List.copyOf(sources);
    this.clock = clock;
  }

  /** The kinds of records there are lists of ({@code INC}, ...). */
  public List<String> kinds() {
    return sources.stream().map(Source::prefix).sorted().toList();
  }

  /**
   * A page of the user's records of the kinds asked (all when empty), in the state asked, whose number or title
   * holds the search text (any case; none when blank), newest first.
   */
  public Slice page(String user, List<String> kinds, State state, String search, int offset, int limit) {
    List<Source> chosen = sources.stream().filter(source -> kinds.isEmpty() || kinds.contains(source.prefix()))
        .toList();
    if (chosen.isEmpty()) {
      return new Slice(List.of(), offset, limit, 0);
    }
    String union = chosen.stream()
        .map(source -> "select '" + source.prefix() + "' as kind, s.* from (" + source.select() + ") s")
        .collect(Collectors.joining(" union all "));
    MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("user", user)
        .addValue("now", Timestamp.from(clock.instant())).addValue("offset", offset).addValue("limit", limit);
    Filters filters = new Filters(parameters);
    if (state == State.OPEN) {
      filters.and("r.closed_at is null");
    } else if (state == State.CLOSED) {
      filters.and("r.closed_at is not null");
    }
    if (search != null && !search.isBlank()) {
      filters.and("(lower(r.number) like :search escape '\\' or lower(r.title) like :search escape '\\')");
      parameters.addValue("search", "%" + search.strip().toLowerCase(Locale.ROOT)
          .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    String records = "(" + union + ") r" + filters.where();
    Long total = jdbc.queryForObject("select count(*) from " + records, parameters, Long.class);
    List<Item> items = jdbc.query("select r.* from " + records
        + " order by r.created_at desc, r.number desc limit :limit offset :offset", parameters,
        (rs, row) -> new Item(rs.getString("kind"), rs.getString("number"), rs.getString("title"),
            rs.getString("status"), rs.getString("priority"), instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("closed_at"))));
    return new Slice(items, offset, limit, total == null ? 0 : total);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
