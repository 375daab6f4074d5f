package org.itops.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.itops.platform.Table;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The notification feature's tables: {@code notification_log}, and {@code mail_outbox} ({@link MailOutbox}). */
@Repository
class NotificationRepository {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};
  private static final Table<NotificationLog> LOG = Table.of("notification_log", NotificationLog.class, "id");

  private final NamedParameterJdbcTemplate jdbc;

  NotificationRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(NotificationLog sent) {
    jdbc.update(LOG.insertGeneratingKey(), LOG.parameters(sent));
  }

  /** The addresses that the delivery (a mail of the outbox, or an older {@code mail-delivery} instance) has sent to. */
  Set<String> addressesServedBy(String deliveryId) {
    return Set.copyOf(jdbc.queryForList("select recipients from notification_log where delivery_id = :deliveryId",
        Map.of("deliveryId", deliveryId), String.class));
  }

  /** The mails sent about the record, one per recipient, the oldest first. */
  List<NotificationService.Sent> sentAbout(String recordNumber) {
    return jdbc.query("select sent_at, template from notification_log where record_number = :record"
        + " order by sent_at, id", Map.of("record", recordNumber), (row, rowNumber) -> new NotificationService.Sent(
        row.getTimestamp("sent_at").toInstant(), row.getString("template")));
  }

  /** Writes a mail to the outbox, nobody's yet, with the values its template uses. */
  void insertWaiting(String id, NotificationService.Notification mail, Map<String, String> values,
      Instant requestedAt) {
    Map<String, Object> row = new HashMap<>();
    row.put("id", id);
    row.put("recordNumber", mail.recordNumber());
    row.put("template", mail.template());
    row.put("groups", String.join(",", mail.groups()));
    row.put("users", String.join(",", mail.users()));
    row.put("values", json(values));
    row.put("processInstanceId", mail.processInstanceId());
    row.put("activityId", mail.activityId());
    row.put("requestedAt", Timestamp.from(requestedAt));
    jdbc.update("insert into mail_outbox (id, record_number, template, notify_groups, notify_users, template_values,"
        + " process_instance_id, activity_id, requested_at) values (:id, :recordNumber, :template, :groups, :users,"
        + " :values, :processInstanceId, :activityId, :requestedAt)", row);
  }

  /** Takes the mail of the outbox until then, unless a sender has it now; answers whether it did. */
  boolean claimWaiting(String id, Instant now, Instant until) {
    return jdbc.update("update mail_outbox set claimed_until = :until where id = :id"
        + " and (claimed_until is null or claimed_until < :now)",
        Map.of("id", id, "until", Timestamp.from(until), "now", Timestamp.from(now))) == 1;
  }

  /**
   * The mails of the outbox asked for up to then that nobody has taken, or whose sender's claim has run out; the
   * oldest first.
   */
  List<String> leftBehind(Instant requestedUpTo, Instant now) {
    return jdbc.queryForList("select id from mail_outbox where (claimed_until is null and requested_at <= :upTo)"
        + " or claimed_until < :now order by requested_at", Map.of("upTo", Timestamp.from(requestedUpTo),
        "now", Timestamp.from(now)), String.class);
  }

  /** The mails of the outbox about the record that no sender has now; the oldest first. */
  List<String> waitingAbout(String recordNumber, Instant now) {
    return jdbc.queryForList("select id from mail_outbox where record_number = :record"
        + " and (claimed_until is null or claimed_until < :now) order by requested_at",
        Map.of("record", recordNumber, "now", Timestamp.from(now)), String.class);
  }

  /** The mail of the outbox. */
  NotificationService.Notification waiting(String id) {
    return jdbc.queryForObject("select * from mail_outbox where id = :id", Map.of("id", id),
        (row, rowNumber) -> new NotificationService.Notification(row.getString("template"),
            row.getString("record_number"), MailDeliveryProcess.ids(row.getString("notify_groups")),
            MailDeliveryProcess.ids(row.getString("notify_users")), texts(row.getString("template_values")),
            row.getString("process_instance_id"), row.getString("activity_id")));
  }

  void removeWaiting(String id) {
    jdbc.update("delete from mail_outbox where id = :id", Map.of("id", id));
  }

  /** The values of a mail in the outbox's column: a JSON object of texts. */
  private static String json(Map<String, String> values) {
    try {
      return JSON.writeValueAsString(values);
    } catch (JsonProcessingException cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    }
  }

  private static Map<String, String> texts(String json) {
    try {
      return JSON.readValue(json, TEXTS);
    } catch (JsonProcessingException corrupt) {
      throw new IllegalStateException("Mail values are not a JSON object of texts: " + json, corrupt);
    }
  }
}
