package org.itops.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
   * restricted to {@code :user}; {@code :now} is the suite's time. A kind whose due time counts in a zone of its own
   * (an incident's, in its service's calendar) selects a column {@code due_in} too, which {@code dueZone} turns into
   * that zone (null: the suite's).
   */
  public record Source(String prefix, String select, Function<String, ZoneId> dueZone) {

    /** A kind whose due times are in the suite's zone. */
    public Source(String prefix, String select) {
      this(prefix, select, null);
    }
  }

  /**
   * One line of the list; {@code kind} is the prefix of the number ({@code INC}); {@code dueZone} the zone its due
   * time counts in when that is not the suite's, else null.
   */
  public record Item(String kind, String number, String title, String status, String priority, Instant createdAt,
      Instant dueAt, String dueZone, Instant closedAt) {}

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
        .map(source -> "select '" + source.prefix() + "' as kind, s.number, s.title, s.status, s.priority,"
            + " s.created_at, s.due_at, s.closed_at, " + (source.dueZone() == null ? "cast(null as varchar(100))"
            : "s.due_in") + " as due_in from (" + source.select() + ") s")
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
    List<Row> rows = jdbc.query("select r.* from " + records
        + " order by r.created_at desc, r.number desc limit :limit offset :offset", parameters,
        (rs, row) -> new Row(new Item(rs.getString("kind"), rs.getString("number"), rs.getString("title"),
            rs.getString("status"), rs.getString("priority"), instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("due_at")), null, instant(rs.getTimestamp("closed_at"))),
            rs.getString("due_in")));
    // after the query, not while its rows are read: a kind may look its zones up in the database
    Map<String, Source> byKind = chosen.stream().collect(Collectors.toMap(Source::prefix, Function.identity()));
    Map<String, Optional<ZoneId>> zones = new HashMap<>(); // a page names a few services: each is looked up once
    List<Item> items = rows.stream().map(row -> {
      Item item = row.item();
      Function<String, ZoneId> dueZone = byKind.get(item.kind()).dueZone();
      Optional<ZoneId> zone = row.dueIn() == null ? Optional.empty() : zones.computeIfAbsent(
          item.kind() + ":" + row.dueIn(), in -> Optional.ofNullable(dueZone.apply(row.dueIn())));
      return zone.map(z -> new Item(item.kind(), item.number(), item.title(), item.status(), item.priority(),
          item.createdAt(), item.dueAt(), z.getId(), item.closedAt())).orElse(item);
    }).toList();
    return new Slice(items, offset, limit, total == null ? 0 : total);
  }

  /** A line as read, with what its kind's zone is looked up by. */
  private record Row(Item item, String dueIn) {}

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
