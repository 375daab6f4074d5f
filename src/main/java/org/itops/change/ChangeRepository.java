package org.itops.change;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Filters;
import org.itops.platform.Page;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Changes in {@code change_request} and {@code change_item}; freeze periods in {@code change_freeze}. */
@Repository
class ChangeRepository {

  /** A freeze period: no change may run in it (the API shows it without its time of creation). */
  record Freeze(Long id, String name, Instant startsAt, Instant endsAt, String reason, String createdBy,
      @JsonIgnore Instant createdAt) {

    /** The freeze with the key the database gave it. */
    Freeze numbered(long newId) {
      return new Freeze(newId, name, startsAt, endsAt, reason, createdBy, createdAt);
    }
  }

  private static final Table<Change> CHANGES = Table.of("change_request", Change.class, "number",
      "configurationItems");
  private static final Table<Freeze> FREEZES = Table.of("change_freeze", Freeze.class, "id");
  /** Changes that will or may still run: they hold their window. */
  private static final String HOLDS_WINDOW = "status not in ('CLOSED')";

  private final NamedParameterJdbcTemplate jdbc;

  ChangeRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Change change, Map<Long, String> items) {
    jdbc.update(CHANGES.insert(), CHANGES.parameters(change));
    items.forEach((id, reference) -> jdbc.update("insert into change_item (change_number, ci_id, ci_reference)"
        + " values (:number, :id, :reference)", Map.of("number", change.number(), "id", id, "reference", reference)));
  }

  void update(Change change) {
    jdbc.update(CHANGES.update(), CHANGES.parameters(change));
  }

  Optional<Change> find(String number) {
    return withItems(jdbc.query("select * from change_request where number = :number", Map.of("number", number),
        CHANGES.rows())).stream().findFirst();
  }

  /** Changes, newest first; {@code requester} (null = anyone's) limits to one requester's. */
  Page<Change> list(String status, String requester, int page, int size) {
    MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("limit", size)
        .addValue("offset", (long) page * size);
    String where = new Filters(parameters).equal("status", status).equal("requester", requester).where();
    long total = jdbc.queryForObject("select count(*) from change_request" + where, parameters, Long.class);
    return new Page<>(withItems(jdbc.query("select * from change_request" + where
        + " order by created_at desc, number desc limit :limit offset :offset", parameters, CHANGES.rows())),
        total);
  }

  /** Open changes other than {@code number} on any of the items whose windows overlap {@code [start, end)}. */
  List<Change> overlapping(String number, Collection<Long> itemIds, Instant start, Instant end) {
    if (itemIds.isEmpty()) {
      return List.of();
    }
    return withItems(jdbc.query("select distinct c.* from change_request c join change_item i on i.change_number = c.number"
        + " where i.ci_id in (:ids) and c.number <> :number and c." + HOLDS_WINDOW
        + " and c.planned_start < :end and c.planned_end > :start order by c.planned_start",
        new MapSqlParameterSource("ids", itemIds).addValue("number", number)
            .addValue("start", Timestamp.from(start)).addValue("end", Timestamp.from(end)), CHANGES.rows()));
  }

  /** Changes that hold a window overlapping {@code [from, to)}: the calendar; {@code requester} as in the list. */
  /** The changes closed in {@code [from, to)}, in the order they closed. */
  List<Change> closedBetween(Instant from, Instant to) {
    return withItems(jdbc.query("select * from change_request where status = 'CLOSED' and closed_at >= :from"
        + " and closed_at < :to order by closed_at, number", new MapSqlParameterSource("from", Timestamp.from(from))
        .addValue("to", Timestamp.from(to)), CHANGES.rows()));
  }

  List<Change> inWindow(Instant from, Instant to, String requester) {
    return withItems(jdbc.query("select * from change_request where " + HOLDS_WINDOW
        + " and planned_start < :to and planned_end > :from" + ofRequester(requester) + " order by planned_start, number",
        new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to))
            .addValue("requester", requester), CHANGES.rows()));
  }

  private static String ofRequester(String requester) {
    return requester == null ? "" : " and requester = :requester";
  }

  List<Long> itemIds(String number) {
    return jdbc.queryForList("select ci_id from change_item where change_number = :number", Map.of("number", number),
        Long.class);
  }

  // --- freezes ------------------------------------------------------------------------------------------

  /** The freeze with its number. */
  Freeze insert(Freeze freeze) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(FREEZES.insertGeneratingKey(), FREEZES.parameters(freeze), key, new String[] {FREEZES.keyColumn()});
    return freeze.numbered(key.getKey().longValue());
  }

  boolean deleteFreeze(long id) {
    return jdbc.update("delete from change_freeze where id = :id", Map.of("id", id)) == 1;
  }

  /** Freezes overlapping {@code [from, to)}. */
  List<Freeze> freezes(Instant from, Instant to) {
    return jdbc.query("select * from change_freeze where starts_at < :to and ends_at > :from order by starts_at",
        Map.of("from", Timestamp.from(from), "to", Timestamp.from(to)), FREEZES.rows());
  }

  private List<Change> withItems(List<Change> changes) {
    if (changes.isEmpty()) {
      return changes;
    }
    Map<String, List<String>> items = new HashMap<>();
    jdbc.query("select change_number, ci_reference from change_item where change_number in (:numbers)"
        + " order by ci_reference", Map.of("numbers", changes.stream().map(Change::number).toList()), rs -> {
          items.computeIfAbsent(rs.getString(1), n -> new ArrayList<>()).add(rs.getString(2));
        });
    return changes.stream().map(c -> c.withItems(List.copyOf(items.getOrDefault(c.number(), List.of())))).toList();
  }
}
