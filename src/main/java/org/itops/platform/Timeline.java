package org.itops.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What happened to a record, when and by whom: the timeline that GET /api/.../{number} shows.
 *
 * <p>An entry is a text of {@code i18n/messages*.properties} ({@code timeline.*}) and its values, stored as they are
 * and worded when the timeline is read: in the language of the request being answered ({@link RequestLanguage}),
 * else the suite's; instants by {@link SuiteTime}, codes by their names ({@link #code}), what people typed as typed.
 * The {@code detail} column keeps the English text of the moment, for whatever reads the table, and is what an entry
 * written before the texts were stored shows.
 */
@Service
public class Timeline {

  /** One entry; {@code actor} is a user id or {@code system} for timers and jobs. */
  public record Entry(Instant at, String type, String actor, String detail) {}

  /**
   * A stored code (priority, group, severity...) shown by its name; the variable names its kind ({@link ShownCodes}).
   */
  public record Code(String variable, Object value) {}

  /** A part of an entry that is itself a text of the bundles, e.g. a clause that only some entries have. */
  public record Text(String key, Object... arguments) {}

  public static Code code(String variable, Object value) {
    return new Code(variable, value);
  }

  public static Text text(String key, Object... arguments) {
    return new Text(key, arguments);
  }

  /** What a person added to an entry, as {@code ": notes"} in English; nothing when they wrote nothing. */
  public static Object because(String notes) {
    return notes == null || notes.isBlank() ? "" : text("timeline.because", notes);
  }

  private static final int MAX_DETAIL = 4000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final CurrentUser currentUser;
  private final MessageSource messages;
  private final SuiteTime time;
  private final ShownCodes codes;
  private final Locale suiteLanguage;

  Timeline(JdbcTemplate jdbc, Clock clock, CurrentUser currentUser, MessageSource messages, SuiteTime time,
      ShownCodes codes, SuiteProperties suite) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.currentUser = currentUser;
    this.messages = messages;
    this.time = time;
    this.codes = codes;
    this.suiteLanguage = suite.language();
  }

  /**
   * Records an entry by the current user (or {@code system}) in the caller's transaction: the text of the key
   * ({@code timeline.*}) with {0}, {1}... filled by the arguments: instants, {@link #code codes}, {@link #text
   * texts}, and anything else (what people typed, numbers, dates) as it is.
   */
  public void record(String recordNumber, String type, String key, Object... arguments) {
    String actor = currentUser.id() == null ? "system" : currentUser.id();
    ArrayNode stored = stored(arguments);
    jdbc.update("insert into record_event (record_number, at, type, actor, detail, detail_key, detail_args)"
            + " values (?, ?, ?, ?, ?, ?, ?)", recordNumber, Timestamp.from(clock.instant()), type, actor,
        shorten(worded(key, stored, Locale.ENGLISH)), key, stored.toString());
  }

  /** The timeline of the record, worded in the language of the request being answered, else the suite's. */
  public List<Entry> of(String recordNumber) {
    Locale language = RequestLanguage.ofCurrentRequest().orElse(suiteLanguage);
    return jdbc.query("select at, type, actor, detail, detail_key, detail_args from record_event"
            + " where record_number = ? order by id",
        (rs, row) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("type"), rs.getString("actor"),
            rs.getString("detail_key") == null ? rs.getString("detail")
                : shorten(worded(rs.getString("detail_key"), parse(rs.getString("detail_args")), language))),
        recordNumber);
  }

  private static ArrayNode stored(Object[] arguments) {
    ArrayNode stored = JSON.createArrayNode();
    for (Object argument : arguments) {
      ObjectNode node = stored.addObject();
      if (argument instanceof Instant instant) {
        node.put("instant", instant.toString());
      } else if (argument instanceof Date date) {
        node.put("instant", date.toInstant().toString());
      } else if (argument instanceof Code code) {
        node.put("code", code.variable()).put("value", code.value() == null ? "" : String.valueOf(code.value()));
      } else if (argument instanceof Text text) {
        node.put("key", text.key()).set("arguments", stored(text.arguments()));
      } else {
        node.put("text", shorten(argument == null ? "" : String.valueOf(argument)));
      }
    }
    return stored;
  }

  /**
   * The text of the key in the language, each value shown as a string first (so that texts use {0}, never
   * {0,number}: a number reads as it was written).
   */
  private String worded(String key, JsonNode arguments, Locale language) {
    List<String> shown = new ArrayList<>();
    for (JsonNode argument : arguments) {
      if (argument.has("instant")) {
        shown.add(time.format(Instant.parse(argument.get("instant").asText())));
      } else if (argument.has("code")) {
        shown.add(codes.shown(argument.get("code").asText(), argument.get("value").asText(), language));
      } else if (argument.has("key")) {
        shown.add(worded(argument.get("key").asText(), argument.get("arguments"), language));
      } else {
        shown.add(argument.path("text").asText());
      }
    }
    return messages.getMessage(key, shown.toArray(), language);
  }

  private static JsonNode parse(String arguments) {
    try {
      return arguments == null ? JSON.createArrayNode() : JSON.readTree(arguments);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A timeline entry's values are not JSON: " + arguments, e);
    }
  }

  private static String shorten(String text) {
    return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
  }
}
